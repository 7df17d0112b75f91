using System.CommandLine;
using System.Globalization;
using System.Net;
using PopCulture.Site;
using PopCulture.Site.Content;

namespace PopCulture.Cli.Commands;

/// <summary><c>popculture serve</c>: builds, serves the output on 127.0.0.1 and rebuilds when content or theme change.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var options = new SiteOptions();
        var port = new Option<int>("--port") { Description = "port on 127.0.0.1", DefaultValueFactory = _ => 8080 };
        var command = new Command("serve", "build, serve on 127.0.0.1 and rebuild on change");
        options.AddTo(command);
        command.Options.Add(port);
        command.SetAction((result, ct) => RunAsync(options, result, result.GetValue(port), ct));
        return command;
    }

    private static async Task<int> RunAsync(SiteOptions options, ParseResult result, int port, CancellationToken cancellationToken)
    {
        var content = result.GetValue(options.Content)!;
        var address = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/");
        var build = options.Read(result, checkOnly: false, result.GetValue(options.BaseUrl) ?? address) with { Memory = new BuildMemory() };
        var source = new FolderContentSource(content, content.TrimEnd('/'));
        await BuildReporter.RunAsync(source, build, cancellationToken).ConfigureAwait(false);

        using var rebuilds = new SemaphoreSlim(1, 1);
        using var debounce = new Timer(_ => _ = RebuildAsync(), null, Timeout.Infinite, Timeout.Infinite);
        async Task RebuildAsync()
        {
            await rebuilds.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                Console.WriteLine("change detected, rebuilding…");
                await BuildReporter.RunAsync(source, build, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                rebuilds.Release();
            }
        }

        using var contentWatcher = Watch(content, debounce);
        using var themeWatcher = Watch(build.ThemeDirectory, debounce);

        using var listener = new HttpListener();
        listener.Prefixes.Add(address);
        listener.Start();
        Console.WriteLine($"serving {Path.GetFullPath(build.OutputDirectory)} at {address} (Ctrl+C to stop)");
        using var registration = cancellationToken.Register(listener.Stop);
        var files = new StaticFileHandler(build.OutputDirectory);
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                break; // the listener was stopped by Ctrl+C
            }

            _ = files.HandleAsync(context, cancellationToken);
        }

        return 0;
    }

    private static FileSystemWatcher Watch(string folder, Timer debounce)
    {
        var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, EnableRaisingEvents = true };
        void Changed(object sender, FileSystemEventArgs e) => debounce.Change(300, Timeout.Infinite);
        watcher.Changed += Changed;
        watcher.Created += Changed;
        watcher.Deleted += Changed;
        watcher.Renamed += (sender, e) => Changed(sender, e);
        return watcher;
    }
}
