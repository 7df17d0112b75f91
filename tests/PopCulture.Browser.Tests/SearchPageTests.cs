using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PopCulture.Site.Search;

namespace PopCulture.Browser.Tests;

/// <summary>
/// <c>/search/</c> on the demo site in Chromium: the right pages first for what parents, teachers and visitors type,
/// <c>?q=</c> on load, keyboard only, no match said plainly; bytes fetched and time to first results are reported.
/// Expected results are read off content/: the pages a reader means by each query.
/// </summary>
public sealed class SearchPageTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string Complementary = "/parenting/complementary-foods-6-12/";
    private const string SafeSleep = "/parenting/safe-sleep-0-6/";
    private const string GusuPark = "/parks/gusu-park/";
    private const string GusuBase = "/parenting-sites/gusu-demo-base/";

    private static readonly string[] ParityQueries =
        ["育儿", "科学育儿", "辅食", "睡眠", "0～3岁", "０～３岁", "6–12月", "青春期", "自我保护", "姑苏区", "母乳喂养", "亲子沟通", "姑苏区 育儿", "量子计算"];

    private static readonly string[] ParentingProgramme = ["/parenting/", "/parenting-sites/", "/news/kexue-yuer-yuleyuan/"];

    [Fact]
    public Task Typing_a_food_word_puts_the_complementary_food_lesson_first() => browser.RunAsync(output, async session =>
    {
        var search = new SearchPage(session);
        await search.GotoAsync();

        await search.TypeAndTimeAsync("辅食", Complementary);

        var top = await search.ItemAsync(0);
        Assert.Equal(Complementary, top.Href);
        Assert.Contains("宝宝的第一口辅食", top.LinkText, StringComparison.Ordinal);
        Assert.Contains("0～3岁科学育儿", top.Text, StringComparison.Ordinal);
        Assert.Contains("2012", top.Text, StringComparison.Ordinal);
        Assert.Contains("辅食", top.Marks);
    });

    [Fact]
    public Task The_address_keeps_the_newest_query_when_an_older_one_finishes_after_it() => browser.RunAsync(output, async session =>
    {
        // The two words must sit in different shards, or the newer query would wait on the older one's file.
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(browser.Output, "search-index", "manifest.json")));
        var shards = manifest.RootElement.GetProperty("shards").GetInt32();
        Assert.NotEqual(SearchIndexBuilder.Shard("睡眠", shards), SearchIndexBuilder.Shard("辅食", shards));
        var search = new SearchPage(session);
        var page = session.Page;
        await search.GotoAsync();
        await session.Requests.WhenIdleAsync(TimeSpan.FromSeconds(10));
        var slow = true;
        await page.RouteAsync("**/search-index/t/**", async route =>
        {
            if (slow)
            {
                slow = false; // only the first query's shard is held back
                await Task.Delay(1500);
            }

            await route.ContinueAsync();
        });

        // 睡眠 typed (its shard held back), then 辅食 searched from the same box before 睡眠 has come back.
        await page.Locator(SearchPage.Box).FocusAsync();
        await page.Keyboard.InsertTextAsync("睡眠");
        await page.EvaluateAsync("box => { const input = document.querySelector(box); input.value = '辅食'; input.form.requestSubmit(); }", SearchPage.Box);
        await search.WaitForTopAsync(Complementary);
        await session.Requests.WhenIdleAsync(TimeSpan.FromSeconds(10)); // 睡眠's shard has come back
        await page.EvaluateAsync("() => new Promise(done => setTimeout(done, 200))"); // and its query has ended in the page

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("?q=" + Uri.EscapeDataString("辅食")) + "$"));
        Assert.Equal(Complementary, (await search.HrefsAsync())[0]);
    });

    [Fact]
    public Task A_district_name_finds_that_districts_park_and_parenting_base_and_nothing_else() => browser.RunAsync(output, async session =>
    {
        var search = new SearchPage(session);
        await search.GotoAsync();

        await search.TypeAndTimeAsync("姑苏区", GusuPark);

        Assert.Equal([GusuPark, GusuBase], await search.HrefsAsync());
    });

    [Fact]
    public Task Sleep_finds_the_three_sleep_lessons_first() => browser.RunAsync(output, async session =>
    {
        var search = new SearchPage(session);
        await search.GotoAsync();

        await search.TypeAndTimeAsync("睡眠");

        // The three lessons of the 睡眠 domain; which of them leads is a near tie that content edits may flip.
        Assert.Equal(
            ["/parenting/bedtime-routine-2-3/", SafeSleep, "/parenting/sleep-routine-6-12/"],
            (await search.HrefsAsync()).Take(3).Order(StringComparer.Ordinal));
    });

    [Fact]
    public Task The_query_in_the_address_runs_when_the_page_loads() => browser.RunAsync(output, async session =>
    {
        var search = new SearchPage(session);
        await search.GotoAsync("青春期");

        await search.WaitForResultsAsync();

        Assert.Equal("青春期", await session.Page.InputValueAsync(SearchPage.Box));
        // The online adolescence hall and its three courses, for students, parents and teachers.
        Assert.Equal(
            ["/adolescence/", "/adolescence/puberty-parents/", "/adolescence/puberty-students/", "/adolescence/puberty-teachers/"],
            (await search.HrefsAsync()).Take(4).Order(StringComparer.Ordinal));
    });

    [Fact]
    public Task The_header_box_on_any_page_takes_the_query_to_the_search_page() => browser.RunAsync(output, async session =>
    {
        await session.Page.GotoAsync("/parenting/");
        var search = new SearchPage(session);

        await session.Page.Locator("header form[role=search] input[type=search][name=q]").FillAsync("辅食");
        await session.Page.Keyboard.PressAsync("Enter");

        await search.WaitForTopAsync(Complementary);
        Assert.Equal("/search/", new Uri(session.Page.Url).AbsolutePath);
        Assert.Equal("辅食", await session.Page.InputValueAsync(SearchPage.Box));
    });

    [Fact]
    public Task Without_javascript_the_search_page_offers_every_section_to_browse() => browser.RunAsync(output, async session =>
    {
        await using var context = await session.Page.Context.Browser!.NewContextAsync(new() { JavaScriptEnabled = false, BaseURL = browser.Address.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/search/?q=辅食");

        var browse = page.Locator(".search-browse a");
        await Assertions.Expect(browse.First).ToBeVisibleAsync();
        var sections = await page.Locator("nav.site-nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Contains("/parenting/", sections);
        Assert.Equal(sections, await browse.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
    });

    [Fact]
    public Task The_keyboard_alone_reaches_the_box_and_opens_a_result() => browser.RunAsync(output, async session =>
    {
        var search = new SearchPage(session);
        await search.GotoAsync();

        await TabUntilAsync(session.Page, $"document.activeElement?.matches('{SearchPage.Box}')");
        await session.Page.Keyboard.TypeAsync("辅食");
        await search.WaitForTopAsync(Complementary);
        await TabUntilAsync(session.Page, $"document.activeElement?.matches('{SearchPage.ResultLinks}')");
        var focused = await session.Page.EvaluateAsync<string>("() => new URL(document.activeElement.href).pathname");
        await session.Page.Keyboard.PressAsync("Enter");

        Assert.Equal(Complementary, focused);
        await Assertions.Expect(session.Page).ToHaveURLAsync(new Uri(browser.Address, Complementary).ToString());
        await Assertions.Expect(session.Page.Locator("h1")).ToContainTextAsync("宝宝的第一口辅食");
    });

    [Fact]
    public Task A_query_with_no_match_says_so() => browser.RunAsync(output, async session =>
    {
        var search = new SearchPage(session);
        await search.GotoAsync("量子计算");

        var status = session.Page.Locator("[data-search-status]");
        await Assertions.Expect(status).ToContainTextAsync("没有找到");
        Assert.Empty(await search.HrefsAsync());
    });

    [Fact]
    public Task A_first_and_a_second_query_report_bytes_fetched_and_time_to_first_results() => browser.RunAsync(output, async session =>
    {
        // Nothing here is particular to the demo content, so that the same test measures the 10,000-page bench corpus
        // (POPCULTURE_BROWSER_CONTENT, see README): the results shown are the engine's, and the figures are reported.
        var engine = new SearchEngine(path => Inflate(Path.Combine(browser.Output, path.TrimStart('/'))));
        var search = new SearchPage(session);
        var pageLoad = session.Requests.Issued;
        await search.GotoAsync();
        await session.Requests.WhenIdleAsync(TimeSpan.FromSeconds(10));
        var firstQuery = session.Requests.Issued;
        var firstTime = await search.TypeAndTimeAsync("育儿", engine.Search("育儿").Hits[0].Url);
        var firstChunks = await search.ChunksBeforeFirstResultAsync();
        await session.Requests.WhenIdleAsync(TimeSpan.FromSeconds(10));
        var secondQuery = session.Requests.Issued;
        var secondTime = await search.TypeAndTimeAsync("睡眠", engine.Search("睡眠").Hits[0].Url);
        var secondTimeline = await search.FetchTimelineAsync();
        await session.Requests.WhenIdleAsync(TimeSpan.FromSeconds(10));

        var atLoad = SearchFiles(await session.Requests.SinceAsync(pageLoad)).Where(r => r.Sequence < firstQuery).ToList();
        var forFirst = SearchFiles(await session.Requests.SinceAsync(firstQuery)).Where(r => r.Sequence < secondQuery).ToList();
        var forSecond = SearchFiles(await session.Requests.SinceAsync(secondQuery)).ToList();
        Report("search files fetched with the page", atLoad, null);
        Report("first query 育儿", forFirst, firstTime);
        Report("first query, with the page's search files", [.. atLoad, .. forFirst], firstTime);
        Report("second query 睡眠", forSecond, secondTime);
        output.WriteLine("second query's fetches, from its input event:");
        foreach (var line in secondTimeline)
        {
            output.WriteLine("  " + line);
        }

        // What the page and first query need is fetched; the numbers are for the report, not for assertions.
        Assert.Contains(atLoad.Concat(forFirst), r => r.Url.AbsolutePath.StartsWith("/search-index/manifest.json", StringComparison.Ordinal));
        Assert.All([.. atLoad, .. forFirst, .. forSecond], r => Assert.Equal(200, r.Status));
        Assert.Equal(engine.Search("睡眠").Hits.Take(10).Select(h => h.Url), await search.HrefsAsync());

        // 育儿 is on many pages, so its shard or file carries its top result's record: shown with no chunk fetched.
        Assert.True(engine.Search("育儿").Hits.Count >= SearchIndexBuilder.RecordPostings, "育儿 is too rare here to carry its top result");
        Assert.Equal(0, firstChunks);
    });

    [Fact]
    public Task The_programmes_own_pages_come_first_for_yuer() => browser.RunAsync(output, async session =>
    {
        var search = new SearchPage(session);
        await search.GotoAsync("育儿");

        await search.WaitForResultsAsync();

        // The programme's own pages, which all carry 育儿 in their titles, come first.
        Assert.Contains((await search.HrefsAsync())[0], ParentingProgramme);
    });

    [Fact]
    public Task The_browser_ranks_exactly_as_the_generators_search_engine() => browser.RunAsync(output, async session =>
    {
        // search.js and SearchEngine implement docs/search-index.md twice; the relevance suite runs on SearchEngine, so
        // the browser must show the same pages in the same order for that suite to speak for the site.
        var engine = new SearchEngine(path => Inflate(Path.Combine(browser.Output, path.TrimStart('/'))));
        var search = new SearchPage(session);
        var status = session.Page.Locator("[data-search-status]");
        foreach (var query in ParityQueries)
        {
            var hits = engine.Search(query).Hits;
            await search.GotoAsync(query);
            await Assertions.Expect(status).Not.ToBeEmptyAsync();

            // The page shows the first results (how many is the page's choice): they must be the engine's first, in order.
            var shown = await search.HrefsAsync();
            var expected = hits.Take(Math.Max(shown.Count, 1)).Select(h => h.Url).ToList();
            Assert.True(expected.SequenceEqual(shown), $"{query}: expected {string.Join(' ', expected)}, shown {string.Join(' ', shown)}");
            if (hits.Count > 0)
            {
                await Assertions.Expect(status).ToContainTextAsync(hits.Count.ToString(CultureInfo.InvariantCulture));
            }
        }
    });

    /// <summary>The search script and index files, as opposed to the page's HTML, CSS and images.</summary>
    private static IEnumerable<FetchedResource> SearchFiles(IEnumerable<FetchedResource> fetched) => fetched.Where(r =>
        r.Url.AbsolutePath.StartsWith("/search-index/", StringComparison.Ordinal)
        || (r.Url.AbsolutePath.EndsWith(".js", StringComparison.Ordinal) && Path.GetFileName(r.Url.AbsolutePath).StartsWith("search", StringComparison.Ordinal)));

    private static byte[] Inflate(string path)
    {
        using var file = File.OpenRead(path);
        if (!path.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var plain = new MemoryStream();
            file.CopyTo(plain);
            return plain.ToArray();
        }

        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        gzip.CopyTo(inflated);
        return inflated.ToArray();
    }

    private static async Task TabUntilAsync(IPage page, string condition)
    {
        for (var presses = 0; presses < 60; presses++)
        {
            if (await page.EvaluateAsync<bool>($"() => Boolean({condition})"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"60 presses of Tab never reached: {condition}");
    }

    private void Report(string step, List<FetchedResource> fetched, double? milliseconds)
    {
        var time = milliseconds is { } ms ? string.Create(CultureInfo.InvariantCulture, $"first results after {ms:F1} ms; ") : "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{step}: {time}{fetched.Count} files, {fetched.Sum(r => r.TransferBytes):N0} B over the wire, {fetched.Sum(r => r.BodyBytes):N0} B decoded"));
        foreach (var request in fetched)
        {
            output.WriteLine("  " + request);
        }
    }
}
