using System.Globalization;
using PopCulture.Site;
using PopCulture.Site.Content;
using Spectre.Console;

namespace PopCulture.Cli.Commands;

/// <summary>Runs a build with a progress bar on a terminal, plain lines when redirected, and a summary at the end.</summary>
internal static class BuildReporter
{
    public static async Task<BuildResult> RunAsync(IContentSource source, BuildOptions options, CancellationToken cancellationToken)
    {
        var builder = new SiteBuilder(source, options);
        BuildResult result;
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            var last = "";
            result = await builder.BuildAsync(new SynchronousProgress(p =>
            {
                var line = p.Done == p.Total ? $"{p.Stage} {p.Done}/{p.Total}" : "";
                if (line.Length > 0 && line != last)
                {
                    last = line;
                    Console.WriteLine(line);
                }
            }), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            result = await AnsiConsole.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var tasks = new Dictionary<string, ProgressTask>();
                    return await builder.BuildAsync(new SynchronousProgress(p =>
                    {
                        lock (tasks)
                        {
                            if (!tasks.TryGetValue(p.Stage, out var task))
                            {
                                tasks[p.Stage] = task = context.AddTask(p.Stage, maxValue: Math.Max(1, p.Total));
                            }

                            task.Value = p.Done;
                        }
                    }), cancellationToken).ConfigureAwait(false);
                }).ConfigureAwait(false);
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            Console.Error.WriteLine(diagnostic.Severity == Severity.Warning ? $"{diagnostic} (warning)" : diagnostic.ToString());
        }

        var seconds = result.Elapsed.TotalSeconds;
        var errors = result.Diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = result.Diagnostics.Count - errors;
        if (result.Succeeded)
        {
            var verb = options.CheckOnly ? "checked" : "built";
            var where = options.CheckOnly ? "" : $" → {options.OutputDirectory}";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{verb} {result.Pages} pages ({result.Reused} unchanged, {result.Files} files written) in {seconds:0.00} s{where}{(warnings > 0 ? $", {warnings} warnings" : "")}"));
        }
        else
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"build failed: {errors} errors, {warnings} warnings in {seconds:0.00} s; the previous output was left as it was"));
        }

        await result.Cleanup.ConfigureAwait(false);
        return result;
    }

    /// <summary>Reports on the calling thread, unlike <see cref="Progress{T}"/> which posts to the thread pool.</summary>
    private sealed class SynchronousProgress(Action<BuildProgress> report) : IProgress<BuildProgress>
    {
        public void Report(BuildProgress value) => report(value);
    }
}
