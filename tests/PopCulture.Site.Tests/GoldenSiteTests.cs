using PopCulture.Site.Content;

namespace PopCulture.Site.Tests;

/// <summary>A small site (content and a tiny theme) in, the exact expected output folder out: Golden/site/.</summary>
public class GoldenSiteTests
{
    [Fact]
    public async Task The_golden_site_builds_exactly_to_its_expected_output()
    {
        var golden = Path.Combine(AppContext.BaseDirectory, "Golden", "site");
        var expected = Path.Combine(golden, "expected");
        var output = Path.Combine(Path.GetTempPath(), "popculture-tests", Guid.NewGuid().ToString("N"), "public");
        try
        {
            var result = await new SiteBuilder(
                new FolderContentSource(Path.Combine(golden, "content")),
                new BuildOptions { ThemeDirectory = Path.Combine(golden, "theme"), OutputDirectory = output, BaseUrl = "https://example.org/" })
                .BuildAsync(null, CancellationToken.None);
            await result.Cleanup; // the other slot and the search cache are still being written

            Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
            Assert.Equal(Files(expected), Files(output));
            foreach (var file in Files(expected))
            {
                Assert.Equal(File.ReadAllText(Path.Combine(expected, file)), File.ReadAllText(Path.Combine(output, file)));
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
        }
    }

    private static List<string> Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];
}
