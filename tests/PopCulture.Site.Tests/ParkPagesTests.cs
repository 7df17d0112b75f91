using System.Text.RegularExpressions;

namespace PopCulture.Site.Tests;

/// <summary>The parks section as built: the directory and its SVG map, nearby parks, "open now" data and the printable sign.</summary>
public partial class ParkPagesTests
{
    private const string Districts = """
        - name: 姑苏区
          slug: gusu
          centre: { lat: 31.31, lng: 120.62 }
        - name: 吴江区
          slug: wujiang
          centre: { lat: 31.00, lng: 120.65 }
        - name: 昆山市
          slug: kunshan
          centre: { lat: 31.38, lng: 120.98 }
        """;

    private static string ParkFile(string title, string district, double lat, double lng, string hours = "hours: always\n") =>
        $"---\ntype: park\ntitle: {title}\nsample: true\ndistrict: {district}\ncoordinates: {{ lat: {lat}, lng: {lng} }}\nopening_hours: 全天开放\n{hours}level: 村（社区）\nexhibits: [{{ name: 展板 }}]\n---\n正文。\n";

    private static TempSite ParkSite() => new TempSite().WithBasics()
        .With("_data/districts.yaml", Districts)
        .With("parks/_index.md", "---\ntitle: 人口文化园\n---\n介绍。\n")
        .With("parks/kunshan.md", ParkFile("昆山园", "昆山市", 31.38, 120.98))
        .With("parks/gusu.md", ParkFile("姑苏园", "姑苏区", 31.31, 120.62))
        .With("parks/wujiang.md", ParkFile("吴江园", "吴江区", 31.00, 120.65, "hours:\n  tue: 09:00-17:00\n"))
        .With("parks/wujiang-village.md", ParkFile("吴江村园", "吴江区", 31.00, 120.65, ""));

