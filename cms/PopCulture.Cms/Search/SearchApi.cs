using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;

namespace PopCulture.Cms.Search;

/// <summary>Full-text search: of live content for everyone, and of working copies (drafts included) for signed-in users.</summary>
public static class SearchApi
{
    private const string Description =
        "q: words, all required (Chinese matches whole words and any two-character run; full- and half-width forms are the same); " +
        "filters: section (_root for top-level pages), type, tag, facet.<name>=<value> (district, age_band, domain, audience, grade_band, kind, level); " +
        "page (1–100), pageSize (1–100). Without q, filters alone list matching items newest first. " +
        "titleHtml and snippetHtml are HTML-escaped with matches in <mark>; facets count every match.";

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/search", SearchLive).WithTags("Delivery").AllowAnonymous()
            .WithName("Search").WithSummary("Search published content").WithDescription(Description)
            .Produces<SearchResults>().ProducesValidationProblem();
        app.MapGet("/api/v1/manage/search", SearchWorkingAsync).WithTags("Content").RequireAuthorization()
            .WithName("SearchEntries").WithSummary("Search the entries you may read, drafts included")
            .WithDescription(Description + " Also status (draft, in-review, scheduled, published, archived); q also finds any part of a slug.")
            .Produces<SearchResults>().ProducesValidationProblem();
        return app;
    }

    private static IResult SearchLive(HttpContext context, SearchIndexes indexes)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var request = SearchQueryReader.Read(context.Request.Query, management: false, errors);
        return request is null ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(indexes.Public.Search(request));
    }

    private static async Task<IResult> SearchWorkingAsync(HttpContext context, AccessControl access, SearchIndexes indexes, CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return ApiResults.Unauthorized();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var request = SearchQueryReader.Read(context.Request.Query, management: true, errors);
        if (request is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // Section-limited users search only their sections, whatever filters they ask for.
        return TypedResults.Ok(indexes.Manage.Search(request with { Sections = user.ReadableSections() }));
    }
}
