using System.Diagnostics;
using System.Security.Cryptography;

namespace PopCulture.Site.Tests;

/// <summary>The build cache: what a rebuild renders and writes, the two-slot output, and recovery after a crash.</summary>
public class IncrementalBuildTests
{
    private static TempSite SiteWithLessons()
    {
        var site = new TempSite().WithBasics()
            .With("news/second.md", "---\ntitle: 第二篇\ndate: 2012-01-03\n---\n见[第一篇](first.md)。\n")
            .With("news/third.md", "---\ntitle: 第三篇\ndate: 2012-01-04\ntags: [健康]\n---\n正文。\n")
            .With("adolescence/_index.md", "---\ntitle: 青春期\n---\n")
            .With("adolescence/body.md", "---\ntype: course\ntitle: 成长的身体\ndate: 2013-09-01\naudience: 学生\ngrade_band: 初中\ntopic: 身体发育\n---\n")
            .With("adolescence/other.md", "---\ntype: course\ntitle: 另一门课\ndate: 2013-09-01\naudience: 学生\ngrade_band: 初中\ntopic: 心理\n---\n");
        for (var i = 1; i <= 3; i++)
        {
            site.With($"adolescence/body-{i}.md", $"---\ntype: lesson\ntitle: 第{i}课\ndate: 2013-09-01\ncourse: body\norder: {i}\nobjectives: [认识身体]\n---\n课文{i}。\n");
        }

        site.With("adolescence/other-1.md", "---\ntype: lesson\ntitle: 另一课\ndate: 2013-09-01\ncourse: other\norder: 1\nobjectives: [认识心理]\n---\n课文。\n");
        return site;
    }