    [Fact]
    public async Task The_directory_groups_parks_by_district_in_data_order_and_its_map_links_every_park()
    {
        using var site = ParkSite();
        var result = await site.BuildAsync();
        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));

        var html = site.Read("parks/index.html");
        // Groups follow districts.yaml, not the parks' own order.
        var groups = GroupTitle().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["姑苏区", "吴江区", "昆山市"], groups);

        var svg = Regex.Match(html, "<svg class=\"park-map\".*?</svg>", RegexOptions.Singleline).Value;
        Assert.NotEmpty(svg);
        Assert.Contains("aria-labelledby=\"park-map-title\"", svg, StringComparison.Ordinal);
        Assert.Contains("id=\"park-map-title\"", html, StringComparison.Ordinal);
        var markers = MapLink().Matches(svg).ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value, StringComparer.Ordinal);
        Assert.Equal(new Dictionary<string, string>
        {
            ["姑苏园"] = "/parks/gusu/",
            ["吴江园"] = "/parks/wujiang/",
            ["吴江村园"] = "/parks/wujiang-village/",
            ["昆山园"] = "/parks/kunshan/",
        }, markers);
        foreach (var url in markers.Values)
        {
            Assert.True(site.Exists(url.TrimStart('/') + "index.html"), $"{url} is not a page");
        }

        // A labelled dot per district; the two parks at one position are drawn apart, not on top of each other.
        Assert.Equal(3, Regex.Count(svg, "class=\"map-district\""));
        var positions = Regex.Matches(svg, "<circle class=\"map-marker\" cx=\"([^\"]+)\" cy=\"([^\"]+)\"").Select(m => m.Groups[1].Value + "," + m.Groups[2].Value).ToList();
        Assert.Equal(4, positions.Distinct().Count());

        // Structured hours reach the page for the script; a park without them shows its text only.
        Assert.Contains("data-hours=\"always\"", html, StringComparison.Ordinal);
        Assert.Contains("data-hours=\"|540-1020|||||\"", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(html, "data-hours="));
        Assert.Contains("/assets/js/parks.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/assets/js/parks.", site.Read("news/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_park_page_lists_its_nearest_parks_with_distances_and_links_its_sign()
    {
        using var site = ParkSite();
        Assert.True((await site.BuildAsync()).Succeeded);

        var html = site.Read("parks/wujiang/index.html");
        var nearby = Regex.Match(html, "<section class=\"nearby-parks\".*?</section>", RegexOptions.Singleline).Value;
        var entries = Regex.Matches(nearby, "<a href=\"([^\"]+)\">[^<]+</a> <span class=\"distance\">([^<]+)</span>")
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        // 吴江村园 shares its position; 姑苏 is ~35 km north, 昆山 ~53 km north-east.
        Assert.Equal([("/parks/wujiang-village/", "不到 1 公里"), ("/parks/gusu/", "约 35 公里"), ("/parks/kunshan/", "约 53 公里")], entries);
        Assert.Contains("href=\"/parks/wujiang/sign/\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_park_has_a_printable_sign_page_with_its_qr_code_address_and_hours()
    {
        using var site = ParkSite();
        Assert.True((await site.BuildAsync()).Succeeded);

        var sign = site.Read("parks/gusu/sign/index.html");
        Assert.Contains("<h1 class=\"sign-title\">姑苏园</h1>", sign, StringComparison.Ordinal);
        Assert.Contains("src=\"/parks/gusu/qr.svg\"", sign, StringComparison.Ordinal);
        Assert.Contains("<p class=\"sign-url\">example.org/parks/gusu/</p>", sign, StringComparison.Ordinal);
        Assert.Contains("开放时间：全天开放", sign, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", sign, StringComparison.Ordinal);
        Assert.DoesNotContain("/sign/", site.Read("sitemap.xml"), StringComparison.Ordinal);
        Assert.True(site.Exists("parks/gusu/qr.svg"));
    }

    [Fact]
    public async Task Moving_a_park_rerenders_the_directory_and_the_parks_it_is_near_and_nothing_else_in_parks()
    {
        using var site = ParkSite();
        Assert.True((await site.BuildAsync()).Succeeded);
        var before = Snapshot(site);

        // 昆山园 moves next to 姑苏园: 姑苏's and 吴江's nearby lists change with it.
        site.With("parks/kunshan.md", ParkFile("昆山园", "昆山市", 31.32, 120.63));
        var result = await site.BuildAsync();
        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));

        var after = Snapshot(site);
        var changed = after.Where(f => before.GetValueOrDefault(f.Key) != f.Value).Select(f => f.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            ["parks/gusu/index.html", "parks/index.html", "parks/kunshan/index.html", "parks/wujiang-village/index.html", "parks/wujiang/index.html"],
            changed);
        Assert.Contains("约 1 公里", site.Read("parks/gusu/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_districts_file_is_reported()
    {
        using var site = ParkSite().With("_data/districts.yaml", "- name: 不存在区\n  slug: x\n  centre: { lat: 31, lng: 120 }\n- name: 姑苏区\n");

        var result = await site.BuildAsync();

        Assert.False(result.Succeeded);
        Assert.Contains("content/_data/districts.yaml: entry 1: '不存在区' is not one of 姑苏区, 虎丘区, 吴中区, 相城区, 吴江区, 苏州工业园区, 常熟市, 张家港市, 昆山市, 太仓市", result.Lines());
        Assert.Contains("content/_data/districts.yaml: entry 2: needs 'name', 'slug' and 'centre: { lat, lng }' in degrees", result.Lines());
    }

    private static Dictionary<string, string> Snapshot(TempSite site) =>
        Directory.EnumerateFiles(Path.Combine(site.Output, "parks"), "*.html", SearchOption.AllDirectories).ToDictionary(
            f => "parks/" + Path.GetRelativePath(Path.Combine(site.Output, "parks"), f).Replace('\\', '/'),
            File.ReadAllText,
            StringComparer.Ordinal);

    [GeneratedRegex("<h3 id=\"district-[a-z0-9-]+-title\">([^<]+)</h3>")]
    private static partial Regex GroupTitle();

    [GeneratedRegex("<a href=\"([^\"]+)\" aria-label=\"([^\"]+)\" class=\"map-park\">")]
    private static partial Regex MapLink();
}
