using PopCulture.Site;
using PopCulture.Site.Content;

namespace PopCulture.Site.Tests;

/// <summary>A throwaway site for one test: its own content folder, theme and output under a temp folder.</summary>
public sealed class TempSite : IDisposable
{
    public TempSite(bool copyDefaultTheme = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "popculture-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Content);
        if (copyDefaultTheme)
        {
            CopyFolder(Path.Combine(RepositoryRoot, "themes", "default"), Theme);
        }
        else
        {
            Directory.CreateDirectory(Theme);
        }
    }

    public string Root { get; }

    public string Content => Path.Combine(Root, "content");

    public string Theme => Path.Combine(Root, "theme");

    public string Output => Path.Combine(Root, "public");

    /// <summary>The folder holding PopCulture.sln, found from the test assembly's location.</summary>
    public static string RepositoryRoot
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

    /// <summary>Writes a content file; <paramref name="relative"/> is under content/.</summary>
    public TempSite With(string relative, string text)
    {
        var path = Path.Combine(Content, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return this;
    }

    /// <summary>Writes a real PNG of the given size under content/.</summary>
    public TempSite WithImage(string relative, int width, int height)
    {
        var path = Path.Combine(Content, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgba32>(width, height, new SixLabors.ImageSharp.PixelFormats.Rgba32(30, 120, 90, 255));
        SixLabors.ImageSharp.ImageExtensions.SaveAsPng(image, path);
        return this;
    }

    public TempSite WithTheme(string relative, string text)
    {
        var path = Path.Combine(Theme, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return this;
    }

    /// <summary>A minimal valid site: home page, one section with an article, and the about page the theme links to.</summary>
    public TempSite WithBasics()
    {
        With("_index.md", "---\ntitle: 首页\n---\n欢迎。\n");
        With("about.md", "---\ntitle: 关于\ntype: page\n---\n关于本站。\n");
        With("news/_index.md", "---\ntitle: 新闻\nsummary: 新闻与宣传\n---\n栏目介绍。\n");
        With("news/first.md", "---\ntitle: 第一篇\ndate: 2012-01-02\nsummary: 摘要\ntags: [幸福家庭]\n---\n## 小标题\n\n正文。\n");
        return this;
    }

    public async Task<BuildResult> BuildAsync(bool checkOnly = false, string? baseUrl = "https://example.org/", bool drafts = false, BuildMemory? memory = null)
    {
        var result = await new SiteBuilder(new FolderContentSource(Content), new BuildOptions
        {
            ThemeDirectory = Theme,
            ThemeDisplayPath = "theme",
            OutputDirectory = Output,
            BaseUrl = baseUrl,
            CheckOnly = checkOnly,
            IncludeDrafts = drafts,
            Memory = memory,
        }).BuildAsync(null, CancellationToken.None);
        await result.Cleanup;
        return result;
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(Output, relative));

    public bool Exists(string relative) => File.Exists(Path.Combine(Output, relative));

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

internal static class DiagnosticAssertions
{
    /// <summary>The diagnostics as the CLI prints them, one per line.</summary>
    public static string[] Lines(this BuildResult result) => [.. result.Diagnostics.Select(d => d.ToString())];
}
