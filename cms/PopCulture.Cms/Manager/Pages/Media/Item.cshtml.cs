using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;
using PopCulture.Cms.Manager.Editing;
using PopCulture.Cms.Media;
using PopCulture.Cms.Publishing;

namespace PopCulture.Cms.Manager.Pages.Media;

/// <summary>
/// One media item: its preview, the form that describes it (alt text required for images; a focal point set on the
/// image or typed), the entries that use it, and its deletion once none does. The rights are the media API's: anyone
/// signed in looks; admins, editors and authors describe; admins and editors delete.
/// </summary>
public sealed class ItemModel(
    AccessControl access, CmsDbContext db, MediaService media, MediaVariants variants, SitePublisher publisher, IStringLocalizer<ManagerText> text) : PageModel
{
    public MediaItem Item { get; private set; } = null!;

    public MediaFormValues Form { get; private set; } = new();

    public FieldErrors Errors { get; private set; } = FieldErrors.None;

    /// <summary>The entries using the item that this user may open.</summary>
    public IReadOnlyList<MediaUsage> Usage { get; private set; } = [];

    /// <summary>How many entries use the item in sections this user may not read: counted, not named.</summary>
    public int HiddenUsage { get; private set; }

    public int UsageCount => Usage.Count + HiddenUsage;

    public bool CanEdit { get; private set; }

    public bool CanDelete { get; private set; }

    public bool Saved { get; private set; }

    /// <summary>Why a delete was refused.</summary>
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = "saved")] bool saved, CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }

        if (!await LoadAsync(user, id, cancellationToken))
        {
            return NotFound();
        }

        Saved = saved;
        Form = MediaFormValues.Of(Item);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, MediaFormValues form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await access.CurrentAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }

        if (!MediaApi.CanWrite(user))
        {
            return Forbid();
        }

        if (!await LoadAsync(user, id, cancellationToken))
        {
            return NotFound();
        }

        Form = form;
        var errors = new FieldErrors();
        if (!MediaFormValues.TryCoordinate(form.FocalX, out var focalX))
        {
            errors.Add("focalX", text["Media.Error.Focal"]);
        }

        if (!MediaFormValues.TryCoordinate(form.FocalY, out var focalY))
        {
            errors.Add("focalY", text["Media.Error.Focal"]);
        }

        // The library's own rule, asked for here so no image is left without one: content using it cannot go live.
        if (Item.Kind == "image" && string.IsNullOrWhiteSpace(form.Alt))
        {
            errors.Add("alt", text["Media.AltRequired"]);
        }

        if (!errors.Any)
        {
            var input = new MediaInput(form.Title ?? "", form.Alt ?? "", form.Caption ?? "", form.Credit ?? "", (form.Folder ?? "").Trim().Trim('/'),
                MediaService.SplitTags(form.Tags), focalX, focalY);
            var outcome = await media.UpdateAsync(id, input, cancellationToken);
            if (outcome.Kind == OutcomeKind.Ok)
            {
                // As the API does: alt text and focal point show on the pages that use the item.
                publisher.RequestBuild($"media {id:N} described");
                return RedirectToPage("/Media/Item", new { id, saved = "true" });
            }

            if (outcome.Kind == OutcomeKind.NotFound)
            {
                return NotFound();
            }

            foreach (var (field, messages) in outcome.Errors ?? new Dictionary<string, string[]>())
            {
                foreach (var message in messages)
                {
                    errors.Add(field, MediaMessages.Translate(message, text));
                }
            }
        }

        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }

        if (!CanRemove(user))
        {
            return Forbid();
        }

        var outcome = await media.DeleteAsync(id, cancellationToken);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            return RedirectToPage("/Media/Index", new { deleted = "true" });
        }

        if (outcome.Kind == OutcomeKind.NotFound || !await LoadAsync(user, id, cancellationToken))
        {
            return NotFound();
        }

        // Someone used the item between the page showing the button and the click.
        Form = MediaFormValues.Of(Item);
        Problem = text["Media.InUse", UsageCount];
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>An address showing the whole image at a screen's width: its largest variant, or the stored file.</summary>
    public string? Preview => variants.PreviewName(Item) is { } name ? $"/api/v1/media/{Item.Id}/{name}"
        : Item.Kind == "image" ? Original : null;

    public string Original => $"/api/v1/media/{Item.Id}/original";

    /// <summary>The error id of a field, for <c>aria-describedby</c>, when it has errors.</summary>
    public string? ErrorId(string field) => Errors.For(field).Count > 0 ? $"media-{field}-error" : null;

    /// <summary>Deleting can break published pages, so it takes the right to delete content, as in the API.</summary>
    private static bool CanRemove(CmsPrincipal user) => user.CanWrite && user.Grants.Any(g => g.Role is Roles.Admin or Roles.Editor);

    private async Task<bool> LoadAsync(CmsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        if (await db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken) is not { } item)
        {
            return false;
        }

        Item = item;
        var usage = await media.UsageAsync(id, cancellationToken);
        Usage = [.. usage.Where(u => user.Can(ContentAction.Read, u.Section))];
        HiddenUsage = usage.Count - Usage.Count;
        CanEdit = MediaApi.CanWrite(user);
        CanDelete = CanRemove(user);
        return true;
    }
}
