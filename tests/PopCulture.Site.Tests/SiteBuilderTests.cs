using System.Security.Cryptography;
using System.Text.Json;

namespace PopCulture.Site.Tests;

public class SiteBuilderTests
{
    [Fact]
    public async Task Build_writes_pages_feeds_sitemap_robots_404_and_fingerprinted_assets()
    {
        using var site = new TempSite().WithBasics();

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        Assert.Empty(result.Diagnostics);
        foreach (var file in new[] { "index.html", "about/index.html", "news/index.html", "news/first/index.html", "news/tags/index.html",
                     "news/tags/幸福家庭/index.html", "404.html", "index.xml", "news/index.xml", "sitemap.xml", "robots.txt" })
        {
            Assert.True(site.Exists(file), $"{file} was not written");
        }

        var css = Directory.GetFiles(Path.Combine(site.Output, "assets", "css"), "site.*.css");
        var fingerprinted = Path.GetFileName(Assert.Single(css));
        Assert.Matches("^site\\.[0-9a-f]{10}\\.css$", fingerprinted);
        Assert.Contains($"/assets/css/{fingerprinted}", site.Read("news/first/index.html"), StringComparison.Ordinal);
        Assert.Contains("Sitemap: https://example.org/sitemap.xml", site.Read("robots.txt"), StringComparison.Ordinal);
        Assert.Contains("<loc>https://example.org/news/first/</loc>", site.Read("sitemap.xml"), StringComparison.Ordinal);
        Assert.Contains("<id>https://example.org/news/first/</id>", site.Read("news/index.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Item_pages_carry_canonical_url_opengraph_and_json_ld()
    {
        using var site = new TempSite().WithBasics()
            .With("parks/_index.md", "---\ntitle: 人口文化园\n---\n")
            .With("parks/gusu/index.md", """
                ---
                type: park
                title: 姑苏区人口文化园（示例）
                summary: 示例园区
                sample: true
                district: 姑苏区
                coordinates: { lat: 31.31, lng: 120.61 }
                opening_hours: 全天开放
                hours: always
                level: 地标精品
                cover: { src: park.png, alt: 园区照片 }
                exhibits:
                  - name: 婚育新风长廊
                ---
                ![园区示意图](park.svg)
                """)
            .With("parks/gusu/park.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>园</title></svg>")
            .WithImage("parks/gusu/park.png", 800, 400)
            .With("parks/svg-only.md", "---\ntype: park\ntitle: 示例园\nsample: true\ndistrict: 昆山市\ncoordinates: { lat: 31.38, lng: 120.98 }\nopening_hours: 全天开放\nhours: { mon: \"09:00-17:00\", tue: \"09:00-17:00\", sat: \"09:00-11:30, 13:30-17:00\" }\nlevel: 村（社区）\nexhibits: [{ name: 展板 }]\ncover: { src: gusu/park.svg, alt: 示意图 }\n---\n");

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        var html = site.Read("parks/gusu/index.html");
        Assert.Contains("<link rel=\"canonical\" href=\"https://example.org/parks/gusu/\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:image\" content=\"https://example.org/parks/gusu/park.png\">", html, StringComparison.Ordinal);
        Assert.True(site.Exists("parks/gusu/park.svg"));
        // Share-card scrapers ignore SVG, so an SVG cover gives no og:image.
        Assert.DoesNotContain("og:image", site.Read("parks/svg-only/index.html"), StringComparison.Ordinal);
        using var jsonLd = JsonDocument.Parse(ExtractJsonLd(html));
        Assert.Equal("Place", jsonLd.RootElement.GetProperty("@type").GetString());
        Assert.Equal(31.31, jsonLd.RootElement.GetProperty("geo").GetProperty("latitude").GetDouble());
        var open = Assert.Single(jsonLd.RootElement.GetProperty("openingHoursSpecification").EnumerateArray());
        Assert.Equal(7, open.GetProperty("dayOfWeek").GetArrayLength());
        Assert.Equal(("00:00", "23:59"), (open.GetProperty("opens").GetString(), open.GetProperty("closes").GetString()));
        using var weekdays = JsonDocument.Parse(ExtractJsonLd(site.Read("parks/svg-only/index.html")));
        var specs = weekdays.RootElement.GetProperty("openingHoursSpecification").EnumerateArray()
            .Select(o => $"{o.GetProperty("opens").GetString()}-{o.GetProperty("closes").GetString()} {string.Join(',', o.GetProperty("dayOfWeek").EnumerateArray().Select(d => d.GetString()![19..]))}");
        Assert.Equal(["09:00-11:30 Saturday", "09:00-17:00 Monday,Tuesday", "13:30-17:00 Saturday"], specs);
    }

    [Fact]
    public async Task Content_images_become_pictures_with_webp_variants_cached_between_builds()
    {
        using var site = new TempSite().WithBasics()
            .With("news/photo/index.md", "---\ntitle: 有图的文章\ndate: 2013-01-01\n---\n![园区的照片](wide.png \"标题\")\n")
            .WithImage("news/photo/wide.png", 1500, 500)
            .WithImage("news/photo/small.png", 200, 100);

        var first = await site.BuildAsync();
        var again = await site.BuildAsync();

        Assert.True(first.Succeeded, string.Join('\n', first.Lines()));
        var html = site.Read("news/photo/index.html");
        Assert.Contains("<source type=\"image/webp\" srcset=\"/news/photo/wide.360.webp 360w, /news/photo/wide.720.webp 720w, /news/photo/wide.1080.webp 1080w\"", html, StringComparison.Ordinal);
        Assert.Contains("width=\"1500\" height=\"500\" alt=\"园区的照片\" title=\"标题\" loading=\"lazy\"", html, StringComparison.Ordinal);
        Assert.True(site.Exists("news/photo/wide.720.png"));
        Assert.True(site.Exists("news/photo/small.200.webp"), "an image narrower than every theme width gets one variant at its own width");
        using var variant = SixLabors.ImageSharp.Image.Load(Path.Combine(site.Output, "news", "photo", "wide.720.webp"));
        Assert.Equal((720, 240), (variant.Width, variant.Height));
        Assert.True(again.Succeeded);
        Assert.Contains(again.Stages, s => s.Key == "images");
    }

    [Theory]
    [InlineData(0.9, 0, 0, 255)]
    [InlineData(0.1, 255, 0, 0)]
    public async Task Card_crops_keep_the_focal_point_in_frame(double focalX, byte red, byte green, byte blue)
    {
        using var site = new TempSite().WithBasics()
            .With("news/wide/index.md", $"---\ntitle: 宽图\ndate: 2013-01-01\ncover: {{ src: wide.png, alt: 左红右蓝, focal_x: {focalX.ToString(System.Globalization.CultureInfo.InvariantCulture)} }}\n---\n正文\n");
        // Left half red, right half blue: a 4:3 crop of this 4:1 image sees one colour, whichever side the focus is on.
        using (var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgba32>(1600, 400))
        {
            image.ProcessPixelRows(rows =>
            {
                for (var y = 0; y < rows.Height; y++)
                {
                    var row = rows.GetRowSpan(y);
                    for (var x = 0; x < row.Length; x++)
                    {
                        row[x] = x < 800 ? new SixLabors.ImageSharp.PixelFormats.Rgba32(255, 0, 0, 255) : new SixLabors.ImageSharp.PixelFormats.Rgba32(0, 0, 255, 255);
                    }
                }
            });
            SixLabors.ImageSharp.ImageExtensions.SaveAsPng(image, Path.Combine(site.Content, "news", "wide", "wide.png"));
        }

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        Assert.Contains("/news/wide/wide.card.360.webp 360w", site.Read("news/index.html"), StringComparison.Ordinal);
        using var crop = SixLabors.ImageSharp.Image.Load<SixLabors.ImageSharp.PixelFormats.Rgba32>(Path.Combine(site.Output, "news", "wide", "wide.card.360.png"));
        Assert.Equal((360, 270), (crop.Width, crop.Height));
        Assert.Equal((red, green, blue), (crop[180, 135].R, crop[180, 135].G, crop[180, 135].B));
    }

    [Fact]
    public async Task A_focal_point_outside_the_image_is_an_error()
    {
        using var site = new TempSite().WithBasics()
            .With("news/bad/index.md", "---\ntitle: 坏焦点\ndate: 2013-01-01\ncover: { src: p.png, alt: 图, focal_x: 1.5 }\n---\n")
            .WithImage("news/bad/p.png", 100, 100);

        var result = await site.BuildAsync();

        Assert.Contains("content/news/bad/index.md:4: 'focal_x' must be between 0 and 1 (found 1.5)", result.Lines());
    }

    [Fact]
    public async Task Vector_and_animated_images_carry_their_own_size()
    {
        using var site = new TempSite().WithBasics()
            .With("news/drawn/index.md", "---\ntitle: 示意图\ndate: 2013-01-01\n---\n![流程示意图](flow.svg)\n")
            .With("news/drawn/flow.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 360\"><title>流程</title></svg>");

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        Assert.Contains("<img src=\"/news/drawn/flow.svg\" width=\"640\" height=\"360\" alt=\"流程示意图\"", site.Read("news/drawn/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Images_that_cannot_be_decoded_are_reported_with_their_paths_not_thrown()
    {
        using var site = new TempSite().WithBasics()
            .With("news/broken.png", "this is not a PNG")
            .With("news/cut/index.md", "---\ntitle: 截断的封面\ndate: 2013-01-01\ncover: { src: cut.png, alt: 图 }\n---\n")
            .WithImage("news/cut/cut.png", 400, 300)
            .With("news/anim.gif", "GIF89a");
        var cut = Path.Combine(site.Content, "news", "cut", "cut.png");
        File.WriteAllBytes(cut, File.ReadAllBytes(cut)[..60]);

        var result = await site.BuildAsync();

        Assert.False(result.Succeeded);
        var lines = result.Lines();
        Assert.Contains(lines, l => l.StartsWith("content/news/broken.png: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("content/news/cut/cut.png: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("content/news/anim.gif: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Courses_link_their_lessons_in_order_with_previous_and_next()
    {
        using var site = new TempSite().WithBasics()
            .With("adolescence/_index.md", "---\ntitle: 网上青春期教育馆\n---\n")
            .With("adolescence/teen.md", "---\ntype: course\ntitle: 认识青春期\ndate: 2013-01-01\naudience: 学生\ngrade_band: 初中\ntopic: 青春期\n---\n")
            .With("adolescence/teen-2.md", "---\ntype: lesson\ntitle: 第二课\ndate: 2013-01-01\ncourse: teen\norder: 2\nobjectives: [二]\n---\n")
            .With("adolescence/teen-1.md", "---\ntype: lesson\ntitle: 第一课\ndate: 2013-01-01\ncourse: teen\norder: 1\nobjectives: [一]\nteacher_notes: 注意**分组**\n---\n");

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        var course = site.Read("adolescence/teen/index.html");
        Assert.True(course.IndexOf("第一课", StringComparison.Ordinal) < course.IndexOf("第二课", StringComparison.Ordinal));
        var first = site.Read("adolescence/teen-1/index.html");
        Assert.Contains("/adolescence/teen-2/", first, StringComparison.Ordinal);
        Assert.Contains("<strong>分组</strong>", first, StringComparison.Ordinal);
        using var jsonLd = JsonDocument.Parse(ExtractJsonLd(first));
        Assert.Equal("LearningResource", jsonLd.RootElement.GetProperty("@type").GetString());
        Assert.Equal("Course", jsonLd.RootElement.GetProperty("isPartOf").GetProperty("@type").GetString());
        // Lessons are listed by their course, not in the section list.
        Assert.DoesNotContain("第一课", site.Read("adolescence/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_reports_every_error_in_one_run_and_leaves_the_previous_output_byte_for_byte()
    {
        using var site = new TempSite().WithBasics();
        Assert.True((await site.BuildAsync()).Succeeded);
        var before = Fingerprint(site.Output);

        site.With("news/bad-yaml.md", "---\ntitle: 坏\ndate: 2012-01-01\ntags: [a, b\n---\n")
            .With("news/no-title.md", "---\ndate: 2012-01-01\n---\n")
            .With("news/bad-enum.md", "---\ntype: course\ntitle: 课\ndate: 2012-01-01\naudience: 校长\ngrade_band: 初中\ntopic: 主题\n---\n")
            .With("news/link.md", "---\ntitle: 链接\ndate: 2012-01-01\n---\n第一行\n\n[坏链接](/no/such/page/)\n")
            .With("news/image.md", "---\ntitle: 图\ndate: 2012-01-01\n---\n![示意图](missing.png)\n")
            .With("news/dupe.md", "---\ntitle: 重复\ndate: 2012-01-01\nslug: first\n---\n");

        var result = await site.BuildAsync();

        Assert.False(result.Succeeded);
        var lines = result.Lines();
        Assert.Contains(lines, l => l.StartsWith("content/news/bad-yaml.md:", StringComparison.Ordinal) && l.Contains("malformed YAML", StringComparison.Ordinal));
        Assert.Contains("content/news/no-title.md:2: 'title' is required", lines);
        Assert.Contains(lines, l => l.StartsWith("content/news/bad-enum.md:5: 'audience' must be one of 学生, 教师, 家长", StringComparison.Ordinal));
        Assert.Contains("content/news/link.md:7: broken link /no/such/page/: no page or file is published there", lines);
        Assert.Contains(lines, l => l.StartsWith("content/news/image.md:5: image missing.png not found", StringComparison.Ordinal));
        Assert.Contains("content/news/dupe.md:4: duplicate URL /news/first/: content/news/first.md is published there too", lines);
        Assert.Contains("content/news/first.md:1: duplicate URL /news/first/: content/news/dupe.md is published there too", lines);
        Assert.Equal(before, Fingerprint(site.Output));
        Assert.Empty(Directory.GetDirectories(Path.Combine(site.Root, ".public.slots"), "old-*"));
    }

    [Fact]
    public async Task A_rebuild_replaces_the_output_and_leaves_no_old_folders()
    {
        using var site = new TempSite().WithBasics();
        Assert.True((await site.BuildAsync()).Succeeded);
        site.With("news/second.md", "---\ntitle: 第二篇\ndate: 2012-01-03\n---\n");
        File.Delete(Path.Combine(site.Content, "news", "first.md"));

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        Assert.True(site.Exists("news/second/index.html"));
        Assert.False(site.Exists("news/first/index.html"));
        Assert.Equal(".popculture-cache .public.slots content public theme", string.Join(" ", Directory.GetDirectories(site.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal)));
        Assert.Equal("a a.stamp b b.stamp", string.Join(" ", Directory.GetFileSystemEntries(Path.Combine(site.Root, ".public.slots")).Select(Path.GetFileName).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task An_output_folder_whose_slots_cannot_be_made_fails_at_once_and_frees_its_lock()
    {
        using var site = new TempSite().WithBasics();
        var slots = Path.Combine(site.Root, ".public.slots");
        await File.WriteAllTextAsync(slots, "in the way");
        // Far shorter than the half hour a build waits for another one: a disk error must not be taken for a busy folder.
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<IOException>(() => Output.SiteOutput.OpenAsync(site.Output, limit.Token));

        File.Delete(slots);
        using var output = await Output.SiteOutput.OpenAsync(site.Output, limit.Token);
        Assert.Null(output.LiveBuildId);
    }

    [Fact]
    public async Task Check_validates_without_writing_anything()
    {
        using var site = new TempSite().WithBasics();

        var result = await site.BuildAsync(checkOnly: true);

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task Drafts_are_left_out_unless_asked_for()
    {
        using var site = new TempSite().WithBasics().With("news/wip.md", "---\ntitle: 草稿\ndate: 2012-01-01\ndraft: true\n---\n");

        Assert.True((await site.BuildAsync()).Succeeded);
        Assert.False(site.Exists("news/wip/index.html"));

        Assert.True((await site.BuildAsync(drafts: true)).Succeeded);
        Assert.True(site.Exists("news/wip/index.html"));
    }

    [Fact]
    public async Task Section_lists_are_paged()
    {
        using var site = new TempSite().WithBasics();
        for (var i = 0; i < 30; i++)
        {
            site.With($"news/n{i}.md", $"---\ntitle: 新闻{i}\ndate: 2012-01-{i % 28 + 1:00}\n---\n");
        }

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        Assert.True(site.Exists("news/page/2/index.html"));
        Assert.True(site.Exists("news/page/3/index.html"));
        Assert.False(site.Exists("news/page/4/index.html"));
        Assert.Contains("/news/page/2/", site.Read("news/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_under_a_sub_path_links_everything_under_it()
    {
        using var site = new TempSite().WithBasics().With("news/second.md", "---\ntitle: 第二篇\ndate: 2012-01-03\n---\n见[第一篇](first.md)。\n");

        var result = await site.BuildAsync(baseUrl: "https://example.org/pop/");

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        var html = site.Read("news/second/index.html");
        Assert.Contains("href=\"/pop/news/first/\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/pop/assets/css/", html, StringComparison.Ordinal);
        Assert.Contains("https://example.org/pop/news/second/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Theme_errors_name_the_template_and_line()
    {
        using var site = new TempSite().WithBasics().WithTheme("layouts/article.liquid", "<h1>{{ page.title }}</h1>\n{% if page.item %}\n<p>未结束\n");

        var result = await site.BuildAsync();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Lines(), l => l.StartsWith("theme/layouts/article.liquid:", StringComparison.Ordinal) && l.Contains("template error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_place_file_named_like_its_qr_sign_is_reported_not_overwritten()
    {
        using var site = new TempSite().WithBasics()
            .With("parks/p/index.md", "---\ntype: park\ntitle: 园\nsample: true\ndistrict: 姑苏区\ncoordinates: { lat: 31.3, lng: 120.6 }\nopening_hours: 全天开放\nlevel: 村（社区）\nexhibits: [{ name: 展板 }]\n---\n")
            .With("parks/p/qr.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>");

        var result = await site.BuildAsync();

        Assert.Contains("content/parks/p/index.md: qr.svg beside this place is where its QR sign is published: rename the file", result.Lines());
    }

    [Fact]
    public async Task A_broken_link_in_a_layout_is_reported_once_with_a_count()
    {
        using var site = new TempSite().WithBasics()
            .With("news/second.md", "---\ntitle: 第二篇\ndate: 2012-01-03\n---\n")
            .WithTheme("layouts/article.liquid", "<h1>{{ page.title }}</h1><a href=\"{{ '/missing/' | relative_url }}\">坏</a>");

        var result = await site.BuildAsync();

        var problem = Assert.Single(result.Lines());
        Assert.Equal("theme/layouts/article.liquid: broken link /missing/: nothing is published there (on 2 pages, first /news/first/)", problem.Replace("/news/second/", "/news/first/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Layouts_may_not_load_anything_from_another_host()
    {
        using var site = new TempSite().WithBasics()
            .WithTheme("layouts/page.liquid", "<h1>{{ page.title }}</h1><img src=\"https://cdn.example.com/x.png\" alt=\"x\">");

        var result = await site.BuildAsync();

        Assert.Contains(result.Lines(), l => l.Contains("loads https://cdn.example.com/x.png from another host", StringComparison.Ordinal));
    }

    private static string ExtractJsonLd(string html)
    {
        const string open = "<script type=\"application/ld+json\">";
        var start = html.IndexOf(open, StringComparison.Ordinal) + open.Length;
        return html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)];
    }

    private static Dictionary<string, string> Fingerprint(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
