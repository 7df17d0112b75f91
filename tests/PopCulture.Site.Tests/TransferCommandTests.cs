using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PopCulture.Site.Tests;

/// <summary>
/// <c>popculture export</c> and <c>import</c> against a stand-in CMS that answers one request: what the CLI sends,
/// how it refuses a hostile zip, and how it reports problems. The real CMS round trip is in the CMS tests.
/// </summary>
public sealed class TransferCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "popculture-transfer-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Export_refuses_a_folder_that_is_not_empty_before_calling_the_cms()
    {
        var folder = Path.Combine(_root, "full");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "keep.txt"), "mine");

        var (code, stdout, stderr) = await RunAsync(null, "export", folder, "--cms", "http://127.0.0.1:9/", "--token", "secret");

        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Equal($"{folder}: must be an empty folder or not exist yet", stderr.Trim());
        Assert.Equal("mine", await File.ReadAllTextAsync(Path.Combine(folder, "keep.txt")));
    }

    [Fact]
    public async Task A_missing_token_a_bad_address_and_an_unreachable_cms_are_reported()
    {
        var folder = Path.Combine(_root, "out");

        var noToken = await RunAsync(null, "export", folder, "--cms", "http://127.0.0.1:9/");
        var badAddress = await RunAsync(null, "import", _root, "--cms", "example.org", "--token", "secret");
        var unreachable = await RunAsync("secret", "export", folder, "--cms", $"http://127.0.0.1:{FreePort()}");

        Assert.Equal(1, noToken.ExitCode);
        Assert.Equal("--token: give an API token with --token or in POPCULTURE_TOKEN", noToken.Stderr.Trim());
        Assert.Equal(1, badAddress.ExitCode);
        Assert.Equal("--cms: 'example.org' must be an absolute http or https URL", badAddress.Stderr.Trim());
        Assert.Equal(1, unreachable.ExitCode);
        Assert.StartsWith("cannot reach the CMS at http://127.0.0.1:", unreachable.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task Export_refuses_a_zip_that_escapes_the_folder_and_leaves_nothing_behind()
    {
        var folder = Path.Combine(_root, "export");
        var zip = Zip(("news/fine.md", "---\ntitle: 好\n---\n"), ("../evil.md", "gotcha"));
        using var cms = new FakeCms(_ => (200, "application/zip", zip));

        var (code, stdout, stderr) = await RunAsync(null, "export", folder, "--cms", cms.Address, "--token", "secret", "--section", "news");

        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("../evil.md: names must not contain '..', '.' or empty folder names", lines[0]);
        Assert.Equal($"export failed: the archive was refused; {folder} was left empty", lines[^1]);
        Assert.False(Directory.Exists(folder));
        Assert.False(File.Exists(Path.Combine(_root, "evil.md")));
        var request = await cms.Request;
        Assert.Equal("GET /api/v1/manage/export?section=news", request.Line);
        Assert.Equal("Bearer secret", request.Authorization);
    }

    [Fact]
    public async Task Export_unpacks_the_zip_and_prints_a_summary()
    {
        var folder = Path.Combine(_root, "export");
        var zip = Zip(("_index.md", "---\ntitle: 首页\n---\n"), ("news/a/index.md", "---\ntitle: 一\n---\n正文\n"), ("_data/site.yaml", "title: 站\n"));
        using var cms = new FakeCms(_ => (200, "application/zip", zip));

        var (code, stdout, stderr) = await RunAsync("from-env", "export", folder, "--cms", cms.Address);

        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.StartsWith($"exported 3 files (", stdout, StringComparison.Ordinal);
        Assert.Equal("---\ntitle: 一\n---\n正文\n", await File.ReadAllTextAsync(Path.Combine(folder, "news", "a", "index.md")));
        Assert.Equal("title: 站\n", await File.ReadAllTextAsync(Path.Combine(folder, "_data", "site.yaml")));
        Assert.Equal("Bearer from-env", (await cms.Request).Authorization);
    }

    [Fact]
    public async Task Import_zips_the_folder_without_dot_files_and_prints_the_cms_problems_as_lines()
    {
        var folder = Path.Combine(_root, "content");
        Write(folder, "news/bad.md", "---\ntitle: 坏\ndate: 2012-13-01\n---\n");
        Write(folder, "_data/site.yaml", "title: 站\n");
        Write(folder, ".DS_Store", "junk");
        Write(folder, "news/.draft.md.swp", "junk");
        Write(folder, ".git/config", "junk");
        const string Problem = """
            {"title":"One or more validation errors occurred.","status":400,
             "errors":{"file":["content/news/bad.md: frontMatter.date: 'date' must be a date written YYYY-MM-DD (found '2012-13-01')"]}}
            """;
        using var cms = new FakeCms(_ => (400, "application/problem+json", Encoding.UTF8.GetBytes(Problem)));

        var (code, stdout, stderr) = await RunAsync(null, "import", folder, "--cms", cms.Address + "/", "--token", "secret", "--publish");

        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Equal(
            ["content/news/bad.md: frontMatter.date: 'date' must be a date written YYYY-MM-DD (found '2012-13-01')",
             "import failed: 400 One or more validation errors occurred.; nothing was changed"],
            stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var request = await cms.Request;
        Assert.Equal("POST /api/v1/manage/import?publish=true", request.Line);
        Assert.Equal("application/zip", request.ContentType);
        using var sent = new ZipArchive(new MemoryStream(request.Body));
        Assert.Equal(["_data/site.yaml", "news/bad.md"], sent.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static void Write(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static byte[] Zip(params (string Name, string Text)[] files)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }

        return buffer.ToArray();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string? environmentToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "popculture.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["POPCULTURE_TOKEN"] = environmentToken;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>What the CLI sent.</summary>
    private sealed record Received(string Line, string? Authorization, string? ContentType, byte[] Body);

    /// <summary>A stand-in CMS on a loopback port that answers exactly one request.</summary>
    private sealed class FakeCms : IDisposable
    {
        private readonly HttpListener _listener = new();

        public FakeCms(Func<Received, (int Status, string ContentType, byte[] Body)> answer)
        {
            Address = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort()}");
            _listener.Prefixes.Add(Address + "/");
            _listener.Start();
            Request = AnswerAsync(answer);
        }

        public string Address { get; }

        public Task<Received> Request { get; }

        public void Dispose() => _listener.Close();

        private async Task<Received> AnswerAsync(Func<Received, (int Status, string ContentType, byte[] Body)> answer)
        {
            var context = await _listener.GetContextAsync();
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var received = new Received(
                $"{context.Request.HttpMethod} {context.Request.RawUrl}", context.Request.Headers["Authorization"], context.Request.ContentType, body.ToArray());
            var (status, contentType, bytes) = answer(received);
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
            return received;
        }
    }
}
