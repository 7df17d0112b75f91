using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Data;

namespace PopCulture.Cms.Content;

/// <summary>The anonymous, read-only delivery API over published content, cached per published version.</summary>
public static class DeliveryApi
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;

    /// <summary>The section name used in URLs for top-level pages (<c>/api/v1/content/_root/about</c>).</summary>
    public const string RootSection = "_root";

    private static readonly string[] Sorts = ["date", "-date", "title", "-title", "weight", "-weight", "updated", "-updated"];
    private static readonly string[] KnownParameters = ["section", "type", "tag", "category", "q", "sort", "page", "pageSize"];

    public static IEndpointRouteBuilder MapDeliveryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Delivery").AllowAnonymous();
        api.MapGet("/content", ListAsync)
            .WithName("ListContent")
            .WithSummary("Published content, filtered and paged")
            .WithDescription("Filters: section, type, tag, category, facet.<name>=<value> (district, age_band, domain, audience, grade_band, kind, level), q (title or summary contains), sort (date, -date, title, -title, weight, -weight, updated, -updated), page, pageSize (1–100). ETag and Last-Modified support conditional GETs.")
            .Produces<Page<DeliveryDocument>>()
            .ProducesValidationProblem();
        api.MapGet("/content/{section}/{slug}", GetAsync)
            .WithName("GetContent")
            .WithSummary("One published item with its Markdown body")
            .WithDescription("Use _root as the section for top-level pages and _index as the slug for a section's own page.")
            .Produces<DeliveryDocument>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/taxonomies", TaxonomiesAsync)
            .WithName("ListTaxonomies")
            .WithSummary("Tags, categories and facet values of published content, with counts")
            .Produces<TaxonomyList>();
        return app;
    }

    private static Task<IResult> ListAsync(HttpContext context, CmsDbContext db, DeliveryCache cache)
    {
        var query = context.Request.Query;
        return cache.GetAsync(context, "list" + context.Request.QueryString.Value, async cancellationToken =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var page = ParseInt(query, "page", 1, 1, int.MaxValue, errors);
            var pageSize = ParseInt(query, "pageSize", DefaultPageSize, 1, MaxPageSize, errors);
            var sort = query["sort"].ToString();
            if (sort.Length > 0 && !Sorts.Contains(sort))
            {
                errors["sort"] = [$"sort must be one of {string.Join(", ", Sorts)}"];
            }

            foreach (var key in query.Keys)
            {
                if (key.StartsWith("facet.", StringComparison.Ordinal) ? !EntryMapping.FacetNames.Contains(key[6..]) : !KnownParameters.Contains(key))
                {
                    errors[key] = [$"unknown parameter; facets are {string.Join(", ", EntryMapping.FacetNames.Select(f => "facet." + f))}"];
                }
            }

            if (errors.Count > 0)
            {
                return (400, Problem(context, errors));
            }

            var items = db.Published.AsNoTracking();
            if (query["section"].ToString() is { Length: > 0 } section)
            {
                var name = section == RootSection ? "" : section;
                items = items.Where(p => p.Section == name);
            }

            if (query["type"].ToString() is { Length: > 0 } type)
            {
                items = items.Where(p => p.Type == type);
            }

            if (query["tag"].ToString() is { Length: > 0 } tag)
            {
                items = items.Where(p => p.Terms.Any(t => t.Taxonomy == "tags" && t.Term == tag));
            }

            if (query["category"].ToString() is { Length: > 0 } category)
            {
                items = items.Where(p => p.Terms.Any(t => t.Taxonomy == "categories" && t.Term == category));
            }

            items = ApplyFacets(items, query);
            if (query["q"].ToString() is { Length: > 0 } text)
            {
                var words = text.Trim();
                items = items.Where(p => p.Title.Contains(words) || (p.Summary != null && p.Summary.Contains(words)));
            }

            var total = await items.CountAsync(cancellationToken);
            var rows = await Sort(items, sort).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
            var documents = rows.Select(row => DeliveryDocument.From(row, EntryMapping.ToItem(row.Section, row.Slug, row.ContentPath, row.FrontMatter, row.Body), withBody: false)).ToList();
            return (200, JsonSerializer.SerializeToUtf8Bytes(new Page<DeliveryDocument>(documents, page, pageSize, total), ContentJson.Options));
        });
    }

    private static Task<IResult> GetAsync(string section, string slug, HttpContext context, CmsDbContext db, DeliveryCache cache)
    {
        var name = section == RootSection ? "" : section;
        return cache.GetAsync(context, $"item:{name}/{slug}", async cancellationToken =>
        {
            var row = await db.Published.AsNoTracking().FirstOrDefaultAsync(p => p.Section == name && p.Slug == slug, cancellationToken);
            if (row is null)
            {
                return (404, JsonSerializer.SerializeToUtf8Bytes(new ProblemDetails
                {
                    Status = 404,
                    Title = "Not Found",
                    Detail = $"no published item {section}/{slug}",
                    Instance = context.Request.Path,
                }, ContentJson.Options));
            }

            var item = EntryMapping.ToItem(row.Section, row.Slug, row.ContentPath, row.FrontMatter, row.Body);
            return (200, JsonSerializer.SerializeToUtf8Bytes(DeliveryDocument.From(row, item, withBody: true), ContentJson.Options));
        });
    }

    private static Task<IResult> TaxonomiesAsync(HttpContext context, CmsDbContext db, DeliveryCache cache, [FromQuery] string? section)
    {
        return cache.GetAsync(context, $"taxonomies:{section}", async cancellationToken =>
        {
            var terms = db.PublishedTerms.AsNoTracking();
            var entries = db.Published.AsNoTracking();
            if (!string.IsNullOrEmpty(section))
            {
                terms = terms.Where(t => t.Section == section);
                entries = entries.Where(p => p.Section == section);
            }

            var counted = await terms.GroupBy(t => new { t.Taxonomy, t.Term })
                .Select(g => new { g.Key.Taxonomy, g.Key.Term, Count = g.Count() })
                .ToListAsync(cancellationToken);
            var facets = new Dictionary<string, IReadOnlyList<TermCount>>(StringComparer.Ordinal)
            {
                ["district"] = await Count(entries.Where(p => p.District != null).GroupBy(p => p.District!), cancellationToken),
                ["age_band"] = await Count(entries.Where(p => p.AgeBand != null).GroupBy(p => p.AgeBand!), cancellationToken),
                ["domain"] = await Count(entries.Where(p => p.Domain != null).GroupBy(p => p.Domain!), cancellationToken),
                ["audience"] = await Count(entries.Where(p => p.Audience != null).GroupBy(p => p.Audience!), cancellationToken),
                ["grade_band"] = await Count(entries.Where(p => p.GradeBand != null).GroupBy(p => p.GradeBand!), cancellationToken),
                ["kind"] = await Count(entries.Where(p => p.Kind != null).GroupBy(p => p.Kind!), cancellationToken),
                ["level"] = await Count(entries.Where(p => p.Level != null).GroupBy(p => p.Level!), cancellationToken),
            };
            var list = new TaxonomyList(
                Ordered(counted.Where(c => c.Taxonomy == "tags").Select(c => new TermCount(c.Term, c.Count))),
                Ordered(counted.Where(c => c.Taxonomy == "categories").Select(c => new TermCount(c.Term, c.Count))),
                facets);
            return (200, JsonSerializer.SerializeToUtf8Bytes(list, ContentJson.Options));
        });
    }

    private static async Task<IReadOnlyList<TermCount>> Count(IQueryable<IGrouping<string, Content.PublishedEntry>> groups, CancellationToken cancellationToken) =>
        Ordered(await groups.Select(g => new TermCount(g.Key, g.Count())).ToListAsync(cancellationToken));

    private static List<TermCount> Ordered(IEnumerable<TermCount> counts) =>
        [.. counts.OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)];

    private static IQueryable<PublishedEntry> ApplyFacets(IQueryable<PublishedEntry> items, IQueryCollection query)
    {
        foreach (var name in EntryMapping.FacetNames)
        {
            if (query[$"facet.{name}"].ToString() is not { Length: > 0 } value)
            {
                continue;
            }

            // Accept 0-6月 for 0–6月, as front matter does.
            var band = PopCulture.Site.Content.Vocabulary.FindAgeBand(value)?.Label ?? value;
            items = name switch
            {
                "district" => items.Where(p => p.District == value),
                "age_band" => items.Where(p => p.AgeBand == band),
                "domain" => items.Where(p => p.Domain == value),
                "audience" => items.Where(p => p.Audience == value),
                "grade_band" => items.Where(p => p.GradeBand == value),
                "kind" => items.Where(p => p.Kind == value),
                _ => items.Where(p => p.Level == value),
            };
        }

        return items;
    }

    private static IQueryable<PublishedEntry> Sort(IQueryable<PublishedEntry> items, string sort) =>
        sort switch
        {
            "date" => items.OrderBy(p => p.Date).ThenBy(p => p.Title),
            "title" => items.OrderBy(p => p.Title),
            "-title" => items.OrderByDescending(p => p.Title),
            "weight" => items.OrderBy(p => p.Weight).ThenBy(p => p.Title),
            "-weight" => items.OrderByDescending(p => p.Weight).ThenBy(p => p.Title),
            "updated" => items.OrderBy(p => p.Updated ?? p.Date).ThenBy(p => p.Title),
            "-updated" => items.OrderByDescending(p => p.Updated ?? p.Date).ThenBy(p => p.Title),
            _ => items.OrderByDescending(p => p.Date).ThenBy(p => p.Title),
        };

    private static int ParseInt(IQueryCollection query, string name, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            errors[name] = [$"{name} must be a whole number from {min} to {max}"];
            return fallback;
        }

        return value;
    }

    private static byte[] Problem(HttpContext context, Dictionary<string, string[]> errors) =>
        JsonSerializer.SerializeToUtf8Bytes(new HttpValidationProblemDetails(errors)
        {
            Status = 400,
            Title = "One or more validation errors occurred.",
            Instance = context.Request.Path,
        }, ContentJson.Options);
}

/// <summary>A term or facet value with how many published items carry it.</summary>
public sealed record TermCount(string Value, int Count);

/// <summary>Every tag, category and facet value of published content.</summary>
public sealed record TaxonomyList(IReadOnlyList<TermCount> Tags, IReadOnlyList<TermCount> Categories, IReadOnlyDictionary<string, IReadOnlyList<TermCount>> Facets);
