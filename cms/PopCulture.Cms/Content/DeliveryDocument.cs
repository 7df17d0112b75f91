using System.Text.Json.Nodes;
using PopCulture.Site.Content;
using PopCulture.Site.Model;

namespace PopCulture.Cms.Content;

/// <summary>A published item as the delivery API returns it.</summary>
public sealed record DeliveryDocument(
    Guid Id,
    string Section,
    string Slug,
    string Url,
    string Type,
    string Title,
    string? Summary,
    DateOnly? Date,
    DateOnly? Updated,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Categories,
    bool Sample,
    int Weight,
    JsonNode? Fields,
    JsonNode? Extra,
    string? Body,
    int Revision,
    DateTimeOffset PublishedAt)
{
    public static DeliveryDocument From(PublishedEntry entry, ContentItem item, bool withBody) =>
        new(
            entry.Id,
            entry.Section,
            entry.Slug,
            SiteUrls.ItemPath(item.Section, item.Slug),
            item.Type,
            item.Title,
            item.Summary,
            item.Date,
            item.Updated,
            item.Tags,
            item.Categories,
            item.Sample,
            item.Weight,
            ContentJson.Fields(item.Fields),
            ContentJson.Extra(item.Extra),
            withBody ? item.Body : null,
            entry.Revision,
            entry.PublishedAt);
}

/// <summary>One page of a list.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    public int TotalPages => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}
