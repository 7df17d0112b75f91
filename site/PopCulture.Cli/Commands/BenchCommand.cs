using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using PopCulture.Site;
using PopCulture.Site.Content;

namespace PopCulture.Cli.Commands;

/// <summary><c>popculture bench --pages N</c>: builds a synthetic Chinese corpus and prints pages, wall time, pages/s and peak memory.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var pages = new Option<int>("--pages") { Description = "how many content pages to generate", DefaultValueFactory = _ => 10_000 };
        var theme = new Option<string>("--theme") { Description = "theme folder", DefaultValueFactory = _ => "themes/default" };
        var keep = new Option<bool>("--keep") { Description = "keep the generated corpus and output (their folder is printed)" };
        var photos = new Option<int>("--photos") { Description = "how many parks get a generated 1600×1200 JPEG photo", DefaultValueFactory = _ => 0 };
        var command = new Command("bench", "generate a synthetic Chinese corpus in a temp folder, build it twice (full, then nothing changed), print the figures") { pages, theme, keep, photos };
        command.SetAction((result, ct) => RunAsync(result.GetValue(pages), result.GetValue(photos), result.GetValue(theme)!, result.GetValue(keep), ct));
        return command;
    }

    private static async Task<int> RunAsync(int pages, int photos, string theme, bool keep, CancellationToken cancellationToken)
    {
        if (pages < 10)
        {
            Console.Error.WriteLine("--pages: give at least 10");
            return 2;
        }

        var folder = Path.Combine(Path.GetTempPath(), $"popculture-bench-{Guid.NewGuid():N}");
        var content = Path.Combine(folder, "content");
        try
        {
            Directory.CreateDirectory(content);
            var written = SyntheticCorpus.Write(content, pages);
            var photographed = SyntheticCorpus.AddPhotos(content, photos);
            Console.WriteLine($"corpus: {written} content files, {photographed} photos in {content}");

            var options = new BuildOptions
            {
                ThemeDirectory = theme,
                OutputDirectory = Path.Combine(folder, "public"),
                BaseUrl = "https://bench.example.org/",
            };
            foreach (var run in new[] { "full build", "rebuild, nothing changed" })
            {
                var result = await BuildReporter.RunAsync(new FolderContentSource(content), options, cancellationToken).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    return 1;
                }

                foreach (var (stage, time) in result.Stages)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {stage,-22} {time.TotalSeconds,7:0.000} s"));
                }

                using var process = Process.GetCurrentProcess();
                process.Refresh();
                var seconds = result.Elapsed.TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"bench ({run}): {result.Pages} pages, {result.Files} files, wall {seconds:0.00} s, {result.Pages / seconds:0} pages/s, peak memory {process.PeakWorkingSet64 / (1024.0 * 1024):0} MiB"));
            }

            return 0;
        }
        finally
        {
            if (keep)
            {
                Console.WriteLine($"kept {folder}");
            }
            else if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
