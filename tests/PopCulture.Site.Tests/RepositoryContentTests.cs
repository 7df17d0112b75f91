namespace PopCulture.Site.Tests;

/// <summary>The real demo content in content/ must always build cleanly with the default theme.</summary>
public class RepositoryContentTests
{
    [Fact]
    public async Task The_repository_content_builds_with_no_error_or_warning()
    {
        var root = TempSite.RepositoryRoot;
        var output = Path.Combine(Path.GetTempPath(), "popculture-tests", Guid.NewGuid().ToString("N"), "public");
        try
        {
            var result = await new SiteBuilder(
                new Content.FolderContentSource(Path.Combine(root, "content")),
                new BuildOptions { ThemeDirectory = Path.Combine(root, "themes", "default"), OutputDirectory = output, BaseUrl = "https://example.org/" })
                .BuildAsync(null, CancellationToken.None);

            Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
            Assert.Empty(result.Diagnostics);
            Assert.True(result.Pages > 100);
        }
        finally
        {
            var folder = Path.GetDirectoryName(output)!;
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
