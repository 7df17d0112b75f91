using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PopCulture.Cms.Content;

/// <summary>One revision in an entry's history: who saved it, why, and whether it is live or the working copy.</summary>
public sealed record RevisionSummary(
    int Number,
    DateTimeOffset CreatedAt,
    string? CreatedBy,
    string? Note,
    string Section,
    string Slug,
    bool IsPublished,
    bool IsCurrent);

/// <summary>The full snapshot of one revision, as saved.</summary>
public sealed record RevisionDocument(
    int Number,
    string Section,
    string Slug,
    JsonObject FrontMatter,
    string Body,
    DateTimeOffset CreatedAt,
    string? CreatedBy,
    string? Note)
{
    public static RevisionDocument From(ContentRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        return new(
            revision.Number,
            revision.Section,
            revision.Slug,
            JsonNode.Parse(revision.FrontMatter) as JsonObject ?? [],
            revision.Body,
            revision.CreatedAt,
            revision.CreatedBy,
            revision.Note);
    }
}

/// <summary>What changed from one revision to another: field by field, then the body line by line.</summary>
public sealed record RevisionDiff(int From, int To, IReadOnlyList<RevisionFieldChange> Fields, RevisionBodyDiff Body);

/// <summary>
/// One field that differs: <c>section</c>, <c>slug</c> or <c>frontMatter.key</c> (nested keys dotted); lists are
/// compared whole. <see cref="Change"/> is <c>added</c>, <c>removed</c> or <c>changed</c>.
/// </summary>
public sealed record RevisionFieldChange(string Field, string Change, JsonNode? Before, JsonNode? After);

/// <summary>The body's line diff; <see cref="Lines"/> holds every line of both sides in reading order.</summary>
public sealed record RevisionBodyDiff(bool Unchanged, IReadOnlyList<RevisionBodyLine> Lines);

/// <summary>
/// One body line: <c>unchanged</c> (numbered on both sides), <c>deleted</c> (before only) or <c>inserted</c> (after only).
/// Line numbers count from 1.
/// </summary>
public sealed record RevisionBodyLine(
    string Kind,
    string Text,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? BeforeLine,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? AfterLine);

/// <summary>A restore request: the revision the entry is at as the client saw it, so a stale restore is refused.</summary>
public sealed record RevisionRestoreRequest(int? Revision);
