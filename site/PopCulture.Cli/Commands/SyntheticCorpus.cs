using System.Globalization;
using System.Text;

namespace PopCulture.Cli.Commands;

/// <summary>
/// Writes a synthetic Chinese corpus for benchmarks: articles, parks, parenting lessons and courses with lessons,
/// each with headings, lists, a table, tags and links to other pages, so every stage does real work.
/// </summary>
internal static class SyntheticCorpus
{
    private static readonly string[] Phrases =
    [
        "人口是影响经济社会发展的关键因素", "统筹解决人口问题", "关注人口与家庭发展", "婚育新风进万家",
        "关爱女孩行动", "幸福家庭促进计划", "生育关怀", "科学育儿指导服务", "青春健康教育", "人口文化园建设",
        "一镇一品，一村一景", "优生促进", "出生缺陷干预", "流动人口均等化服务", "家庭发展能力", "阳光计生行动",
        "父母为主，从业人员为辅", "家庭为主，机构为辅", "保健为主，教育为辅", "社区家庭指导", "婴幼儿体验服务",
        "生殖健康促进", "青少年健康人格", "生理学、心理学知识", "区域人口安全意识", "和谐家庭服务",
    ];

    private static readonly string[] Tags = ["婚育新风", "关爱女孩", "幸福家庭", "生育关怀", "科学育儿", "青春健康", "流动人口", "优生优育", "人口文化园", "阳光计生"];

    /// <summary>
    /// Turns the first <paramref name="photos"/> parks into bundles with a generated 1600 × 1200 JPEG photo as cover and
    /// in the body, so benchmarks exercise the image stage.
    /// </summary>
    public static int AddPhotos(string root, int photos, int seed = 12)
    {
        var random = new Random(seed);
        var added = 0;
        for (var i = 0; i < photos; i++)
        {
            var file = Path.Combine(root, "parks", $"park-{i}.md");
            if (!File.Exists(file))
            {
                break;
            }

            var bundle = Path.Combine(root, "parks", $"park-{i}");
            Directory.CreateDirectory(bundle);
            var text = File.ReadAllText(file).Replace("\n---\n", "\ncover: { src: photo.jpg, alt: 园区实景照片 }\n---\n![园区实景照片](photo.jpg)\n", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(bundle, "index.md"), text);
            File.Delete(file);
            WritePhoto(Path.Combine(bundle, "photo.jpg"), random);
            added++;
        }

        return added;
    }

