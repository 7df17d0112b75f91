using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PopCulture.Cms.Tests;

/// <summary>
/// <c>popculture build --cms</c> as a user runs it: against a real CMS on a loopback port, and against a stand-in that
/// checks the bearer token, which the CLI must send and never print.
/// </summary>
public sealed class RemoteBuildCommandTests(KestrelSqliteCms cms) : IClassFixture<KestrelSqliteCms>, IDisposable
{
    private const string Token = "pc_remote-build-SECRET-token";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "popculture-remote-cli-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Build_with_cms_builds_the_site_from_a_running_cms()
    {
        var output = Path.Combine(_root, "public");

        var (code, stdout, stderr) = await RunAsync("build", "--cms", cms.Address, "--output", output, "--theme", Theme, "--base-url", "https://example.org/");

        Assert.True(code == 0, stderr);
        Assert.Contains($"→ {output}", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "parks", "gusu-park", "park.png")));
        Assert.Contains("<html", await File.ReadAllTextAsync(Path.Combine(output, "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_is_sent_as_a_bearer_token_and_never_printed()
    {
        using var stub = new TokenCheckingCms();
        var output = Path.Combine(_root, "public");

        var withToken = await RunAsync("build", "--cms", stub.Address, "--token", Token, "--output", output, "--theme", Theme);
        var without = await RunAsync("build", "--cms", stub.Address, "--output", output, "--theme", Theme);

        // The stand-in answers 500 to the right token and 401 to anything else.
        Assert.Equal(1, withToken.ExitCode);
        Assert.Contains($"{stub.Address}/api/v1/source: the CMS answered 500 出错了", withToken.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, without.ExitCode);
        Assert.Contains($"{stub.Address}/api/v1/source: the CMS answered 401 Unauthorized (a CMS behind sign-in needs --token)", without.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", withToken.Stdout + withToken.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_cms_and_conflicting_sources_are_reported()
    {
        var address = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort()}");

        var unreachable = await RunAsync("build", "--cms", address, "--token", Token, "--output", Path.Combine(_root, "public"), "--theme", Theme);
        var both = await RunAsync("build", "--cms", address, "--content", "content");

        Assert.Equal(1, unreachable.ExitCode);
        Assert.Contains($"{address}/api/v1/source: cannot reach the CMS: ", unreachable.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", unreachable.Stdout + unreachable.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(0, both.ExitCode);
        Assert.Contains("--cms and --content: give one content source, not both", both.Stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static string Theme => Path.Combine(CmsFactory.RepositoryRoot, "themes", "default");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "popculture.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["POPCULTURE_TOKEN"] = null;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>A stand-in CMS on a loopback port: 500 with a problem title for the right bearer token, 401 otherwise.</summary>
    private sealed class TokenCheckingCms : IDisposable
    {
        private readonly HttpListener _listener = new();

        public TokenCheckingCms()
        {
            Address = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort()}");
            _listener.Prefixes.Add(Address + "/");
            _listener.Start();
            _ = AnswerAsync();
        }

        public string Address { get; }

        public void Dispose() => _listener.Close();

        private async Task AnswerAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return; // closed by Dispose
                }

                var authorised = context.Request.Headers["Authorization"] == $"Bearer {Token}";
                var body = Encoding.UTF8.GetBytes(authorised ? """{"title":"出错了","status":500}""" : """{"title":"Unauthorized","status":401}""");
                context.Response.StatusCode = authorised ? 500 : 401;
                context.Response.ContentType = "application/problem+json";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        }
    }
}
