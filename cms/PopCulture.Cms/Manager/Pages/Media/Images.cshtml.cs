using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;
using PopCulture.Cms.Manager.Editing;
using PopCulture.Cms.Media;

namespace PopCulture.Cms.Manager.Pages.Media;

/// <summary>
/// The editing form's image picker and upload, as JSON for its script: images of the media library, searched by title,
/// alt text or file name; and an upload through the media service the API uses (which checks the file itself and
/// trusts neither its name nor its declared type), with the alt text the editor was asked for on the spot.
/// </summary>
public sealed class ImagesModel(AccessControl access, CmsDbContext db, MediaService media, IStringLocalizer<ManagerText> text) : PageModel
{
    private const int Shown = 24;
    private const int MaxSearch = 100;

    /// <summary>One image as the picker shows it and as the form inserts it.</summary>
    public sealed record Image(Guid Id, string Url, string Thumbnail, string? Alt, string? Title, string? Name);

    public async Task<IActionResult> OnGetAsync(string? q, CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(cancellationToken) is null)
        {
            return Challenge();
        }

        var images = db.Media.AsNoTracking().Where(m => m.Kind == "image");
        var search = q?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            search = search.Length > MaxSearch ? search[..MaxSearch] : search;
            images = images.Where(m => (m.Title ?? "").Contains(search) || (m.Alt ?? "").Contains(search) || (m.OriginalName ?? "").Contains(search));
        }

        var found = await images.OrderByDescending(m => m.CreatedAt).Take(Shown).ToListAsync(cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(found.Select(Describe));
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? alt, CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }

        if (!MediaApi.CanWrite(user))
        {
            return Refusal(StatusCodes.Status403Forbidden, text["Image.NotAllowed"]);
        }

        // Asked for before the upload, so no image goes into the library, or the text, without a description.
        if (string.IsNullOrWhiteSpace(alt))
        {
            return Refusal(StatusCodes.Status400BadRequest, text["Image.AltRequired"]);
        }

        if (file is null)
        {
            return Refusal(StatusCodes.Status400BadRequest, text["Image.FileRequired"]);
        }

        await using var upload = file.OpenReadStream();
        var outcome = await media.UploadAsync(upload, file.FileName, new MediaInput(null, alt.Trim(), null, null, null, null, null, null), user.Email, cancellationToken);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            var message = outcome.Errors?.SelectMany(e => e.Value).FirstOrDefault() ?? outcome.Message ?? "";
            return Refusal(outcome.Kind == OutcomeKind.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                FieldErrors.Translate(message, text));
        }

        if (outcome.Value!.Kind != "image")
        {
            return Refusal(StatusCodes.Status400BadRequest, text["Image.NotImage"]);
        }

        return new JsonResult(Describe(outcome.Value));
    }

    private static Image Describe(MediaItem item) =>
        new(item.Id, LibraryReferences.SitePath(item), $"/api/v1/media/{item.Id}/original", item.Alt, item.Title, item.OriginalName);

    private static JsonResult Refusal(int status, string detail) =>
        new(new { title = detail, status }) { StatusCode = status, ContentType = "application/problem+json" };
}
