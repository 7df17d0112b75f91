using System.CommandLine;
using PopCulture.Site;

namespace PopCulture.Cli.Commands;

/// <summary>The options shared by build, check and serve.</summary>
internal sealed class SiteOptions
{
    public Option<string> Content { get; } = new("--content") { Description = "content folder", DefaultValueFactory = _ => "content" };

    public Option<string> Theme { get; } = new("--theme") { Description = "theme folder", DefaultValueFactory = _ => "themes/default" };

    public Option<string> Output { get; } = new("--output") { Description = "output folder", DefaultValueFactory = _ => "artifacts/public" };

    public Option<string?> BaseUrl { get; } = new("--base-url") { Description = "absolute URL the site is published at (canonical URLs, feeds, sitemap)" };

    public Option<bool> Drafts { get; } = new("--drafts") { Description = "include items marked draft: true" };

    public void AddTo(Command command)
    {
        command.Options.Add(Content);
        command.Options.Add(Theme);
        command.Options.Add(Output);
        command.Options.Add(BaseUrl);
        command.Options.Add(Drafts);
    }

    public BuildOptions Read(ParseResult result, bool checkOnly, string? baseUrlOverride = null) => new()
    {
        ThemeDirectory = result.GetValue(Theme)!,
        ThemeDisplayPath = result.GetValue(Theme)!.TrimEnd('/'),
        OutputDirectory = result.GetValue(Output)!,
        BaseUrl = baseUrlOverride ?? result.GetValue(BaseUrl),
        IncludeDrafts = result.GetValue(Drafts),
        CheckOnly = checkOnly,
    };
}
