using System.Text.Json.Nodes;

namespace PopCulture.Cms.Content;

/// <summary>What a client sends to create or update an item: where it lives, its front matter and its Markdown body.</summary>
/// <param name="Section">The section folder (<c>parks</c>); empty for top-level pages.</param>
/// <param name="Slug">The ASCII slug, or <c>_index</c> for a section's own page.</param>
/// <param name="FrontMatter">Every front-matter key, as in <c>docs/content-format.md</c> (<c>type</c>, <c>title</c>, typed fields…).</param>
/// <param name="Body">The Markdown body.</param>
/// <param name="Revision">On update: the revision the change is based on; a stale one is refused with 409.</param>
public sealed record ContentInput(string? Section, string? Slug, JsonObject? FrontMatter, string? Body, int? Revision);
