using PopCulture.Site;
using PopCulture.Site.Content;

namespace PopCulture.Browser.Tests;

/// <summary>The repository's demo content built with the default theme into a temp folder of its own.</summary>
public sealed class DemoSite : IDisposable
{
    private DemoSite(string root) => Root = root;

    /// <summary>The temp folder holding the output and the build cache.</summary>
    public string Root { get; }

    /// <summary>The built site (a link to the live output slot).</summary>
    public string Output => Path.Combine(Root, "public");

    /// <summary>Builds content/ as <c>popculture build</c> would, published at <paramref name="baseUrl"/>.</summary>
    public static async Task<DemoSite> BuildAsync(Uri baseUrl, CancellationToken cancellationToken)
    {
        var site = new DemoSite(Path.Combine(Path.GetTempPath(), "popculture-browser-tests", Guid.NewGuid().ToString("N")));
        try
        {
            Directory.CreateDirectory(site.Root);
            var result = await new SiteBuilder(new FolderContentSource(RepositoryPaths.Content), new BuildOptions
            {
                ThemeDirectory = RepositoryPaths.Theme,
                OutputDirectory = site.Output,
                BaseUrl = baseUrl.ToString(),
            }).BuildAsync(null, cancellationToken);
            await result.Cleanup;
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("the demo site did not build:\n" + string.Join('\n', result.Diagnostics));
            }

            return site;
        }
        catch
        {
            site.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
