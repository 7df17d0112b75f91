using PopCulture.Site.Content;

namespace PopCulture.Site.Templates;

/// <summary>Site-wide settings from <c>content/_data/site.yaml</c>: title, description and menu.</summary>
public sealed record SiteConfig(string Title, string Description, string? BaseUrl, IReadOnlyList<LinkView> Menu, IReadOnlyDictionary<string, object?> Data, int Year)
{
    private const string DefaultTitle = "人口文化与家庭健康";

    /// <summary>Where hall pages post visit requests, from <see cref="BuildOptions.VisitRequestsUrl"/>; null for none.</summary>
    public string? VisitRequestsUrl { get; init; }

    public static SiteConfig From(IReadOnlyDictionary<string, object?> data, IReadOnlyList<Model.Section> sections, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(data);
        var site = data.GetValueOrDefault("site") as IReadOnlyDictionary<string, object?> ?? data.GetValueOrDefault("site") as Dictionary<string, object?>;
        var title = site?.GetValueOrDefault("title") as string ?? DefaultTitle;
        var description = site?.GetValueOrDefault("description") as string ?? "";
        var baseUrl = site?.GetValueOrDefault("base_url") as string;
        var menu = new List<LinkView>();
        if (site?.GetValueOrDefault("menu") is List<object?> entries)
        {
            foreach (var entry in entries)
            {
                if (entry is Dictionary<string, object?> link && link.GetValueOrDefault("title") is string text && link.GetValueOrDefault("url") is string url)
                {
                    menu.Add(new LinkView(text, url));
                }
                else
                {
                    diagnostics.Error("content/_data/site.yaml", 0, "every menu entry needs 'title' and 'url'");
                }
            }
        }
        else
        {
            menu.Add(new LinkView("首页", "/"));
            menu.AddRange(sections.Select(s => new LinkView(s.Title, s.Url)));
        }

        return new SiteConfig(title, description, baseUrl, menu, data, DateTime.UtcNow.Year);
    }
}
