namespace PopCulture.Site.Tests;

/// <summary>The real demo content in content/ must always build cleanly with the default theme.</summary>
public class RepositoryContentTests
{
    [Fact]
    public async Task The_repository_content_builds_with_no_error_or_warning_and_every_image_is_described_and_sized()
    {
        var root = TempSite.RepositoryRoot;
        var folder = Path.Combine(Path.GetTempPath(), "popculture-tests", Guid.NewGuid().ToString("N"));
        var output = Path.Combine(folder, "public");
        try
        {
            var result = await new SiteBuilder(
                new Content.FolderContentSource(Path.Combine(root, "content")),
                new BuildOptions { ThemeDirectory = Path.Combine(root, "themes", "default"), OutputDirectory = output, BaseUrl = "https://example.org/" })
                .BuildAsync(null, CancellationToken.None);
            await result.Cleanup; // the other slot and the search cache are still being written

            Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
            Assert.Empty(result.Diagnostics);
            Assert.True(result.Pages > 100);
            AssertEveryImageIsDescribedAndSized(output);
        }
        finally
        {
            // The image cache lives beside the output, inside the same temp folder.
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>Every image has alt text, width and height (no layout shift); every raster image has a WebP source.</summary>
    private static void AssertEveryImageIsDescribedAndSized(string output)
    {
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var images = 0;
        var pictures = 0;
        foreach (var file in Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories))
        {
            using var document = parser.ParseDocument(File.ReadAllText(file));
            foreach (var image in document.QuerySelectorAll("img"))
            {
                images++;
                var where = $"{Path.GetRelativePath(output, file)}: <img src=\"{image.GetAttribute("src")}\">";
                Assert.False(string.IsNullOrWhiteSpace(image.GetAttribute("alt")), $"{where} has no alt text");
                Assert.True(int.TryParse(image.GetAttribute("width"), out _) && int.TryParse(image.GetAttribute("height"), out _), $"{where} has no width and height");

                // Vector images (the printable QR signs) scale without variants; every raster image must offer WebP.
                if (!image.GetAttribute("src")!.EndsWith(".svg", StringComparison.Ordinal))
                {
                    Assert.True(image.ParentElement?.LocalName == "picture", $"{where} is not in a <picture>");
                    Assert.NotNull(image.ParentElement!.QuerySelector("source[type='image/webp'][srcset]"));
                    pictures++;
                }
            }
        }

        Assert.True(pictures >= 6, $"expected the demo content's illustrations as responsive pictures, found {pictures} of {images} images");
    }
}
