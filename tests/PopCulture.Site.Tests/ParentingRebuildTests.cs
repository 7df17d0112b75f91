using System.Security.Cryptography;

namespace PopCulture.Site.Tests;

/// <summary>The build cache and the parenting pages: an episode's change reaches every page that shows it, and no other.</summary>
public class ParentingRebuildTests
{
    private static string Lesson(string title, string band, int from, int to, string domain, string extra = "") =>
        $"---\ntype: parenting-lesson\ntitle: {title}\nage_band: {band}\nage_months: {{ from: {from}, to: {to} }}\ndomain: {domain}\n{extra}---\n正文。\n";

    private static Dictionary<string, string> Hashes(string output) =>
        Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(output, f).StartsWith("search-index", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(output, f).Replace('\\', '/'), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);

    [Fact]
    public async Task Retitling_an_episode_rerenders_its_neighbours_the_series_page_and_the_grid_but_not_other_lessons()
    {
        using var site = new TempSite().WithBasics()
            .With("parenting/_index.md", "---\ntitle: 0～3岁科学育儿\n---\n")
            .With("parenting/one.md", Lesson("第一集课", "0–6月", 0, 6, "语言", "series: 育乐园\nepisode: 1\n"))
            .With("parenting/two.md", Lesson("第二集课", "6–12月", 6, 9, "营养喂养", "series: 育乐园\nepisode: 2\n"))
            .With("parenting/three.md", Lesson("第三集课", "1–2岁", 12, 24, "睡眠", "series: 育乐园\nepisode: 3\n"))
            .With("parenting/alone.md", Lesson("不在系列", "2–3岁", 24, 36, "睡眠"));
        Assert.True((await site.BuildAsync()).Succeeded);
        var before = Hashes(site.Output);

        site.With("parenting/two.md", Lesson("第二集：辅食", "6–12月", 6, 9, "营养喂养", "series: 育乐园\nepisode: 2\n"));
        var result = await site.BuildAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        var after = Hashes(site.Output);
        var changed = after.Where(f => before.GetValueOrDefault(f.Key) != f.Value).Select(f => f.Key).ToList();
        Assert.Contains("parenting/two/index.html", changed);
        Assert.Contains("parenting/one/index.html", changed); // its "next" link
        Assert.Contains("parenting/three/index.html", changed); // its "previous" link
        Assert.Contains("parenting/series/yuleyuan/index.html", changed);
        Assert.Contains("parenting/index.html", changed); // the grid
        Assert.DoesNotContain("parenting/alone/index.html", changed);
        Assert.Contains("第二集：辅食", site.Read("parenting/one/index.html"), StringComparison.Ordinal);
    }
}
