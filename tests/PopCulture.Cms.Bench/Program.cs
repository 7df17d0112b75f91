using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PopCulture.Cms.Data;
using PopCulture.Cms.Search;

namespace PopCulture.Cms.Bench;

/// <summary>
/// The manager with a 10,000-entry section: server time of its list pages and an entry's pages, measured in-process
/// (TestServer, no network), after warm-up. Usage:
/// <c>dotnet run -c Release --project tests/PopCulture.Cms.Bench [-- --entries N --iterations N --warmup N --postgres --keep]</c>;
/// --postgres runs on the PostgreSQL server named by POPCULTURE_TEST_POSTGRES (scripts/postgres.sh start prints one).
/// </summary>
/// <remarks>Not named Program: the CMS's own Program is the type WebApplicationFactory starts.</remarks>
internal static class BenchProgram
{
    /// <summary>The issue's budget for the list and entry pages' server time with 10,000 items.</summary>
    private const double Budget = 300;

    public static async Task<int> Main(string[] args)
    {
        var entries = Option(args, "--entries", 10_000);
        var iterations = Option(args, "--iterations", 100);
        var warmup = Option(args, "--warmup", 10);
        string? postgres = null;
        if (args.Contains("--postgres"))
        {
            postgres = Environment.GetEnvironmentVariable("POPCULTURE_TEST_POSTGRES");
            if (string.IsNullOrEmpty(postgres))
            {
                Console.Error.WriteLine("--postgres needs POPCULTURE_TEST_POSTGRES (scripts/postgres.sh start <folder> prints it)");
                return 2;
            }
        }

        await using var cms = new BenchCms(postgres) { Keep = args.Contains("--keep") };
        var clock = Stopwatch.StartNew();
        using var anonymous = cms.CreateClient(); // starts the CMS: migrations, demo import, first site build, search indexes
        Console.WriteLine(Invariant($"CMS on {cms.Provider} started in {clock.Elapsed.TotalSeconds:F1} s"));

        clock.Restart();
        Guid entry;
        int inStore;
        using (var scope = cms.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            entry = await BenchCorpus.LoadAsync(db, BenchCms.RepositoryRoot, entries, CancellationToken.None);
            inStore = await db.Entries.CountAsync();
        }

        Console.WriteLine(Invariant($"{entries} entries written to section {BenchCorpus.Section} in {clock.Elapsed.TotalSeconds:F1} s"));
        clock.Restart();
        var index = cms.Services.GetRequiredService<SearchIndexes>().Manage;
        while (index.Count < inStore)
        {
            await Task.Delay(100);
        }

        Console.WriteLine(Invariant($"search index took {index.Count} working copies in {clock.Elapsed.TotalSeconds:F1} s ({index.SizeInBytes / 1048576.0:F0} MiB)"));

        using var editor = await BenchSignIn.EditorAsync(cms);
        var list = $"/manager/content?section={BenchCorpus.Section}";
        BenchCase[] cases =
        [
            new("list, first page", list),
            new("list, page 100", list + "&page=100"),
            new("list, sorted by title", list + "&sort=title"),
            new("list, sorted by state", list + "&sort=state"),
            new("list, filtered by state", list + "&state=in-review"),
            new("list, state, by title, page 20", list + "&state=draft&sort=title&page=20"),
            new("list, all sections", "/manager/content"),
            new("list, state + tag", list + "&state=draft&tag=" + Uri.EscapeDataString("辅食")),
            new("list, facet domain", list + "&domain=" + Uri.EscapeDataString("睡眠")),
            new("list, search 辅食", list + "&q=" + Uri.EscapeDataString("辅食")),
            new("list, search 孩子 睡眠, page 20", list + "&q=" + Uri.EscapeDataString("孩子 睡眠") + "&page=20"),
            new("list, search + facet, by title", list + "&q=" + Uri.EscapeDataString("辅食") + "&age_band=" + Uri.EscapeDataString("6–12月") + "&sort=title"),
            new("entry page", $"/manager/content/{entry}"),
            new("edit page", $"/manager/content/{entry}/edit"),
        ];

        Console.WriteLine(Invariant($"{warmup} warm-up and {iterations} measured requests per case, times in ms"));
        Console.WriteLine($"{"case",-34} {"median",9} {"p95",9} {"max",9} {"KiB",9}");
        var over = 0;
        foreach (var benchCase in cases)
        {
            var result = await benchCase.RunAsync(editor, warmup, iterations);
            over += result.P95 > Budget ? 1 : 0;
            Console.WriteLine(result + (result.P95 > Budget ? "  over the 300 ms budget" : ""));
        }

        if (cms.Keep)
        {
            Console.WriteLine($"data kept in {cms.DataDirectory}");
        }

        return over == 0 ? 0 : 1;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