    private static void WritePhoto(string path, Random random)
    {
        // A sky-to-grass gradient with noise: compresses like a photo, unlike a flat colour.
        var (r, g, b) = (random.Next(60, 200), random.Next(60, 200), random.Next(60, 200));
        using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(1600, 1200);
        image.ProcessPixelRows(rows =>
        {
            var noise = new Random(r * 65536 + g * 256 + b);
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var n = noise.Next(-24, 24);
                    row[x] = new SixLabors.ImageSharp.PixelFormats.Rgb24(
                        (byte)Math.Clamp(r + (y / 8) + n, 0, 255), (byte)Math.Clamp(g + (x / 10) + n, 0, 255), (byte)Math.Clamp(b - (y / 10) + n, 0, 255));
                }
            }
        });
        SixLabors.ImageSharp.ImageExtensions.SaveAsJpeg(image, path);
    }

    /// <summary>Writes about <paramref name="pages"/> items under <paramref name="root"/>; returns how many.</summary>
    public static int Write(string root, int pages, int seed = 12)
    {
        var random = new Random(seed);
        var districts = PopCulture.Site.Content.Vocabulary.Districts;
        var bands = PopCulture.Site.Content.Vocabulary.AgeBands;
        var domains = PopCulture.Site.Content.Vocabulary.ParentingDomains;
        var news = pages * 4 / 10;
        var parks = pages * 2 / 10;
        var parenting = pages * 2 / 10;
        var courses = Math.Max(1, (pages - news - parks - parenting) / 6);
        var written = 0;

        foreach (var section in new[] { "news", "parks", "parenting", "adolescence" })
        {
            Directory.CreateDirectory(Path.Combine(root, section));
            File.WriteAllText(Path.Combine(root, section, "_index.md"), $"---\ntitle: 合成栏目 {section}\nsummary: 基准测试用的合成栏目。\n---\n{Paragraph(random)}\n");
        }

        File.WriteAllText(Path.Combine(root, "_index.md"), $"---\ntitle: 基准测试站点\n---\n{Paragraph(random)}\n");
        File.WriteAllText(Path.Combine(root, "about.md"), $"---\ntitle: 关于本站\ntype: page\n---\n{Paragraph(random)}\n");

        for (var i = 0; i < news; i++)
        {
            var date = new DateOnly(2011, 10, 1).AddDays(i % 1500);
            Write(root, "news", $"article-{i}", $"type: article\ndate: {date:yyyy-MM-dd}", random, i, news, written++);
        }

        for (var i = 0; i < parks; i++)
        {
            var fields = string.Create(CultureInfo.InvariantCulture,
                $"type: park\nsample: true\ndistrict: {districts[i % districts.Count]}\ncoordinates: {{ lat: 31.3, lng: 120.6 }}\nopening_hours: 全天开放\nlevel: 镇（街道）\nexhibits:\n  - name: 婚育新风长廊\n    description: {Phrases[i % Phrases.Length]}\n  - name: 幸福家庭雕塑");
            Write(root, "parks", $"park-{i}", fields, random, i, parks, written++);
        }

        for (var i = 0; i < parenting; i++)
        {
            var band = bands[i % bands.Count];
            var fields = string.Create(CultureInfo.InvariantCulture,
                $"type: parenting-lesson\nage_band: {band.Label}\nage_months: {{ from: {band.FromMonths}, to: {band.ToMonths} }}\ndomain: {domains[i % domains.Count]}");
            Write(root, "parenting", $"lesson-{i}", fields, random, i, parenting, written++);
        }

        for (var c = 0; c < courses; c++)
        {
            Write(root, "adolescence", $"course-{c}", "type: course\ndate: 2013-09-01\naudience: 学生\ngrade_band: 初中\ntopic: 青春期健康", random, c, courses, written++);
            for (var l = 1; l <= 5; l++)
            {
                Write(root, "adolescence", $"course-{c}-lesson-{l}",
                    $"type: lesson\ndate: 2013-09-01\ncourse: course-{c}\norder: {l}\nobjectives:\n  - {Phrases[l]}\nteacher_notes: |\n  {Phrases[l + 1]}。\nquiz:\n  - question: {Phrases[l]}？\n    options: [是, 否]\n    answer: 0",
                    random, l, 5, written++);
            }
        }

        return written;
    }

    private static void Write(string root, string section, string slug, string fields, Random random, int index, int count, int _)
    {
        var text = new StringBuilder(4096);
        text.Append("---\ntitle: ").Append(Phrases[index % Phrases.Length]).Append(' ').Append(index.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append(fields).Append('\n');
        text.Append("summary: ").Append(Phrases[(index + 3) % Phrases.Length]).Append("。\n");
        text.Append("tags: [").Append(Tags[index % Tags.Length]).Append(", ").Append(Tags[(index * 7 + 3) % Tags.Length]).Append("]\n---\n\n");
        for (var h = 1; h <= 3; h++)
        {
            text.Append("## ").Append(Phrases[(index + h) % Phrases.Length]).Append("\n\n");
            text.Append(Paragraph(random)).Append("\n\n");
        }

        text.Append("- ").Append(Phrases[index % Phrases.Length]).Append("\n- ").Append(Phrases[(index + 5) % Phrases.Length]).Append("\n\n");
        text.Append("| 项目 | 说明 |\n|---|---|\n| ").Append(Tags[index % Tags.Length]).Append(" | ").Append(Phrases[(index + 2) % Phrases.Length]).Append(" |\n\n");
        var target = (index + 1) % count;
        var prefix = section == "adolescence" ? null : slug[..slug.LastIndexOf('-')];
        if (prefix is not null)
        {
            text.Append("相关阅读：[").Append(Phrases[target % Phrases.Length]).Append("](/").Append(section).Append('/').Append(prefix).Append('-').Append(target.ToString(CultureInfo.InvariantCulture)).Append("/)\n");
        }

        File.WriteAllText(Path.Combine(root, section, slug + ".md"), text.ToString());
    }

    private static string Paragraph(Random random)
    {
        var text = new StringBuilder(600);
        var sentences = random.Next(5, 9);
        for (var s = 0; s < sentences; s++)
        {
            text.Append(Phrases[random.Next(Phrases.Length)]).Append('，').Append(Phrases[random.Next(Phrases.Length)]).Append("，**")
                .Append(Phrases[random.Next(Phrases.Length)]).Append("**。");
        }

        return text.ToString();
    }
}
