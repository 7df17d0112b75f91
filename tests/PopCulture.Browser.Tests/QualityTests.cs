using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;

namespace PopCulture.Browser.Tests;

/// <summary>
/// The readers' site's quality bar (issue 8), on one build of the demo site served once for all of these checks:
/// Lighthouse and axe-core on the pages readers come for, the W3C Nu HTML checker on every page, the weight of a lesson,
/// and no request to any other host from any page.
/// </summary>
[Collection(nameof(QualityRunsAlone))]
public sealed partial class QualityTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string Home = "/";
    private const string Lesson = "/adolescence/puberty-students-2-emotions/";
    private const string ParentingLesson = "/parenting/complementary-foods-6-12/";
    private const string Park = "/parks/gusu-park/";
    private const string Search = "/search/";

    /// <summary>What a lesson page may weigh, HTML, CSS and JS together, gzip-compressed as served.</summary>
    private const long LessonBudget = 40 * 1024;

    public static TheoryData<string> Pages => [Home, Lesson, ParentingLesson, Park, Search];

    [Fact]
    public Task A_lesson_page_with_its_css_and_scripts_is_under_40_KB_gzipped() => browser.RunAsync(output, async session =>
    {
        await session.Page.GotoAsync(Lesson);
        await session.Requests.WhenIdleAsync(TimeSpan.FromSeconds(30));
        var code = (await session.Requests.SinceAsync(0))
            .Where(r => r.ResourceType is "document" or "stylesheet" or "script")
            .Select(r => r.Url)
            .Distinct()
            .ToList();
        Assert.Contains(code, url => url.AbsolutePath.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(code, url => url.AbsolutePath.EndsWith(".js", StringComparison.Ordinal));

        // Re-fetched asking for gzip only: the browser takes Brotli, which is smaller, and the budget is set in gzip.
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None });
        long total = 0;
        foreach (var url in code)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            Assert.Contains("gzip", response.Content.Headers.ContentEncoding);
            var bytes = (await response.Content.ReadAsByteArrayAsync()).LongLength;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{url.AbsolutePath}: {bytes} B gzipped"));
            total += bytes;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Lesson} with its CSS and JS: {total} B gzipped (budget {LessonBudget} B)"));
        Assert.True(total < LessonBudget, string.Create(CultureInfo.InvariantCulture, $"{Lesson} weighs {total} B gzipped, over the {LessonBudget} B budget"));
    });

    [Fact]
    public Task No_page_of_the_site_asks_anything_of_another_host() => browser.RunAsync(output, async session =>
    {
        // Every page, each loaded to its load event: RunAsync fails the test on any request that left the site's origin.
        var pages = HtmlPages().ToList();
        Assert.NotEmpty(pages);
        foreach (var path in pages)
        {
            var response = await session.Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            Assert.True(response?.Status is 200 or 404, $"{path}: status {response?.Status}");
        }

        // Requests cut short by the next navigation never finish: only the last page's are waited for.
        await session.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pages.Count} pages loaded, {session.Requests.Issued} requests, none to another host"));
    });

    /// <summary>Every HTML page of the built site, as the path a reader's browser asks for.</summary>
    private IEnumerable<string> HtmlPages()
    {
        var root = browser.Output;
        foreach (var file in Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var path = "/" + Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            yield return path.EndsWith("/index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path;
        }
    }
}
