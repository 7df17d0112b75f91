using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PopCulture.Cms.Tests;

/// <summary>Library images used in content: alt text required before going live, published with responsive variants, drafts' images kept private.</summary>
public abstract class LibraryMediaTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    [Fact]
    public async Task A_library_image_without_alt_text_blocks_publishing_and_with_it_is_published_with_its_variants()
    {
        var admin = await cms.AdminClientAsync();
        var image = await admin.UploadPngAsync(CraftedFiles.Png(800, 600), "park.png");
        var id = image["id"]!.GetValue<Guid>();
        var slug = "library-" + Guid.NewGuid().ToString("N")[..8];
        var entry = await admin.CreateAsync(ApiJson.Article("news", slug, "用图库图片的文章", $"活动现场：\n\n![](/media/{id:N}.png)\n"));

        var refused = await admin.MoveAsync(entry, "publish");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("media", await refused.ErrorFieldsAsync());
        Assert.Contains("alt text", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/manage/media/{id}", new { alt = "孩子们在人口文化园里做游戏" })).StatusCode);
        var started = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.OK, (await admin.MoveAsync(entry, "publish")).StatusCode);
        await BuildHistory.WaitForAsync(admin, started, reason => reason == $"publish news/{slug}");

        var page = await cms.CreateClient().GetStringAsync($"/news/{slug}/");
        Assert.Contains("alt=\"孩子们在人口文化园里做游戏\"", page, StringComparison.Ordinal);
        Assert.Contains($"/media/{id:N}.720.webp 720w", page, StringComparison.Ordinal); // a responsive variant
        Assert.Contains("type=\"image/webp\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await cms.CreateClient().GetAsync($"/media/{id:N}.png")).StatusCode);
        var usage = await admin.GetFromJsonAsync<JsonNode>($"/api/v1/manage/media/{id}");
        Assert.Contains(usage!["usage"]!.AsArray(), u => u!["slug"]!.GetValue<string>() == slug);
    }

    [Fact]
    public async Task A_library_image_only_a_draft_uses_stays_off_the_public_site()
    {
        var admin = await cms.AdminClientAsync();
        var image = await admin.UploadPngAsync(CraftedFiles.Png(400, 300), "draft.png", alt: "草稿里的图片");
        var id = image["id"]!.GetValue<Guid>();
        await admin.CreateAsync(ApiJson.Article("news", "draft-" + Guid.NewGuid().ToString("N")[..8], "草稿", $"![](/media/{id:N}.png)\n"));
        var other = "other-" + Guid.NewGuid().ToString("N")[..8];
        var published = await admin.CreateAsync(ApiJson.Article("news", other, "另一篇"));
        var started = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.OK, (await admin.MoveAsync(published, "publish")).StatusCode);
        await BuildHistory.WaitForAsync(admin, started, reason => reason == $"publish news/{other}");

        Assert.Equal(HttpStatusCode.NotFound, (await cms.CreateClient().GetAsync($"/media/{id:N}.png")).StatusCode);
    }
}

public sealed class SqliteLibraryMediaTests(SqliteCms cms) : LibraryMediaTests<SqliteCms>(cms);

public sealed class PostgresLibraryMediaTests(PostgresCms cms) : LibraryMediaTests<PostgresCms>(cms);
