using System.Text.Json.Nodes;
using PopCulture.Cms.Workflow;

namespace PopCulture.Cms.Content;

/// <summary>An entry as the management API returns it: the working copy with its workflow state.</summary>
public sealed record ManageDocument(
    Guid Id,
    string Section,
    string Slug,
    string Type,
    string Title,
    string ContentPath,
    JsonObject FrontMatter,
    string Body,
    string Status,
    int Revision,
    int? PublishedRevision,
    DateTimeOffset? PublishAt,
    DateTimeOffset? ExpireAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? UpdatedBy)
{
    public static ManageDocument From(ContentEntry entry) =>
        new(
            entry.Id,
            entry.Section,
            entry.Slug,
            entry.Type,
            entry.Title,
            entry.ContentPath,
            JsonNode.Parse(entry.FrontMatter) as JsonObject ?? [],
            entry.Body,
            StatusName(entry.Status),
            entry.Revision,
            entry.PublishedRevision,
            entry.PublishAt,
            entry.ExpireAt,
            entry.CreatedAt,
            entry.UpdatedAt,
            entry.UpdatedBy);

    /// <summary>Status as the API spells it: <c>draft</c>, <c>in-review</c>, <c>scheduled</c>, <c>published</c>, <c>archived</c>.</summary>
    public static string StatusName(WorkflowStatus status) =>
        status switch
        {
            WorkflowStatus.InReview => "in-review",
            _ => status.ToString().ToLowerInvariant(),
        };
}

/// <summary>An entry in a management list: no body.</summary>
public sealed record ManageSummary(Guid Id, string Section, string Slug, string Type, string Title, string Status, int Revision, int? PublishedRevision, DateTimeOffset UpdatedAt, string? UpdatedBy);
