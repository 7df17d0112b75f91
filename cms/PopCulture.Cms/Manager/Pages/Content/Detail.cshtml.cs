using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;

namespace PopCulture.Cms.Manager.Pages.Content;

/// <summary>One entry's working copy, read-only (the editor form comes later). Entries outside the user's sections do not exist for them.</summary>
public sealed class DetailModel(AccessControl access, CmsDbContext db) : PageModel
{
    // Chinese stays readable in the front matter view instead of turning into \u escapes.
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public ContentEntry Entry { get; private set; } = null!;

    public IReadOnlyList<string> Tags => EntryMapping.TagList(Entry.Tags);

    public string FrontMatter => (JsonNode.Parse(Entry.FrontMatter) ?? new JsonObject()).ToJsonString(Pretty);

    /// <summary>The <c>section</c> query value of the entry's list.</summary>
    public string SectionKey => Entry.Section.Length == 0 ? DeliveryApi.RootSection : Entry.Section;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await access.CurrentAsync(cancellationToken);
        if (user is null)
        {
            return Challenge();
        }

        var entry = await db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null || !user.Can(ContentAction.Read, entry.Section))
        {
            return NotFound();
        }

        Entry = entry;
        return Page();
    }
}
