using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PopCulture.Cms.Tests;

/// <summary>
/// Publish → build on a CMS holding the demo content plus 2,000 generated items: what a publish rebuilds, how builds are
/// folded together and recorded, and the full rebuild admins can ask for.
/// </summary>
public abstract partial class PublishingTests<TCms>(TCms cms) : IClassFixture<TCms>, IAsyncLifetime where TCms : CmsFactory
{
    private const int Generated = 2000;
    private static readonly (string Band, int From, int To, string Domain)[] Bands =
        [("0–6月", 0, 6, "语言"), ("1–2岁", 12, 18, "动作发展"), ("2–3岁", 24, 36, "动作发展")];

    public async Task InitializeAsync()
    {
        var admin = await cms.AdminClientAsync();
        if ((await admin.GetFromJsonAsync<JsonNode>("/api/v1/content?section=parenting&pageSize=1"))!["total"]!.GetValue<int>() > Generated)
        {
            return; // the class fixture is shared: import once
        }

        var files = new List<(string, string)>();
        for (var i = 0; i < Generated / 2; i++)
        {
            files.Add(($"news/gen-{i}.md", $"---\ntitle: 生成的新闻 {i}\ndate: 2012-{i % 12 + 1:00}-{i % 28 + 1:00}\nsummary: 用于测试的新闻。\n---\n人口文化宣传活动的报道。\n"));
            var (band, from, to, domain) = Bands[i % Bands.Length];
            files.Add(($"parenting/gen-{i}.md",
                $"---\ntype: parenting-lesson\ntitle: 生成的育儿课 {i}\nage_band: {band}\nage_months: {{ from: {from}, to: {to} }}\ndomain: {domain}\n---\n科学育儿知识。\n"));
        }

        var started = DateTimeOffset.UtcNow;
        var response = await admin.PostAsync("/api/v1/manage/import?publish=true", TransferFiles.Zip([.. files]));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        await BuildHistory.WaitForAsync(admin, started, reason => reason.StartsWith("import", StringComparison.Ordinal));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Publishing_one_lesson_serves_its_page_and_changes_only_the_pages_that_list_or_link_it()
    {
        var admin = await cms.AdminClientAsync();
        var slug = "new-" + Guid.NewGuid().ToString("N")[..8];
        var entry = await admin.CreateAsync(new
        {
            section = "parenting",
            slug,
            frontMatter = new { type = "parenting-lesson", title = "新发布的育儿课", age_band = "1–2岁", age_months = new { from = 12, to = 18 }, domain = "语言" },
            body = "和孩子一起读绘本。",
        });
        var before = Hashes();

        var started = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.OK, (await admin.MoveAsync(entry, "publish")).StatusCode);
        var build = await BuildHistory.WaitForAsync(admin, started, reason => reason == $"publish parenting/{slug}");

        var page = await cms.CreateClient().GetStringAsync($"/parenting/{slug}/");
        Assert.Contains("新发布的育儿课", page, StringComparison.Ordinal);
        var after = Hashes();
        var changed = after.Where(f => before.GetValueOrDefault(f.Key) != f.Value).Select(f => f.Key).ToList();
        // Nothing disappears but search index files, whose names carry their content's hash.
        Assert.DoesNotContain(before.Keys, k => !after.ContainsKey(k) && !k.StartsWith("search-index/", StringComparison.Ordinal));
        Assert.Contains($"parenting/{slug}/index.html", changed);
        var link = $"/parenting/{slug}/";
        foreach (var path in changed.Where(p => p != $"parenting/{slug}/index.html"))
        {
            // A page may change only because it links to the new lesson, or because it is a list of its section or of
            // one of its terms (whose counts and paging shift), or a feed or the sitemap.
            var links = path.EndsWith(".html", StringComparison.Ordinal) && File.ReadAllText(Path.Combine(SiteFolder, path)).Contains(link, StringComparison.Ordinal);
            Assert.True(links || SectionList().IsMatch(path), $"{path} changed, yet neither links to {link} nor lists the parenting section");
        }

        var pages = after.Keys.Count(k => k.EndsWith(".html", StringComparison.Ordinal));
        Assert.True(build["pagesRendered"]!.GetValue<int>() * 10 < pages, $"{build["pagesRendered"]} of {pages} pages rendered for one lesson");
        Assert.True(changed.Count * 10 < pages, $"{changed.Count} of {pages} files changed for one lesson");
    }