    /// <summary>Every file of the live output with a hash of its bytes.</summary>
    private static Dictionary<string, string> Hashes(string output) =>
        Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(output, f).Replace('\\', '/'),
            f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))),
            StringComparer.Ordinal);

    // The search index changes with any text; what it rewrites is tested in SearchIndexTests.
    private static string[] Changed(Dictionary<string, string> before, Dictionary<string, string> after) =>
        [.. after.Where(f => before.GetValueOrDefault(f.Key) != f.Value).Select(f => f.Key)
            .Concat(before.Keys.Where(k => !after.ContainsKey(k)))
            .Where(p => !p.StartsWith("search-index/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    [Fact]
    public async Task A_rebuild_with_nothing_changed_renders_and_writes_nothing()
    {
        using var site = SiteWithLessons();
        var first = await site.BuildAsync();
        Assert.True(first.Succeeded, string.Join('\n', first.Lines()));
        var before = Hashes(site.Output);

        var second = await site.BuildAsync();

        Assert.True(second.Succeeded);
        Assert.Equal(0, second.Pages);
        Assert.Equal(0, second.Files);
        Assert.Equal(first.Pages, second.Reused);
        Assert.Equal(before, Hashes(site.Output));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // as the CMS and `serve` build
    public async Task A_builder_that_keeps_its_memory_reuses_pages_without_reading_the_manifest_and_writes_what_a_cold_one_writes(bool keptInMemory)
    {
        var memory = keptInMemory ? new BuildMemory() : null;
        using var site = SiteWithLessons();
        using var cold = SiteWithLessons();
        Assert.True((await site.BuildAsync(memory: memory)).Succeeded);
        Assert.True((await cold.BuildAsync()).Succeeded);

        // The manifests on disk go (a cleaned cache): only a builder that kept the last one still knows what it wrote.
        foreach (var manifest in Directory.EnumerateFiles(Path.Combine(site.Root, ".popculture-cache", "builds"), "*.manifest"))
        {
            File.Delete(manifest);
        }

        const string Retitled = "---\ntype: lesson\ntitle: 第二课：变化\ndate: 2013-09-01\ncourse: body\norder: 2\nobjectives: [认识身体]\n---\n课文2。\n";
        site.With("adolescence/body-2.md", Retitled);
        cold.With("adolescence/body-2.md", Retitled);
        var result = await site.BuildAsync(memory: memory);
        Assert.True((await cold.BuildAsync()).Succeeded);

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        Assert.Equal(keptInMemory, result.Reused > 0);
        Assert.Equal(Hashes(cold.Output), Hashes(site.Output));
        // The manifest of the new live build is on disk again for a builder that starts afresh.
        Assert.Single(Directory.EnumerateFiles(Path.Combine(site.Root, ".popculture-cache", "builds"), "*.manifest"));
    }

    [Fact]
    public async Task A_builder_that_keeps_its_memory_still_reuses_pages_when_the_disk_refused_the_last_manifest()
    {
        var memory = new BuildMemory();
        using var site = SiteWithLessons();
        Assert.True((await site.BuildAsync(memory: memory)).Succeeded);
        // A file where the manifests go: the next build goes live, then fails to save what it wrote.
        var manifests = Path.Combine(site.Root, ".popculture-cache", "builds");
        Directory.Delete(manifests, recursive: true);
        await File.WriteAllTextAsync(manifests, "in the way");
        site.With("adolescence/body-2.md", "---\ntype: lesson\ntitle: 第二课：变化\ndate: 2013-09-01\ncourse: body\norder: 2\nobjectives: [认识身体]\n---\n课文2。\n");
        await Assert.ThrowsAsync<IOException>(() => site.BuildAsync(memory: memory));

        Assert.Contains("第二课：变化", site.Read("adolescence/body-2/index.html"), StringComparison.Ordinal);

        // The disk is fine again, but holds no manifest of the live build: only the memory knows what it wrote.
        File.Delete(manifests);
        site.With("adolescence/body-2.md", "---\ntype: lesson\ntitle: 第二课：成长\ndate: 2013-09-01\ncourse: body\norder: 2\nobjectives: [认识身体]\n---\n课文2。\n");
        var result = await site.BuildAsync(memory: memory);

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        Assert.True(result.Reused > 0, "every page was rendered again");
        Assert.Contains("第二课：成长", site.Read("adolescence/body-2/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retitling_a_lesson_rerenders_its_page_and_the_pages_that_list_or_link_it_and_nothing_else()
    {
        using var site = SiteWithLessons();
        Assert.True((await site.BuildAsync()).Succeeded);
        var before = Hashes(site.Output);

        site.With("adolescence/body-2.md", "---\ntype: lesson\ntitle: 第二课：变化\ndate: 2013-09-01\ncourse: body\norder: 2\nobjectives: [认识身体]\n---\n课文2。\n");
        var result = await site.BuildAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        // The lesson, its neighbours' previous/next links, and its course's table of lessons; the feed lists it too.
        Assert.Equal(
            ["adolescence/body-1/index.html", "adolescence/body-2/index.html", "adolescence/body-3/index.html", "adolescence/body/index.html", "adolescence/index.xml", "index.xml"],
            Changed(before, Hashes(site.Output)));
        Assert.True(result.Pages < result.Reused, $"{result.Pages} pages rendered, {result.Reused} reused");
        Assert.Contains("第二课：变化", site.Read("adolescence/body-2/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_an_article_updates_its_lists_and_leaves_other_sections_alone()
    {
        using var site = SiteWithLessons();
        Assert.True((await site.BuildAsync()).Succeeded);
        var before = Hashes(site.Output);

        site.With("news/fourth.md", "---\ntitle: 第四篇\ndate: 2012-01-05\ntags: [健康]\n---\n新的一篇。\n");
        var result = await site.BuildAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        var changed = Changed(before, Hashes(site.Output));
        Assert.Contains("news/fourth/index.html", changed);
        Assert.Contains("news/index.html", changed);
        Assert.Contains("index.html", changed); // the home page lists the newest articles
        Assert.Contains("sitemap.xml", changed);
        Assert.DoesNotContain(changed, path => path.StartsWith("adolescence/", StringComparison.Ordinal));
        Assert.DoesNotContain("news/first/index.html", changed);
    }

    [Fact]
    public async Task A_theme_change_renders_every_page_again()
    {
        using var site = SiteWithLessons();
        var first = await site.BuildAsync();

        var layout = Path.Combine(site.Theme, "layouts", "single.liquid");
        File.AppendAllText(layout, "\n");
        var result = await site.BuildAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        Assert.Equal(first.Pages, result.Pages);
        Assert.Equal(0, result.Reused);
    }

    [Fact]
    public async Task A_page_kept_from_the_cache_is_checked_again_when_what_it_links_to_goes()
    {
        using var site = SiteWithLessons();
        Assert.True((await site.BuildAsync()).Succeeded);
        var before = Hashes(site.Output);

        File.Delete(Path.Combine(site.Content, "news", "first.md"));
        var result = await site.BuildAsync();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Lines(), l => l.StartsWith("content/news/second.md:5: ", StringComparison.Ordinal) && l.Contains("first.md", StringComparison.Ordinal));
        Assert.Equal(before, Hashes(site.Output));
    }

    [Fact]
    public async Task The_output_switches_slots_in_one_step_and_a_failed_build_leaves_the_live_slot_alone()
    {
        using var site = SiteWithLessons();
        Assert.True((await site.BuildAsync()).Succeeded);
        var firstSlot = new DirectoryInfo(site.Output).LinkTarget;
        site.With("news/third.md", "---\ntitle: 第三篇（修订）\ndate: 2012-01-04\n---\n正文。\n");
        Assert.True((await site.BuildAsync()).Succeeded);
        var secondSlot = new DirectoryInfo(site.Output).LinkTarget;
        var live = Hashes(site.Output);

        site.With("news/broken.md", "---\ntitle: 坏\ndate: 2012-01-09\n---\n[坏链接](/no/such/page/)\n");
        var failed = await site.BuildAsync();

        Assert.NotNull(firstSlot);
        Assert.NotEqual(firstSlot, secondSlot);
        Assert.False(failed.Succeeded);
        Assert.Equal(secondSlot, new DirectoryInfo(site.Output).LinkTarget);
        Assert.Equal(live, Hashes(site.Output));

        // The spare slot was put back, so the next build does not start from an empty or half-written copy.
        File.Delete(Path.Combine(site.Content, "news", "broken.md"));
        site.With("news/third.md", "---\ntitle: 第三篇（再修订）\ndate: 2012-01-04\n---\n正文。\n");
        var next = await site.BuildAsync();
        Assert.True(next.Succeeded, string.Join('\n', next.Lines()));
        Assert.Equal(Hashes(Path.Combine(site.Root, ".public.slots", "a")), Hashes(Path.Combine(site.Root, ".public.slots", "b")));
        Assert.False(site.Exists("news/broken/index.html"));
    }

    [Fact]
    public async Task A_long_lived_folder_source_parses_again_only_the_files_that_changed()
    {
        using var site = SiteWithLessons();
        var source = new Content.FolderContentSource(site.Content);
        var first = await source.LoadAsync(new Content.DiagnosticBag(), CancellationToken.None);

        site.With("news/third.md", "---\ntitle: 第三篇（改）\ndate: 2012-01-04\n---\n正文。\n");
        File.SetLastWriteTimeUtc(Path.Combine(site.Content, "news", "third.md"), DateTime.UtcNow.AddMinutes(1));
        var second = await source.LoadAsync(new Content.DiagnosticBag(), CancellationToken.None);

        var before = first.Items.ToDictionary(i => i.SourcePath);
        var after = second.Items.ToDictionary(i => i.SourcePath);
        Assert.Equal("第三篇（改）", after["content/news/third.md"].Title);
        Assert.NotSame(before["content/news/third.md"], after["content/news/third.md"]);
        Assert.Same(before["content/news/first.md"], after["content/news/first.md"]);
    }

    [Fact]
    public async Task A_damaged_manifest_costs_a_full_render_not_a_failure()
    {
        using var site = SiteWithLessons();
        var first = await site.BuildAsync();
        foreach (var manifest in Directory.EnumerateFiles(Path.Combine(site.Root, ".popculture-cache", "builds"), "*.manifest"))
        {
            var bytes = File.ReadAllBytes(manifest);
            File.WriteAllBytes(manifest, bytes[..(bytes.Length / 2)]);
        }

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        Assert.Equal(first.Pages, result.Pages);
        Assert.Equal(0, (await site.BuildAsync()).Pages);
    }

    [Fact]
    public async Task A_build_killed_in_the_middle_leaves_the_old_site_live_and_the_next_build_recovers()
    {
        using var site = new TempSite().WithBasics();
        for (var i = 0; i < 1500; i++)
        {
            site.With($"news/n{i}.md", $"---\ntitle: 新闻{i}\ndate: 2012-02-{i % 28 + 1:00}\n---\n{string.Concat(Enumerable.Repeat("人口文化园是宣传婚育新风的场所。", 40))}\n");
        }

        Assert.True((await site.BuildAsync()).Succeeded);
        var slot = new DirectoryInfo(site.Output).LinkTarget;
        var live = Hashes(site.Output);
        var spareStamp = Path.Combine(site.Root, ".public.slots", Path.GetFileName(slot) == "a" ? "b.stamp" : "a.stamp");
        Assert.True(File.Exists(spareStamp));

        // A theme change makes the next build render every page: long enough to kill it half way.
        File.AppendAllText(Path.Combine(site.Theme, "layouts", "article.liquid"), "\n<!-- changed -->\n");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "popculture.dll"), "build", "--content", site.Content, "--theme", site.Theme, "--output", site.Output, "--base-url", "https://example.org/" })
        {
            start.ArgumentList.Add(argument);
        }

        using (var process = Process.Start(start)!)
        {
            // The build marks the spare slot unfinished when it starts writing pages into it.
            var deadline = Stopwatch.StartNew();
            while (File.Exists(spareStamp) && !process.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(2))
            {
                // Blocking on purpose: an awaited delay may resume long after the window to kill in has passed.
                Thread.Sleep(2);
            }


            if (process.HasExited)
            {
                Assert.Fail($"the build finished before it could be killed: {await process.StandardOutput.ReadToEndAsync()} {await process.StandardError.ReadToEndAsync()}");
            }

            process.Kill(); // SIGKILL
            await process.WaitForExitAsync();
        }

        Assert.Equal(slot, new DirectoryInfo(site.Output).LinkTarget);

        Assert.Equal(live, Hashes(site.Output));

        var recovered = await site.BuildAsync();

        Assert.True(recovered.Succeeded, string.Join('\n', recovered.Lines()));
        Assert.NotEqual(slot, new DirectoryInfo(site.Output).LinkTarget);
        Assert.Contains("<!-- changed -->", site.Read("news/n7/index.html"), StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(Path.Combine(site.Root, ".public.slots"), "old-*"));
    }
}
