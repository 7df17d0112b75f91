using System.Net;
using System.Net.Sockets;
using System.Text;
using PopCulture.Cli.Remote;
using PopCulture.Site;
using PopCulture.Site.Content;

namespace PopCulture.Cms.Tests;

/// <summary>
/// How a remote build fails: an unreachable CMS, an error answer, a broken answer or a download that does not match its
/// manifest each give a diagnostic naming the URL, and the previous output stays as it was.
/// </summary>
public sealed class RemoteSourceErrorTests : IDisposable
{
    private const string Manifest = "http://cms.test/api/v1/source";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "popculture-remote-error-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task An_unreachable_cms_fails_the_build_naming_the_url_and_leaves_the_output_alone()
    {
        var before = await BuildFromFolderAsync();
        var address = $"http://127.0.0.1:{FreePort()}/";
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        var result = await BuildAsync(http);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Path == address + "api/v1/source" && d.Message.StartsWith("cannot reach the CMS: ", StringComparison.Ordinal));
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task A_server_error_is_reported_with_the_problem_title()
    {
        var before = await BuildFromFolderAsync();
        using var http = Stub(_ => Answer(HttpStatusCode.InternalServerError, """{"title":"数据库不可用","status":500,"detail":"connection lost"}""", "application/problem+json"));

        var result = await BuildAsync(http);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.ToString() == $"{Manifest}: the CMS answered 500 数据库不可用: connection lost");
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task An_answer_that_is_not_the_expected_json_is_reported()
    {
        using var html = Stub(_ => Answer(HttpStatusCode.OK, "<html>登录</html>", "text/html"));
        using var missingField = Stub(_ => Answer(HttpStatusCode.OK, """{"items":[],"dataFiles":[]}""", "application/json"));
        using var unsafeKey = Stub(_ => Answer(HttpStatusCode.OK, $$"""{"items":[],"dataFiles":[],"media":[{"key":"../../etc/passwd","length":1,"sha256":"{{new string('a', 64)}}"}]}""", "application/json"));

        var results = new[] { await BuildAsync(html), await BuildAsync(missingField), await BuildAsync(unsafeKey) };

        Assert.All(results.Take(2), r => Assert.Contains(r.Diagnostics, d => d.Path == Manifest && d.Message.StartsWith("invalid JSON from the CMS", StringComparison.Ordinal)));
        Assert.Contains(results[2].Diagnostics, d => d.Path == Manifest && d.Message.Contains("'../../etc/passwd'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_download_that_does_not_match_the_manifest_is_refused_and_not_cached()
    {
        var bytes = Encoding.UTF8.GetBytes("not what was promised");
        var manifest = $$"""{"items":[],"dataFiles":[],"media":[{"key":"news/a.png","length":{{bytes.Length}},"sha256":"{{new string('0', 64)}}"}]}""";
        using var http = Stub(request => request.RequestUri!.AbsolutePath switch
        {
            "/api/v1/source" => Answer(HttpStatusCode.OK, manifest, "application/json"),
            "/api/v1/source/items" => Answer(HttpStatusCode.OK, """{"items":[],"pageNumber":1,"pageSize":100,"total":0}""", "application/json"),
            _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) },
        });
        var cache = Path.Combine(_root, "downloads");

        var diagnostics = new DiagnosticBag();
        var snapshot = await new CmsRemoteSource(http, cache).LoadAsync(diagnostics, CancellationToken.None);

        Assert.Contains(diagnostics.Snapshot(), d => d.Path == "http://cms.test/api/v1/source/media/news/a.png" && d.Message.Contains("SHA-256", StringComparison.Ordinal));
        Assert.Empty(snapshot.Media);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(cache, "media"), "*", SearchOption.AllDirectories));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private BuildOptions Options => new()
    {
        ThemeDirectory = Path.Combine(CmsFactory.RepositoryRoot, "themes", "default"),
        OutputDirectory = Path.Combine(_root, "public"),
        CacheDirectory = Path.Combine(_root, "cache"),
        BaseUrl = "https://example.org/",
    };

    /// <summary>A good build of the demo content folder: the output a failed remote build must not touch.</summary>
    private async Task<Dictionary<string, string>> BuildFromFolderAsync()
    {
        var result = await new SiteBuilder(new FolderContentSource(Path.Combine(CmsFactory.RepositoryRoot, "content")), Options).BuildAsync(null, CancellationToken.None);
        await result.Cleanup;
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return Snapshot();
    }

    /// <summary>Each output file's path and SHA-256.</summary>
    private Dictionary<string, string> Snapshot()
    {
        var output = Path.Combine(_root, "public");
        return Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(output, f),
            f => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))),
            StringComparer.Ordinal);
    }

    private async Task<BuildResult> BuildAsync(HttpClient http)
    {
        var result = await new SiteBuilder(new CmsRemoteSource(http, Path.Combine(_root, "downloads")), Options).BuildAsync(null, CancellationToken.None);
        await result.Cleanup;
        return result;
    }

    private static HttpClient Stub(Func<HttpRequestMessage, HttpResponseMessage> answer) =>
        new(new StubHandler(answer)) { BaseAddress = new Uri("http://cms.test/") };

    private static HttpResponseMessage Answer(HttpStatusCode status, string body, string contentType) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A CMS stand-in inside the test: answers each request with what the test says.</summary>
    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));
    }
}
