using System.IO.Compression;
using System.Text;

namespace PopCulture.Browser.Tests;

/// <summary>
/// search.js inflates the index's gzip files itself, in one synchronous pass, rather than through DecompressionStream:
/// every kind of deflate block must come out byte for byte as .NET (which writes the index) and gzip(1) wrote it.
/// </summary>
public sealed class SearchInflateTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly string Plan = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "content", "news", "suzhou-population-plan-12th-five-year.md"));

    [Theory]
    [InlineData("stored", CompressionLevel.NoCompression, 0)] // 80 KB: more than one stored block
    [InlineData("short", CompressionLevel.Optimal, 1)]
    [InlineData("plan", CompressionLevel.SmallestSize, 2)]
    [InlineData("plan", CompressionLevel.Fastest, 1)] // zlib-ng's fastest level writes fixed codes
    public Task A_deflate_block_of_each_kind_inflates_to_what_was_compressed(string text, CompressionLevel level, int blockType) => browser.RunAsync(output, async session =>
    {
        var original = Encoding.UTF8.GetBytes(text switch { "short" => "育儿 睡眠", "plan" => Plan + Plan, _ => string.Concat(Enumerable.Repeat(Plan, 8)) });
        var gzip = Gzip(original, level);
        Assert.Equal(blockType, (gzip[10] >> 1) & 3); // the first block's type, so each kind is really exercised

        Assert.Equal(original, await InflateAsync(session, gzip));
    });

    [Fact]
    public Task A_header_with_the_file_name_gzip_1_stores_is_skipped() => browser.RunAsync(output, async session =>
    {
        var original = Encoding.UTF8.GetBytes("{\"睡眠\":[1,2,3]}");
        var plain = Gzip(original, CompressionLevel.Optimal);
        var named = new List<byte>(plain[..10]) { [3] = 8 }; // FNAME: a zero-terminated name follows the header
        named.AddRange(Encoding.ASCII.GetBytes("shard.json\0"));
        named.AddRange(plain[10..]);

        Assert.Equal(original, await InflateAsync(session, [.. named]));
    });

    [Fact]
    public Task Every_file_of_the_demo_sites_index_inflates_as_dotnet_reads_it() => browser.RunAsync(output, async session =>
    {
        var files = Directory.EnumerateFiles(Path.Combine(browser.Output, "search-index"), "*.json.gz", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var gzip = await File.ReadAllBytesAsync(file);
            using var reader = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
            using var expected = new MemoryStream();
            await reader.CopyToAsync(expected);
            var inflated = await InflateAsync(session, gzip);
            Assert.True(expected.ToArray().SequenceEqual(inflated), file);
        }
    });

    [Fact]
    public Task A_truncated_file_is_an_error_not_a_short_result() => browser.RunAsync(output, async session =>
    {
        var gzip = Gzip(Encoding.UTF8.GetBytes(Plan), CompressionLevel.Optimal);
        var truncated = gzip[..(gzip.Length / 2)].Concat(gzip[^8..]).ToArray();

        var error = await Assert.ThrowsAnyAsync<Microsoft.Playwright.PlaywrightException>(() => InflateAsync(session, truncated));
        Assert.Contains("gzip:", error.Message, StringComparison.Ordinal);
    });

    [Fact]
    public Task A_trailer_claiming_more_than_deflate_can_expand_to_is_an_error_not_an_allocation() => browser.RunAsync(output, async session =>
    {
        var gzip = Gzip(Encoding.UTF8.GetBytes(Plan), CompressionLevel.Optimal);
        gzip.AsSpan(gzip.Length - 4).Fill(0xff); // 4 GiB less one byte, from a file of a few KB

        var error = await Assert.ThrowsAnyAsync<Microsoft.Playwright.PlaywrightException>(() => InflateAsync(session, gzip));
        Assert.Contains("gzip: longer than deflate can expand to", error.Message, StringComparison.Ordinal);
    });

    private static byte[] Gzip(byte[] data, CompressionLevel level)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, level))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }

    /// <summary>Runs search.js's own gunzip, loaded from the /search/ page as readers get it.</summary>
    private static async Task<byte[]> InflateAsync(BrowserSession session, byte[] gzip)
    {
        if (!session.Page.Url.Contains("/search/", StringComparison.Ordinal))
        {
            await session.Page.GotoAsync("/search/");
        }

        var inflated = await session.Page.EvaluateAsync<string>(
            """
            async (b64) => {
              const script = document.querySelector('script[type=module][src*="search"]');
              const { gunzip } = await import(script.src);
              const out = gunzip(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
              let text = '';
              for (let i = 0; i < out.length; i += 8192) text += String.fromCharCode(...out.subarray(i, i + 8192));
              return btoa(text);
            }
            """,
            Convert.ToBase64String(gzip));
        return Convert.FromBase64String(inflated);
    }
}
