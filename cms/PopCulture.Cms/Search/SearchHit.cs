namespace PopCulture.Cms.Search;

/// <summary>One result: the item, its page on the site, and HTML-escaped highlights with matches in <c>&lt;mark&gt;</c>; <c>Status</c> (the working copy's) only in the management search.</summary>
public sealed record SearchHit(
    Guid Id,
    string Section,
    string Slug,
    string Type,
    string Title,
    string Url,
    string? Date,
    string? Summary,
    string TitleHtml,
    string SnippetHtml,
    float Score,
    string? Status);
