using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;
using PopCulture.Cms.Media;

namespace PopCulture.Cms.Manager.Pages.Media;

/// <summary>
/// The media library as a grid: paged in the database, searched by title, alt text, file name and tags, filtered by
/// kind and folder, all in the query string; and uploads into it, many files from a plain form or one a request from
/// the page's script (which shows each file's progress). Every file goes through the media service, which reads the
/// bytes and trusts neither the file's name nor its declared type.
/// </summary>
[TypeFilter(typeof(MediaUploadLimit), Order = 900)]
public sealed class IndexModel(AccessControl access, CmsDbContext db, MediaService media, MediaVariants variants, IStringLocalizer<ManagerText> text) : PageModel
{
    /// <summary>The longest search text read from the query string; longer input is cut, not refused.</summary>
    public const int MaxSearch = 100;

    /// <summary>Files one plain form may send; more are refused, so a request does a bounded amount of work.</summary>
    public const int MaxFiles = 20;

    [FromQuery(Name = "kind")]
    public string? Kind { get; set; }

    [FromQuery(Name = "folder")]
    public string? Folder { get; set; }

    [FromQuery(Name = "q")]
    public string? Search { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public MediaLibraryPage Result { get; private set; } = null!;

    public MediaFolders Folders { get; private set; } = null!;

    public bool CanUpload { get; private set; }

    public bool Deleted { get; private set; }

    /// <summary>What the last plain-form upload did, file by file; empty otherwise.</summary>
    public IReadOnlyList<MediaUploadResult> Uploads { get; private set; } = [];

    /// <summary>A problem with the upload as a whole (no file chosen, too many files).</summary>
    public string? UploadProblem { get; private set; }

    /// <summary>The folder the upload form targets: the one just used, else the one being looked at.</summary>
    public string? UploadFolder { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "deleted")] bool deleted, CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }

        Deleted = deleted;
        await LoadAsync(user, cancellationToken);
        return Page();
    }

    /// <summary>The plain form: every chosen file, each reported on the page that comes back.</summary>
    public async Task<IActionResult> OnPostUploadAsync(List<IFormFile>? files, [FromForm(Name = "folder")] string? folder, CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }

        if (!MediaApi.CanWrite(user))
        {
            return Forbid();
        }

        var chosen = (files ?? []).Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        UploadFolder = folder?.Trim();
        if (chosen.Count == 0)
        {
            UploadProblem = text["Media.Upload.NoFile"];
        }
        else if (chosen.Count > MaxFiles)
        {
            UploadProblem = text["Media.Upload.TooMany", MaxFiles];
        }
        else
        {
            var results = new List<MediaUploadResult>();
            foreach (var file in chosen)
            {
                results.Add(await UploadAsync(user, file, UploadFolder, cancellationToken));
            }

            Uploads = results;
        }

        Response.StatusCode = UploadProblem is null && Uploads.All(u => u.Id is not null) ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        await LoadAsync(user, cancellationToken);
        return Page();
    }

    /// <summary>The script's upload: one file, answered as JSON (the new item's page) or problem details in the manager's language.</summary>
    public async Task<IActionResult> OnPostFileAsync(IFormFile? file, [FromForm(Name = "folder")] string? folder, CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }

        if (!MediaApi.CanWrite(user))
        {
            return Refusal(StatusCodes.Status403Forbidden, text["Media.NotAllowed"]);
        }

        if (file is null)
        {
            return Refusal(StatusCodes.Status400BadRequest, text["Media.Upload.NoFile"]);
        }

        var result = await UploadAsync(user, file, folder?.Trim(), cancellationToken);
        return result.Id is { } id
            ? new JsonResult(new { id, name = result.Name, url = Url.Page("/Media/Item", new { id }) })
            : Refusal(result.Status, result.Error!);
    }

    /// <summary>A thumbnail's address: the image's smallest variant, the stored file for GIFs, none for documents and videos.</summary>
    public string? Thumbnail(MediaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return variants.ThumbnailName(item) is { } name ? $"/api/v1/media/{item.Id}/{name}"
            : item.Kind == "image" ? $"/api/v1/media/{item.Id}/original" : null;
    }

    /// <summary>This list with some filters changed, from its first page unless a page is given. Defaults are left out.</summary>
    public string Link(string? kind, string? folder, string? search, int? page = null)
    {
        var values = new (string Key, string? Value)[]
        {
            ("kind", kind), ("folder", folder), ("q", search),
            ("page", page is null or 1 ? null : page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        // Written here because Url.Page reserves the "page" value for the page's own name.
        return Url.Page("/Media/Index") + QueryString.Create(values.Where(v => v.Value is not null)
            .Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)));
    }

    private async Task<MediaUploadResult> UploadAsync(CmsPrincipal user, IFormFile file, string? folder, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(file.FileName.Replace('\\', '/'));
        await using var upload = file.OpenReadStream();
        var input = new MediaInput(null, null, null, null, string.IsNullOrEmpty(folder) ? null : folder, null, null, null);
        var outcome = await media.UploadAsync(upload, file.FileName, input, user.Email, cancellationToken);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            return new MediaUploadResult(name, outcome.Value!.Id, null, StatusCodes.Status200OK);
        }

        var message = outcome.Errors?.SelectMany(e => e.Value).FirstOrDefault() ?? outcome.Message ?? "";
        var status = outcome.Kind == OutcomeKind.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
        return new MediaUploadResult(name, null, MediaMessages.Translate(message, text), status);
    }

    private async Task LoadAsync(CmsPrincipal user, CancellationToken cancellationToken)
    {
        CanUpload = MediaApi.CanWrite(user);
        Kind = Kind is not null && MediaLibrary.Kinds.Contains(Kind) ? Kind : null;
        Folder = string.IsNullOrWhiteSpace(Folder) ? null : Folder.Trim().Trim('/');
        Folder = string.IsNullOrEmpty(Folder) ? null : Folder;
        var search = Search?.Trim();
        Search = string.IsNullOrEmpty(search) ? null : search.Length > MaxSearch ? search[..MaxSearch] : search;
        Result = await MediaLibrary.PageAsync(db, new MediaLibraryQuery(Kind, Folder, Search, PageNumber), cancellationToken);
        Folders = await MediaLibrary.FoldersAsync(db, cancellationToken);
        UploadFolder ??= Folder;
    }

    private static JsonResult Refusal(int status, string detail) =>
        new(new { title = detail, status }) { StatusCode = status, ContentType = "application/problem+json" };
}
