using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PopCulture.Cms.Content;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;
using PopCulture.Cms.Manager.Editing;
using PopCulture.Site.Content;

namespace PopCulture.Cms.Manager.Pages.Content;

/// <summary>
/// A new entry: first its section and type (a plain GET form, so the choice is in the address), then the form made
/// from the type's fields, created through the store the management API uses.
/// </summary>
public sealed class NewModel(AccessControl access, ContentLists lists, ContentStore store, IStringLocalizer<ManagerText> text)
    : EntryFormPageModel(text)
{
    [FromQuery(Name = "section")]
    public string? SectionQuery { get; set; }

    [FromQuery(Name = "type")]
    public string? TypeQuery { get; set; }

    /// <summary>The sections the chooser offers: those with entries the user reads and may create in.</summary>
    public IReadOnlyList<string> Sections { get; private set; } = [];

    /// <summary>True while the section and type are still to be chosen.</summary>
    public bool Choosing => Form is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }

        var section = SectionOf(SectionQuery);
        if (section is not null && !user.Can(ContentAction.Create, section))
        {
            return Forbid();
        }

        if (section is null || TypeQuery is null || !ContentTypes.All.Contains(TypeQuery))
        {
            Sections = [.. (await lists.SectionsAsync(user, cancellationToken)).Select(s => s.Section).Where(s => user.Can(ContentAction.Create, s))];
            if (section is not null && !Sections.Contains(section))
            {
                Sections = [section, .. Sections];
            }

            return Page();
        }

        Form = new EntryFormView { Section = section, Type = TypeQuery, Values = new EntryFormValues(EntrySchema.For(TypeQuery)) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }

        var section = SectionOf(Request.Form["section"]) ?? "";
        var type = Request.Form["type"].ToString();
        if (!user.Can(ContentAction.Create, section))
        {
            return Forbid();
        }

        if (!ContentTypes.All.Contains(type))
        {
            return BadRequest();
        }

        var (values, slug, body, rowsOnly) = ReadPosted(type);
        EntryFormView Again(FieldErrors errors, string? problem) => new()
        {
            Section = section, Type = type, Values = values, Slug = slug, Body = body, Errors = errors, Problem = problem,
        };
        if (rowsOnly)
        {
            Form = Again(FieldErrors.None, null);
            return Page();
        }

        var outcome = await store.CreateAsync(new ContentInput(section, slug, values.ToFrontMatter(type, null), body, null), user, cancellationToken);
        return outcome.Kind == OutcomeKind.Ok
            ? RedirectToPage("/Content/Detail", new { id = outcome.Value!.Id, done = "create" })
            : Refused(outcome, Again);
    }

    private static string? SectionOf(string? key) =>
        string.IsNullOrEmpty(key) ? null : key == DeliveryApi.RootSection ? "" : key;
}
