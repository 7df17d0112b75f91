using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Manager.Editing;
using PopCulture.Cms.Publishing;
using PopCulture.Site.Content;

namespace PopCulture.Cms.Manager.Pages.Content;

/// <summary>
/// The editing form rendered as the site would show it, by the preview renderer the preview links use (the site's
/// own pipeline and theme over the published content), without saving anything. The form posts here into a sandboxed
/// frame: with the form's preview button, or from the editor script when typing pauses. Content the site would refuse gets the
/// reasons instead.
/// </summary>
public sealed partial class PreviewModel(AccessControl access, CmsDbContext db, PreviewRenderer renderer, IStringLocalizer<ManagerText> text)
    : EntryFormPageModel(text)
{
    /// <summary>Why the page cannot be shown, in the manager's language.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }

        var form = Request.Form;
        ContentEntry? stored = null;
        if (Guid.TryParse(form["entry"], out var id))
        {
            stored = await db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
            if (stored is null || !user.Can(ContentAction.Read, stored.Section))
            {
                return NotFound();
            }
        }

        var key = form["section"].ToString();
        var section = stored?.Section ?? (key == DeliveryApi.RootSection ? "" : key);
        var type = stored?.Type ?? form["type"].ToString();
        if (stored is null && !user.Can(ContentAction.Create, section))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!ContentTypes.All.Contains(type))
        {
            return BadRequest();
        }

        var (values, slug, body, _) = ReadPosted(type);
        // The address is not what a preview shows: a slug still being typed gets a stand-in instead of an error.
        slug = SlugPattern().IsMatch(slug) ? slug : "preview";
        var frontMatter = values.ToFrontMatter(type, stored is null ? null : Stored(stored.FrontMatter));
        var entry = new ContentEntry
        {
            Id = stored?.Id ?? Guid.NewGuid(),
            Section = section,
            Slug = slug,
            Type = type,
            Title = frontMatter["title"]?.ToString() ?? "",
            ContentPath = stored is not null && stored.Slug == slug ? stored.ContentPath : ContentValidator.DefaultContentPath(section, slug),
            FrontMatter = frontMatter.ToJsonString(),
            Body = body,
            Revision = -1,
        };

        var (page, errors) = await renderer.RenderAsync(entry, db, keep: false, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        // Shown only in the form's frame, sandboxed: no script of the page runs and nothing of it reaches the manager.
        Response.Headers.ContentSecurityPolicy =
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox";
        if (errors is null && page?.Html is { } html)
        {
            return Content(html, "text/html; charset=utf-8");
        }

        Problems = [.. (errors?.SelectMany(e => e.Value) ?? page?.Problems.Select(p => p.Message) ?? []).Select(m => FieldErrors.Translate(m, Text))];
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
