using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PopCulture.Site.Tests;

/// <summary><c>popculture serve</c> as an editor uses it: pages served, the site's 404 page, rebuilt on change.</summary>
public sealed class ServeTests : IDisposable
{
    private readonly TempSite _site = new TempSite().WithBasics();
    private Process? _server;

    [Fact]
    public async Task Serve_builds_serves_and_rebuilds_when_content_changes()
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "popculture.dll"), "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--content", _site.Content, "--theme", _site.Theme, "--output", _site.Output })
        {
            start.ArgumentList.Add(argument);
        }

        _server = Process.Start(start)!;
        await WaitForLineAsync(_server, "serving ");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        var home = await http.GetAsync(new Uri("news/first/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("text/html", home.Content.Headers.ContentType?.MediaType);
        Assert.Contains("第一篇", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var missing = await http.GetAsync(new Uri("no/such/page/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("页面未找到", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        _site.With("news/first.md", "---\ntitle: 改过的标题\ndate: 2012-01-02\n---\n新正文。\n");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string body;
        do
        {
            await Task.Delay(200);
            body = await http.GetStringAsync(new Uri("news/first/", UriKind.Relative));
        }
        while (!body.Contains("改过的标题", StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        Assert.Contains("改过的标题", body, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit();
        }

        _server?.Dispose();
        _site.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForLineAsync(Process process, string prefix)
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                // Keep draining output so the server never blocks on a full pipe.
                _ = process.StandardOutput.ReadToEndAsync();
                _ = process.StandardError.ReadToEndAsync();
                return;
            }
        }

        throw new InvalidOperationException($"serve exited before printing '{prefix}': {await process.StandardError.ReadToEndAsync()}");
    }
}
