using System.Net;
using System.Net.Http.Headers;

namespace PopCulture.Cms.Tests;

/// <summary>The delivery API serves responsive variants of library images, made once and cached.</summary>
public abstract class MediaVariantTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    [Fact]
    public async Task An_image_is_served_at_the_theme_widths_as_webp_and_its_own_format()
    {
        var admin = await cms.AdminClientAsync();
        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent(CraftedFiles.Jpeg(1500, 500));
        form.Add(file, "file", "wide.jpg");
        form.Add(new StringContent("宽幅照片"), "alt");
        var uploaded = await (await admin.PostAsync("/api/v1/manage/media", form)).JsonAsync();
        var id = uploaded["id"]!.GetValue<string>();
        var anonymous = cms.CreateClient();

        var webp = await anonymous.GetAsync($"/api/v1/media/{id}/720.webp");
        var jpeg = await anonymous.GetAsync($"/api/v1/media/{id}/360.jpg");
        var again = await anonymous.GetAsync($"/api/v1/media/{id}/720.webp");
        var missing = await anonymous.GetAsync($"/api/v1/media/{id}/721.webp");
        var png = await anonymous.GetAsync($"/api/v1/media/{id}/720.png");

        Assert.Equal(HttpStatusCode.OK, webp.StatusCode);
        Assert.Equal("image/webp", webp.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", webp.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.NotNull(webp.Headers.ETag);
        using (var image = SixLabors.ImageSharp.Image.Load(await webp.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal((720, 240), (image.Width, image.Height));
        }

        Assert.Equal("image/jpeg", jpeg.Content.Headers.ContentType!.MediaType);
        Assert.Equal(await webp.Content.ReadAsByteArrayAsync(), await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, png.StatusCode);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/media/{id}/720.webp");
        conditional.Headers.IfNoneMatch.Add(webp.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(conditional)).StatusCode);
    }

    [Fact]
    public async Task Only_images_have_variants()
    {
        var admin = await cms.AdminClientAsync();
        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent(CraftedFiles.Pdf());
        form.Add(file, "file", "handout.pdf");
        var pdf = await (await admin.PostAsync("/api/v1/manage/media", form)).JsonAsync();

        var response = await cms.CreateClient().GetAsync($"/api/v1/media/{pdf["id"]}/360.webp");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class SqliteMediaVariantTests(SqliteCms cms) : MediaVariantTests<SqliteCms>(cms);

public sealed class PostgresMediaVariantTests(PostgresCms cms) : MediaVariantTests<PostgresCms>(cms);
