using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PopCulture.Cms.Content;
using PopCulture.Cms.Identity;

namespace PopCulture.Cms.Manager.Pages.Content;

/// <summary>
/// A section's entries (or every readable section's): 50 a page, sortable by title, last change or state, filtered by
/// state, tag and facets (type, district, age band…), and searched as the management search API searches (relevance
/// first, a highlighted fragment under each title). Everything is in the query string, so a list can be bookmarked.
/// </summary>
public sealed class IndexModel(AccessControl access, ContentLists lists) : PageModel
{
    /// <summary>The longest tag or search text read from the query string; longer input is cut, not refused.</summary>
    public const int MaxFilterLength = 100;

    [FromQuery(Name = "section")]
    public string? Section { get; set; }

    [FromQuery(Name = "state")]
    public string? State { get; set; }

    [FromQuery(Name = "tag")]
    public string? Tag { get; set; }

    [FromQuery(Name = "q")]
    public string? Search { get; set; }

    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    [FromQuery(Name = "dir")]
    public string? Direction { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public ContentListPage Result { get; private set; } = null!;

    public IReadOnlyList<SectionCount> Sections { get; private set; } = [];

    public ContentListQuery Query { get; private set; } = null!;

    /// <summary>The facet values the list is narrowed to, by facet name (the query string key).</summary>
    public IReadOnlyDictionary<string, string> Facets { get; private set; } = new Dictionary<string, string>();

    /// <summary>The states the filter offers, in workflow order, as the query string spells them.</summary>
    public static IReadOnlyList<string> States { get; } = ["draft", "in-review", "scheduled", "published", "archived"];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return Challenge();
        }

        string? section = string.IsNullOrEmpty(Section) ? null : Section == DeliveryApi.RootSection ? "" : Section;
        if (section is not null && !user.Can(ContentAction.Read, section))
        {
            return Forbid();
        }

        Tag = Cut(Tag);
        Search = Cut(Search);
        State = State is not null && ManageContentApi.ParseStatus(State) is not null ? State : null;
        Facets = ReadFacets();
        var natural = Search is null ? ContentSort.Updated : ContentSort.Relevance;
        var sort = Sort switch
        {
            "title" => ContentSort.Title,
            "state" => ContentSort.State,
            "updated" => ContentSort.Updated,
            _ => natural,
        };
        Sort = sort == natural ? null : SortName(sort);
        var descending = sort == ContentSort.Relevance || Direction switch
        {
            "asc" => false,
            "desc" => true,
            _ => NaturallyDescending(sort),
        };
        Direction = descending == NaturallyDescending(sort) ? null : descending ? "desc" : "asc";
        Query = new ContentListQuery(
            section, State is null ? null : ManageContentApi.ParseStatus(State), Tag, Search, sort, descending, PageNumber, Facets);
        Result = await lists.LoadAsync(user, Query, cancellationToken);
        Sections = await lists.SectionsAsync(user, cancellationToken);
        return Page();
    }

    /// <summary>This list on another page.</summary>
    public string PageLink(int page) => Link(Sort, Direction, page == 1 ? null : page, Tag);

    /// <summary>This list narrowed to a tag, from its first page.</summary>
    public string TagLink(string tag) => Link(Sort, Direction, null, tag);

    /// <summary>This searched list back in order of relevance, from its first page.</summary>
    public string RelevanceLink() => Link(null, null, null, Tag);

    /// <summary>The link of a column header: the first click sorts the natural way, the next one reverses it.</summary>
    public string SortLink(ContentSort column)
    {
        var natural = NaturallyDescending(column);
        var descending = Query.Sort == column ? !Query.Descending : natural;
        var unsorted = Search is null ? ContentSort.Updated : ContentSort.Relevance;
        return Link(
            column == unsorted ? null : SortName(column),
            descending == natural ? null : descending ? "desc" : "asc",
            null,
            Tag);
    }

    /// <summary>The <c>aria-sort</c> value of a column header, null for columns the list is not sorted by.</summary>
    public string? AriaSort(ContentSort column) => Query.Sort != column ? null : Query.Descending ? "descending" : "ascending";

    // Defaults are left out of links, so the usual list has the shortest address. The query string is written here
    // because Url.Page reserves the "page" value for the page's own name.
    private string Link(string? sort, string? dir, int? page, string? tag)
    {
        (string Key, string? Value)[] values =
        [
            ("section", Section), ("state", State), ("tag", tag),
            .. ContentListQuery.FacetNames.Select(name => (name, Facets.GetValueOrDefault(name))),
            ("q", Search), ("sort", sort), ("dir", dir),
            ("page", page?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];
        return Url.Page("/Content/Index") + QueryString.Create(values.Where(v => v.Value is not null)
            .Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)));
    }

    private static bool NaturallyDescending(ContentSort sort) => sort is ContentSort.Updated or ContentSort.Relevance;

    private static string SortName(ContentSort sort) => sort.ToString().ToLowerInvariant();

    // Facets are read by hand: their names are data (ContentListQuery.FacetNames), not properties to bind.
    private Dictionary<string, string> ReadFacets()
    {
        var facets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in ContentListQuery.FacetNames)
        {
            if (Cut(Request.Query[name].ToString()) is { } value)
            {
                facets[name] = value;
            }
        }

        return facets;
    }

    private static string? Cut(string? text)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length > MaxFilterLength ? trimmed[..MaxFilterLength] : trimmed;
    }
}
