using System.ComponentModel.DataAnnotations;

namespace PopCulture.Cms;

/// <summary>Settings under <c>PopCulture:</c>, validated on start.</summary>
public sealed class CmsOptions
{
    public const string SectionName = "PopCulture";

    /// <summary>Where the SQLite file, media and the built site live.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>The demo content imported into an empty store.</summary>
    public string ContentDirectory { get; set; } = "content";

    /// <summary>The theme the built site uses.</summary>
    [Required]
    public string ThemeDirectory { get; set; } = "themes/default";

    /// <summary>The public URL of the site, for canonical links; defaults to the CMS's own address.</summary>
    public string? BaseUrl { get; set; }

    public DatabaseOptions Database { get; set; } = new();

    public AdminOptions Admin { get; set; } = new();

    /// <summary>Import <see cref="ContentDirectory"/> when the store has no content.</summary>
    public bool ImportDemoContent { get; set; } = true;

    public string MediaDirectory => Path.Combine(DataDirectory, "media");

    /// <summary>
    /// Makes relative folders absolute against the repository root (the folder holding PopCulture.sln above the
    /// app), or the content root when deployed without it, so <c>dotnet run --project cms/PopCulture.Cms</c> from
    /// anywhere finds <c>content/</c> and <c>themes/</c>.
    /// </summary>
    public void ResolvePaths(string contentRoot)
    {
        var root = new DirectoryInfo(contentRoot);
        var probe = root;
        while (probe is not null && !File.Exists(Path.Combine(probe.FullName, "PopCulture.sln")))
        {
            probe = probe.Parent;
        }

        var baseFolder = (probe ?? root).FullName;
        DataDirectory = Path.GetFullPath(DataDirectory, baseFolder);
        ContentDirectory = Path.GetFullPath(ContentDirectory, baseFolder);
        ThemeDirectory = Path.GetFullPath(ThemeDirectory, baseFolder);
    }

    public string SiteDirectory => Path.Combine(DataDirectory, "site");
}

public sealed class DatabaseOptions
{
    /// <summary><c>sqlite</c> (default) or <c>postgres</c> (with <c>ConnectionStrings:PopCulture</c>).</summary>
    [RegularExpression("^(sqlite|postgres)$", ErrorMessage = "PopCulture:Database:Provider must be sqlite or postgres")]
    public string Provider { get; set; } = "sqlite";
}

public sealed class AdminOptions
{
    public string? Email { get; set; }

    public string? Password { get; set; }
}