    [Fact]
    public async Task Ten_publishes_at_once_are_folded_into_one_or_two_builds()
    {
        var admin = await cms.AdminClientAsync();
        var entries = new List<JsonNode>();
        for (var i = 0; i < 10; i++)
        {
            entries.Add(await admin.CreateAsync(ApiJson.Article("news", $"burst-{Guid.NewGuid():N}"[..20], $"同时发布的新闻 {i}")));
        }

        var started = DateTimeOffset.UtcNow;
        var moves = await Task.WhenAll(entries.Select(e => admin.MoveAsync(e, "publish")));
        Assert.All(moves, m => Assert.Equal(HttpStatusCode.OK, m.StatusCode));
        var wanted = entries.Select(e => $"publish news/{e["slug"]}").ToHashSet(StringComparer.Ordinal);
        var builds = await WaitForReasonsAsync(admin, started, wanted);

        Assert.InRange(builds.Count, 1, 2);
        Assert.All(builds, b => Assert.Equal("succeeded", b["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_admin_can_ask_for_a_full_rebuild_and_others_cannot()
    {
        var admin = await cms.AdminClientAsync();
        var editor = await cms.ClientAsAsync("editor");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsync("/api/v1/manage/builds", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cms.CreateClient().GetAsync("/api/v1/manage/builds")).StatusCode);

        var started = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/api/v1/manage/builds", null)).StatusCode);
        var build = await BuildHistory.WaitForAsync(admin, started, reason => reason.StartsWith("full rebuild", StringComparison.Ordinal));

        Assert.True(build["full"]!.GetValue<bool>());
        Assert.Equal(0, build["pagesReused"]!.GetValue<int>());
        Assert.True(build["pagesRendered"]!.GetValue<int>() > Generated);
        Assert.True((await editor.GetFromJsonAsync<JsonNode>("/api/v1/manage/builds"))!["total"]!.GetValue<int>() >= 2);
    }

    private string SiteFolder => Path.Combine(cms.DataDirectory, "site");

    private Dictionary<string, string> Hashes() =>
        Directory.EnumerateFiles(SiteFolder, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(SiteFolder, f).Replace('\\', '/'),
            f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))),
            StringComparer.Ordinal);

    private static async Task<List<JsonNode>> WaitForReasonsAsync(HttpClient admin, DateTimeOffset since, HashSet<string> wanted)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(3);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var builds = (await BuildHistory.RecentAsync(admin, since))
                .Where(b => b["reasons"]!.AsArray().Any(r => wanted.Contains(r!.GetValue<string>()))).ToList();
            var covered = builds.Where(b => b["status"]!.GetValue<string>() != "running")
                .SelectMany(b => b["reasons"]!.AsArray().Select(r => r!.GetValue<string>())).ToHashSet(StringComparer.Ordinal);
            if (wanted.IsSubsetOf(covered))
            {
                return builds;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the publishes were not all built within three minutes");
    }

    [GeneratedRegex(@"^(parenting/(index\.html|index\.xml|page/\d+/index\.html|(tags|categories)/.*)|index\.html|index\.xml|sitemap\.xml|search-index/.*)$")]
    private static partial Regex SectionList();
}

public sealed class SqlitePublishingTests(SqliteCms cms) : PublishingTests<SqliteCms>(cms);

public sealed class PostgresPublishingTests(PostgresCms cms) : PublishingTests<PostgresCms>(cms);
