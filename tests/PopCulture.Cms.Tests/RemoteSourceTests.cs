using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using PopCulture.Cli.Remote;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Media;
using PopCulture.Site;

namespace PopCulture.Cms.Tests;

/// <summary>
/// A site build through the CMS's source API (<c>popculture build --cms</c>) against a CMS holding the demo content: the
/// same pages as the CMS's own build, never a draft, nothing downloaded twice, and no media of unpublished content.
/// </summary>
public abstract class RemoteSourceTests<TCms>(TCms cms) : IClassFixture<TCms>, IDisposable where TCms : CmsFactory
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "popculture-remote-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_remote_build_has_the_same_pages_as_the_cms_own_build()
    {
        var local = await BuildLocalAsync("local");
        var remote = await BuildRemoteAsync(cms.CreateClient(), "remote");

        Assert.True(local.Succeeded, string.Join('\n', local.Diagnostics));
        Assert.True(remote.Succeeded, string.Join('\n', remote.Diagnostics));
        var pages = Pages("local");
        Assert.True(pages.Count > 50, $"the demo site has more than 50 pages, found {pages.Count}");
        Assert.Equal(pages, Pages("remote"));
        foreach (var page in pages)
        {
            Assert.True(File.ReadAllText(Output("local", page)) == File.ReadAllText(Output("remote", page)), $"{page} differs");
        }

        var photo = Path.Combine("parks", "gusu-park", "park.png");
        Assert.Equal(await File.ReadAllBytesAsync(Output("local", photo)), await File.ReadAllBytesAsync(Output("remote", photo)));
    }

    [Fact]
    public async Task Drafts_and_unpublished_edits_never_reach_a_remote_build()
    {
        var slug = "remote-" + Guid.NewGuid().ToString("N")[..8];
        var admin = await cms.AdminClientAsync();
        var live = await admin.CreateAsync(ApiJson.Article("news", slug, "已发布的标题", "已发布的正文。"));
        var published = await (await admin.MoveAsync(live, "publish")).JsonAsync();
        var edit = new { section = "news", slug, frontMatter = new { title = "草稿标题DRAFTMARK", date = "2013-05-01" }, body = "草稿正文DRAFTMARK", revision = published["revision"]!.GetValue<int>() };
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/manage/content/{live["id"]}", edit)).StatusCode);
        await admin.CreateAsync(ApiJson.Article("news", slug + "-never", "从未发布DRAFTMARK", "DRAFTMARK"));

        var result = await BuildRemoteAsync(cms.CreateClient(), "drafts");

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Contains("已发布的标题", File.ReadAllText(Output("drafts", Path.Combine("news", slug, "index.html"))), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Output("drafts", Path.Combine("news", slug + "-never"))));
        var leaked = Directory.EnumerateFiles(Output("drafts", ""), "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".html" or ".xml" or ".json" or ".txt")
            .Where(f => File.ReadAllText(f).Contains("DRAFTMARK", StringComparison.Ordinal));
        Assert.Empty(leaked);
        var anonymous = cms.CreateClient();
        Assert.DoesNotContain("DRAFTMARK", await anonymous.GetStringAsync("/api/v1/source"), StringComparison.Ordinal);
        Assert.DoesNotContain("DRAFTMARK", await anonymous.GetStringAsync("/api/v1/source/items?pageSize=100&page=1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_remote_build_downloads_nothing_that_did_not_change()
    {
        var first = new Recorder();
        var second = new Recorder();

        var one = await BuildRemoteAsync(cms.CreateDefaultClient(new Uri("http://localhost/"), first), "twice", cache: "shared");
        var two = await BuildRemoteAsync(cms.CreateDefaultClient(new Uri("http://localhost/"), second), "twice", cache: "shared");

        Assert.True(one.Succeeded && two.Succeeded, string.Join('\n', one.Diagnostics.Concat(two.Diagnostics)));
        Assert.Contains(first.Requests, r => r.Path.StartsWith("/api/v1/source/media/", StringComparison.Ordinal) && r.Status == HttpStatusCode.OK);
        Assert.DoesNotContain(second.Requests, r => r.Path.StartsWith("/api/v1/source/media/", StringComparison.Ordinal));
        // The manifest and every page of items are revalidated by ETag, not sent again.
        Assert.NotEmpty(second.Requests);
        Assert.All(second.Requests, r => Assert.Equal(HttpStatusCode.NotModified, r.Status));
    }

    [Fact]
    public async Task Only_media_of_published_content_can_be_downloaded()
    {
        var slug = "media-" + Guid.NewGuid().ToString("N")[..8];
        var media = Path.Combine(cms.DataDirectory, "media");
        var png = await File.ReadAllBytesAsync(Path.Combine(media, "parks", "gusu-park", "park.png"));
        var linked = $"news/{slug}-linked.png";
        var stray = $"news/{slug}-stray.png";
        var unpublishedBundle = $"news/{slug}-bundle/secret.png";
        // Left in the factory's data folder afterwards: deleting them would race the CMS's own rebuild after the publish.
        foreach (var key in new[] { linked, stray, unpublishedBundle })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(media, key))!);
            await File.WriteAllBytesAsync(Path.Combine(media, key), png);
        }

        var admin = await cms.AdminClientAsync();
        var entry = await admin.CreateAsync(new { section = "news", slug, frontMatter = new { title = "带图的文章", date = "2013-05-01" }, body = $"![示意图]({slug}-linked.png)\n" });
        Assert.Equal(HttpStatusCode.OK, (await admin.MoveAsync(entry, "publish")).StatusCode);
        var anonymous = cms.CreateClient();

        var manifest = await (await anonymous.GetAsync("/api/v1/source")).JsonAsync();
        var download = await anonymous.GetAsync($"/api/v1/source/media/{linked}");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/source/media/{linked}");
        conditional.Headers.IfNoneMatch.Add(download.Headers.ETag!);
        var revalidated = await anonymous.SendAsync(conditional);

        var keys = manifest["media"]!.AsArray().Select(m => m!["key"]!.GetValue<string>()).ToList();
        Assert.Contains("parks/gusu-park/park.png", keys);
        Assert.Contains(linked, keys);
        Assert.DoesNotContain(stray, keys);
        Assert.DoesNotContain(unpublishedBundle, keys);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal($"\"{Convert.ToHexStringLower(SHA256.HashData(png))}\"", download.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        foreach (var url in new[]
        {
            $"/api/v1/source/media/{stray}", $"/api/v1/source/media/{unpublishedBundle}", "/api/v1/source/media/..%2Fpopculture.db",
            "/api/v1/source/media/parks/gusu-park/..%2F..%2F..%2Fpopculture.db",
        })
        {
            var refused = await anonymous.GetAsync(url);
            Assert.True(refused.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)refused.StatusCode}");
        }
    }

    [Fact]
    public async Task Library_images_reach_a_remote_build_with_their_alt_text_and_focal_point()
    {
        var admin = await cms.AdminClientAsync();
        var id = (await admin.UploadPngAsync(CraftedFiles.Png(800, 600), "photo.png", alt: "孩子们在园里看展板"))["id"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/manage/media/{id}", new { focalX = 0.2, focalY = 0.9 })).StatusCode);
        var slug = "library-" + Guid.NewGuid().ToString("N")[..8];
        var image = $"/media/{id:N}.png";
        var entry = await admin.CreateAsync(new
        {
            section = "news", slug,
            frontMatter = new { title = "图库图片", date = "2013-05-01", cover = new { src = image, alt = "封面" } },
            body = $"活动现场：\n\n![]({image})\n",
        });
        Assert.Equal(HttpStatusCode.OK, (await admin.MoveAsync(entry, "publish")).StatusCode);

        var local = await BuildLocalAsync("library-local");
        var remote = await BuildRemoteAsync(cms.CreateClient(), "library-remote");

        Assert.True(local.Succeeded, string.Join('\n', local.Diagnostics));
        Assert.True(remote.Succeeded, string.Join('\n', remote.Diagnostics));
        var page = Path.Combine("news", slug, "index.html");
        var html = File.ReadAllText(Output("library-remote", page));
        Assert.Contains("alt=\"孩子们在园里看展板\"", html, StringComparison.Ordinal); // the body image's empty alt, from the library
        Assert.Equal(File.ReadAllText(Output("library-local", page)), html); // the cover cropped around the same focal point
        var files = Directory.EnumerateFiles(Output("library-local", ""), $"{id:N}*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Output("library-local", ""), f)).ToList();
        Assert.Contains(Path.Combine("media", $"{id:N}.png"), files);
        Assert.True(files.Count > 2, $"the image and its variants: {string.Join(", ", files)}");
        foreach (var file in files)
        {
            Assert.Equal(await File.ReadAllBytesAsync(Output("library-local", file)), await File.ReadAllBytesAsync(Output("library-remote", file)));
        }

        // A new description changes the published pages, so a remote build sees it without anything being published again.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/manage/media/{id}", new { alt = "展板前的孩子们" })).StatusCode);
        var again = await BuildRemoteAsync(cms.CreateClient(), "library-remote");
        Assert.True(again.Succeeded, string.Join('\n', again.Diagnostics));
        Assert.Contains("alt=\"展板前的孩子们\"", File.ReadAllText(Output("library-remote", page)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_source_api_is_anonymous_and_names_bad_paging()
    {
        var anonymous = cms.CreateClient();

        var page = await (await anonymous.GetAsync("/api/v1/source/items?pageSize=2&page=2")).JsonAsync();
        var tooBig = await anonymous.GetAsync("/api/v1/source/items?pageSize=1000");
        var unknown = await anonymous.GetAsync("/api/v1/source/items?section=news");

        Assert.Equal(2, page["items"]!.AsArray().Count);
        Assert.StartsWith("---\n", page["items"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["pageSize"], await tooBig.ErrorFieldsAsync());
        Assert.Equal(["section"], await unknown.ErrorFieldsAsync());
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    private BuildOptions Options(string name, string? cache = null) => new()
    {
        ThemeDirectory = Path.Combine(CmsFactory.RepositoryRoot, "themes", "default"),
        OutputDirectory = Path.Combine(_root, name, "public"),
        CacheDirectory = Path.Combine(_root, cache ?? name, "cache"),
        BaseUrl = "https://example.org/",
    };

    private async Task<BuildResult> BuildLocalAsync(string name)
    {
        using var scope = cms.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var files = scope.ServiceProvider.GetRequiredService<MediaVariants>();
        var result = await new SiteBuilder(new CmsContentSource(db, Path.Combine(cms.DataDirectory, "media"), files), Options(name)).BuildAsync(null, CancellationToken.None);
        await result.Cleanup;
        return result;
    }

    private async Task<BuildResult> BuildRemoteAsync(HttpClient http, string name, string? cache = null)
    {
        using (http)
        {
            var source = new CmsRemoteSource(http, Path.Combine(_root, cache ?? name, "downloads"));
            var result = await new SiteBuilder(source, Options(name, cache)).BuildAsync(null, CancellationToken.None);
            await result.Cleanup;
            return result;
        }
    }

    private string Output(string name, string relative) => Path.Combine(_root, name, "public", relative);

    /// <summary>The HTML pages of a build, as sorted relative paths.</summary>
    private List<string> Pages(string name)
    {
        var output = Output(name, "");
        return [.. Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Every request the remote source made, with the status it got.</summary>
    private sealed class Recorder : DelegatingHandler
    {
        public ConcurrentQueue<(string Path, HttpStatusCode Status)> Requests { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            Requests.Enqueue((request.RequestUri!.AbsolutePath, response.StatusCode));
            return response;
        }
    }
}

public sealed class SqliteRemoteSourceTests(SqliteCms cms) : RemoteSourceTests<SqliteCms>(cms);

public sealed class PostgresRemoteSourceTests(PostgresCms cms) : RemoteSourceTests<PostgresCms>(cms);
