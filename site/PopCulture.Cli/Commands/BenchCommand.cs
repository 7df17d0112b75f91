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
        var withoutSearch = new Option<bool>("--without-search") { Description = "build without the search index, to measure what the index adds (compare with a run without this flag)" };
        var command = new Command("bench", "generate a synthetic Chinese corpus in a temp folder, build it four times (full, nothing changed, one lesson changed, one lesson added), print the figures") { pages, theme, keep, photos, withoutSearch };
        command.SetAction((result, ct) => RunAsync(result.GetValue(pages), result.GetValue(photos), result.GetValue(theme)!, result.GetValue(keep), !result.GetValue(withoutSearch), ct));
        return command;
    }

    private static async Task<int> RunAsync(int pages, int photos, string theme, bool keep, bool searchIndex, CancellationToken cancellationToken)
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
                SearchIndex = searchIndex,
                // One process building again and again, as `serve` and the CMS do: manifest and index stay in memory.
                Memory = new BuildMemory(),
            };
            // One source for all runs, as `serve` keeps one: it parses again only the files that changed.
            var source = new FolderContentSource(content);
            foreach (var run in new[] { "full build", "rebuild, nothing changed", "one page changed", "one page added" })
            {
                if (run == "one page changed")
                {
                    // An editor's typical change: one more sentence in one parenting lesson.
                    File.AppendAllText(Path.Combine(content, "parenting", "lesson-7.md"), "\n补充说明：请家长根据孩子的情况灵活安排。\n");
                }
                else if (run == "one page added")
                {
                    // A new lesson in the middle of the section's URLs, so the pages after it move in every list.
                    File.WriteAllText(
                        Path.Combine(content, "parenting", "lesson-5000-new.md"),
                        File.ReadAllText(Path.Combine(content, "parenting", "lesson-5.md")).Replace("\n---\n", "\n---\n新增课程。\n", StringComparison.Ordinal));
                }

                var clock = Stopwatch.StartNew();
                var result = await BuildReporter.RunAsync(source, options, cancellationToken).ConfigureAwait(false);
                var withCleanup = clock.Elapsed.TotalSeconds;
                if (!result.Succeeded)
                {
                    return 1;
                }

                foreach (var (stage, time) in result.Stages)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {stage,-22} {time.TotalSeconds,7:0.000} s"));
                }

                if (result.Search is { } search)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  search index: {search.Documents} docs, {search.Analysed} analysed, {search.Files} files ({search.FilesWritten} written), {search.Bytes / (1024.0 * 1024):0.00} MiB, {search.Elapsed.TotalSeconds:0.000} s{(search.Patched ? ", postings patched in memory" : "")}"));
                }

                using var process = Process.GetCurrentProcess();
                process.Refresh();
                var seconds = result.Elapsed.TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"bench ({run}): {result.Pages} pages rendered, {result.Reused} reused, {result.Files} files written, wall {seconds:0.00} s (live), {withCleanup:0.00} s with the spare slot synced, peak memory {process.PeakWorkingSet64 / (1024.0 * 1024):0} MiB"));
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
