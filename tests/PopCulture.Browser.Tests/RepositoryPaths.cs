namespace PopCulture.Browser.Tests;

/// <summary>Folders of the repository the tests run in, found from the test assembly's location.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding PopCulture.sln.</summary>
    public static string Root
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PopCulture.sln")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new InvalidOperationException("PopCulture.sln not found above the test folder");
        }
    }

    /// <summary>
    /// The content the browser tests build: content/, or the folder in POPCULTURE_BROWSER_CONTENT. The override is for
    /// measuring search on the 10,000-page bench corpus (see README); the demo-specific tests expect content/.
    /// </summary>
    public static string Content => Environment.GetEnvironmentVariable("POPCULTURE_BROWSER_CONTENT") is { Length: > 0 } other ? other : Path.Combine(Root, "content");

    public static string Theme => Path.Combine(Root, "themes", "default");

    /// <summary>Where a failing browser test leaves its screenshot (artifacts/ is not committed).</summary>
    public static string Screenshots => Path.Combine(Root, "artifacts", "browser-screenshots");
}
