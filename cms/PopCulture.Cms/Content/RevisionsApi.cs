namespace PopCulture.Cms.Content;

/// <summary>Revisions of an entry: list, read, diff, restore.</summary>
public static class RevisionsApi
{
    public static IEndpointRouteBuilder MapRevisionsApi(this IEndpointRouteBuilder app) => app;
}
