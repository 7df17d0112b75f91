using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PopCulture.Site.Output;

namespace PopCulture.Site.Tests;

public class QrCodeTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void The_same_url_always_gives_the_same_svg()
    {
        var first = QrCodeWriter.Write("https://example.org/parks/gusu-park/", "姑苏区人口文化园");

        Assert.Equal(first, QrCodeWriter.Write("https://example.org/parks/gusu-park/", "姑苏区人口文化园"));
        Assert.NotEqual(first, QrCodeWriter.Write("https://example.org/parks/huqiu-park/", "姑苏区人口文化园"));
    }

    [Fact]
    public void The_svg_is_well_formed_sized_by_its_view_box_and_named_by_an_escaped_title()
    {
        var svg = XDocument.Parse(QrCodeWriter.Write("https://example.org/halls/x/", "青春<健康> & 家庭")).Root!;

        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("img", svg.Attribute("role")?.Value);
        Assert.Matches("^0 0 [0-9]+ [0-9]+$", svg.Attribute("viewBox")?.Value);
        Assert.Null(svg.Attribute("width"));
        Assert.Null(svg.Attribute("height"));
        var title = svg.Elements().First();
        Assert.Equal(Svg + "title", title.Name);
        Assert.Equal("青春<健康> & 家庭", title.Value);
    }

    [Fact]
    public void The_svg_draws_black_finder_patterns_on_white_inside_a_quiet_zone_and_reads_back_as_the_url()
    {
        const string url = "https://example.org/parenting-sites/gusu-demo-base/";

        var grid = QrReader.Grid(QrCodeWriter.Write(url, "姑苏区示范基地"));

        Assert.Equal(url, QrReader.Read(grid));
    }

    [Fact]
    public void A_url_with_chinese_in_its_path_is_encoded_as_its_escaped_ascii_form()
    {
        var grid = QrReader.Grid(QrCodeWriter.Write("https://example.org/parks/姑苏/", "姑苏"));

        Assert.Equal("https://example.org/parks/%E5%A7%91%E8%8B%8F/", QrReader.Read(grid));
    }

    [Theory]
    [InlineData("/parks/gusu-park/")]
    [InlineData("ftp://example.org/parks/gusu-park/")]
    [InlineData("javascript:alert(1)")]
    public void Anything_but_an_absolute_http_url_is_refused(string url) =>
        Assert.Throws<ArgumentException>(() => QrCodeWriter.Write(url, "园"));

    [Fact]
    public void A_url_too_long_for_a_scannable_sign_is_refused() =>
        Assert.Throws<ArgumentException>(() => QrCodeWriter.Write("https://example.org/" + new string('a', 2000), "园"));

    [Fact]
    public async Task A_build_writes_a_qr_sign_for_each_place_linked_from_its_page_and_none_for_an_article()
    {
        using var site = new TempSite().WithBasics()
            .With("parks/_index.md", "---\ntitle: 人口文化园\n---\n")
            .With("parks/gusu.md", "---\ntype: park\ntitle: 姑苏区人口文化园（示例）\nsample: true\ndistrict: 姑苏区\ncoordinates: { lat: 31.31, lng: 120.61 }\nopening_hours: 全天开放\nlevel: 地标精品\nexhibits: [{ name: 婚育新风长廊 }]\n---\n正文。\n")
            .With("halls/_index.md", "---\ntitle: 教育馆\n---\n")
            .With("halls/zjg.md", "---\ntype: hall\ntitle: 张家港市青少年健康教育馆\ndistrict: 张家港市\ncoordinates: { lat: 31.88, lng: 120.55 }\nopening_hours: 工作日开放\nbooking: 学校统一预约\n---\n正文。\n");

        // Under a sub-path, so the sign's link and its encoded URL both have to carry the base path.
        var result = await site.BuildAsync(baseUrl: "https://example.org/pop/");

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        Assert.Empty(result.Diagnostics);
        Assert.Equal("https://example.org/pop/parks/gusu/", QrReader.Read(QrReader.Grid(site.Read("parks/gusu/qr.svg"))));
        Assert.Equal("https://example.org/pop/halls/zjg/", QrReader.Read(QrReader.Grid(site.Read("halls/zjg/qr.svg"))));
        Assert.Contains(
            "<figure class=\"qr-sign\"><img src=\"/pop/parks/gusu/qr.svg\" alt=\"二维码：姑苏区人口文化园（示例）\" width=\"160\" height=\"160\" loading=\"lazy\" decoding=\"async\">",
            site.Read("parks/gusu/index.html"),
            StringComparison.Ordinal);
        Assert.Contains("<span class=\"qr-url\">https://example.org/pop/halls/zjg/</span>", site.Read("halls/zjg/index.html"), StringComparison.Ordinal);
        Assert.False(site.Exists("news/first/qr.svg"));
        Assert.DoesNotContain("qr-sign", site.Read("news/first/index.html"), StringComparison.Ordinal);
    }

    /// <summary>
    /// A small QR reader for the codes these tests draw (versions 1–6, level M, no damage), so a test can check that the
    /// picture says the URL: there is no QR decoder to be had offline.
    /// </summary>
    private static class QrReader
    {
        private const int QuietZone = 4;
        private const string Alphanumeric = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

        // Level M, versions 1–6: (blocks, data codewords per block); every block of these versions has the same size.
        private static readonly (int Blocks, int Data)[] LevelM = [(0, 0), (1, 16), (1, 28), (1, 44), (2, 32), (2, 43), (4, 27)];

        /// <summary>The dark modules of an SVG as drawn by QrCodeWriter, quiet zone included, [row, column].</summary>
        public static bool[,] Grid(string svgText)
        {
            var svg = XElement.Parse(svgText);
            var box = svg.Attribute("viewBox")!.Value.Split(' ').Select(Number).ToArray();
            Assert.Equal(box[2], box[3]);
            var grid = new bool[box[3], box[2]];

            // The background is one white rectangle; the modules are black horizontal runs "M<x> <y>h<w>v1h-<w>z".
            Assert.All(svg.Elements(Svg + "rect"), r => Assert.Equal("#ffffff", r.Attribute("fill")?.Value));
            var path = Assert.Single(svg.Elements(Svg + "path"));
            Assert.Equal("#000000", path.Attribute("fill")?.Value);
            var d = path.Attribute("d")!.Value;
            var runs = Regex.Matches(d, @"M([0-9]+) ([0-9]+)h([0-9]+)v1h-\3z");
            Assert.Equal(d.Length, runs.Sum(m => m.Length));
            foreach (Match run in runs)
            {
                var (x, y, w) = (Number(run.Groups[1].Value), Number(run.Groups[2].Value), Number(run.Groups[3].Value));
                for (var i = x; i < x + w; i++)
                {
                    grid[y, i] = true;
                }
            }

            return grid;
        }

        /// <summary>Checks the quiet zone, finder and timing patterns, then decodes the text.</summary>
        public static string Read(bool[,] drawn)
        {
            var total = drawn.GetLength(0);
            var size = total - 2 * QuietZone;
            for (var r = 0; r < total; r++)
            {
                for (var c = 0; c < total; c++)
                {
                    var inside = r >= QuietZone && r < total - QuietZone && c >= QuietZone && c < total - QuietZone;
                    Assert.True(inside || !drawn[r, c], $"quiet zone module ({r}, {c}) is dark");
                }
            }

            bool Dark(int row, int column) => drawn[row + QuietZone, column + QuietZone];
            var version = (size - 17) / 4;
            Assert.True(version is >= 1 and <= 6 && size == 17 + 4 * version, $"size {size} is not a version 1–6 code");

            foreach (var (top, left) in new[] { (0, 0), (0, size - 7), (size - 7, 0) })
            {
                for (var r = -1; r <= 7; r++)
                {
                    for (var c = -1; c <= 7; c++)
                    {
                        if (top + r < 0 || top + r >= size || left + c < 0 || left + c >= size)
                        {
                            continue;
                        }

                        // Rings from the centre: 3×3 dark, light, dark, then the light separator.
                        var ring = Math.Max(Math.Abs(r - 3), Math.Abs(c - 3));
                        Assert.True(Dark(top + r, left + c) == (ring is <= 1 or 3), $"finder pattern at ({top}, {left}) is wrong at ({r}, {c})");
                    }
                }
            }

            for (var i = 8; i < size - 8; i++)
            {
                Assert.True(Dark(6, i) == (i % 2 == 0) && Dark(i, 6) == (i % 2 == 0), $"timing pattern is wrong at {i}");
            }

            var isFunction = FunctionModules(size, version);
            var mask = MaskOf(Dark);
            var bits = new List<bool>();
            for (var right = size - 1; right >= 1; right -= 2)
            {
                if (right == 6)
                {
                    right = 5;
                }

                for (var step = 0; step < size; step++)
                {
                    for (var j = 0; j < 2; j++)
                    {
                        var x = right - j;
                        var y = ((right + 1) & 2) == 0 ? size - 1 - step : step;
                        if (!isFunction[y, x])
                        {
                            bits.Add(Dark(y, x) ^ Masked(mask, x, y));
                        }
                    }
                }
            }

            var (blocks, perBlock) = LevelM[version];
            var interleaved = Enumerable.Range(0, bits.Count / 8).Select(i => ByteAt(bits, i * 8)).ToArray();
            var data = new List<byte>();
            for (var b = 0; b < blocks; b++)
            {
                data.AddRange(Enumerable.Range(0, perBlock).Select(i => interleaved[i * blocks + b]));
            }

            return Text([.. data.SelectMany(value => Enumerable.Range(0, 8).Select(i => (value >> (7 - i) & 1) == 1))]);
        }

        private static bool[,] FunctionModules(int size, int version)
        {
            var function = new bool[size, size];
            void Mark(int top, int left, int height, int width)
            {
                for (var r = top; r < top + height; r++)
                {
                    for (var c = left; c < left + width; c++)
                    {
                        function[r, c] = true;
                    }
                }
            }

            Mark(0, 0, 9, 9);            // top-left finder, separator and format bits
            Mark(0, size - 8, 9, 8);     // top-right finder, separator and format bits
            Mark(size - 8, 0, 8, 9);     // bottom-left finder, separator, format bits and the dark module
            Mark(6, 0, 1, size);         // timing patterns
            Mark(0, 6, size, 1);
            if (version >= 2)
            {
                var at = 4 * version + 10; // versions 2–6 have one alignment pattern, near the bottom-right corner
                Mark(at - 2, at - 2, 5, 5);
            }

            return function;
        }

        /// <summary>The mask named by the top-left format bits, which must be level M's exactly.</summary>
        private static int MaskOf(Func<int, int, bool> dark)
        {
            var read = 0;
            for (var i = 0; i < 15; i++)
            {
                var (row, column) = i switch { < 6 => (i, 8), 6 => (7, 8), 7 => (8, 8), 8 => (8, 7), _ => (8, 14 - i) };
                read |= (dark(row, column) ? 1 : 0) << i;
            }

            for (var mask = 0; mask < 8; mask++)
            {
                var remainder = mask; // level M is 00
                for (var i = 0; i < 10; i++)
                {
                    remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537);
                }

                if ((((mask << 10) | remainder) ^ 0x5412) == read)
                {
                    return mask;
                }
            }

            throw new InvalidOperationException($"format bits {read:b15} are not level M");
        }

        private static bool Masked(int mask, int x, int y) => mask switch
        {
            0 => (x + y) % 2 == 0,
            1 => y % 2 == 0,
            2 => x % 3 == 0,
            3 => (x + y) % 3 == 0,
            4 => (x / 3 + y / 2) % 2 == 0,
            5 => x * y % 2 + x * y % 3 == 0,
            6 => (x * y % 2 + x * y % 3) % 2 == 0,
            _ => ((x + y) % 2 + x * y % 3) % 2 == 0,
        };

        /// <summary>The byte, alphanumeric and numeric segments (skipping any ECI header) up to the terminator.</summary>
        private static string Text(bool[] bits)
        {
            var at = 0;
            int Take(int count)
            {
                var value = 0;
                for (var i = 0; i < count; i++)
                {
                    value = value << 1 | (bits[at++] ? 1 : 0);
                }

                return value;
            }

            var bytes = new List<byte>();
            while (at + 4 <= bits.Length)
            {
                switch (Take(4))
                {
                    case 0b0000:
                        return Encoding.UTF8.GetString([.. bytes]);
                    case 0b0111:
                        Take(8);
                        break;
                    case 0b0100:
                        var length = Take(8);
                        bytes.AddRange(Enumerable.Range(0, length).Select(_ => (byte)Take(8)));
                        break;
                    case 0b0010:
                        // QRCoder switches to alphanumeric for runs such as "%E5%A7%91": two characters in 11 bits.
                        var characters = Take(9);
                        for (var left = characters; left > 0; left -= 2)
                        {
                            var pair = left > 1 ? Take(11) : Take(6);
                            bytes.AddRange(left > 1 ? [(byte)Alphanumeric[pair / 45], (byte)Alphanumeric[pair % 45]] : [(byte)Alphanumeric[pair]]);
                        }

                        break;
                    case 0b0001:
                        var digits = Take(10);
                        for (var left = digits; left > 0; left -= 3)
                        {
                            var group = Math.Min(left, 3);
                            bytes.AddRange(Encoding.ASCII.GetBytes(Take(group * 3 + 1).ToString(new string('0', group), CultureInfo.InvariantCulture)));
                        }

                        break;
                    case var mode:
                        throw new InvalidOperationException($"mode {mode:b4} is not read by this test reader");
                }
            }

            return Encoding.UTF8.GetString([.. bytes]);
        }

        private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

        private static byte ByteAt(List<bool> bits, int start) =>
            (byte)Enumerable.Range(0, 8).Aggregate(0, (value, i) => value << 1 | (bits[start + i] ? 1 : 0));
    }
}
