using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PopCulture.Cms.Content;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;
using PopCulture.Cms.Publishing;
using PopCulture.Cms.Workflow;

namespace PopCulture.Cms.Manager.Pages.Content;

/// <summary>
/// One entry's working page: its working copy, the workflow moves the user may make, its revisions and a preview link.
/// Every change goes through the services the APIs use, so the page can offer nothing the API would refuse. Entries
/// outside the user's sections do not exist for them.
/// </summary>
public sealed class DetailModel(
    AccessControl access, EntryWork work, WorkflowService workflow, ContentStore store, PreviewLinks previews,
    ManagerDisplay show, IStringLocalizer<ManagerText> text) : PageModel
{
    // Chinese stays readable in the front matter view instead of turning into \u escapes.
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public EntryWorkView View { get; private set; } = null!;

    public ContentEntry Entry => View.Entry;

    public IReadOnlyList<string> Tags => EntryMapping.TagList(Entry.Tags);

    public string FrontMatter => (JsonNode.Parse(Entry.FrontMatter) ?? new JsonObject()).ToJsonString(Pretty);

    /// <summary>The <c>section</c> query value of the entry's list.</summary>
    public string SectionKey => Entry.Section.Length == 0 ? DeliveryApi.RootSection : Entry.Section;

    /// <summary>What the last move did, in words, after the redirect that follows it.</summary>
    public string? Done { get; private set; }

    /// <summary>Why the last move was refused: the service's own words, shown next to the buttons.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The preview link just made, as a full address to paste anywhere.</summary>
    public string? PreviewUrl { get; private set; }

    public DateTimeOffset? PreviewExpiresAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken cancellationToken)
    {
        if (done is not null && text["Done." + done] is { ResourceNotFound: false } message)
        {
            Done = message.Value;
        }

        return await ShowAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostMoveAsync(
        Guid id, string? move, int? revision, string? at, string? expireAt, string? comment, CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }

        var publishAt = show.ParseLocal(at);
        var expiry = show.ParseLocal(expireAt);
        // A reason for sending back is what the author needs to go on; the manager asks for one.
        if (move == "reject" && string.IsNullOrWhiteSpace(comment))
        {
            return await RefuseAsync(id, StatusCodes.Status400BadRequest, [text["Move.CommentRequired"].Value], cancellationToken);
        }

        if ((!string.IsNullOrEmpty(at) && publishAt is null) || (!string.IsNullOrEmpty(expireAt) && expiry is null)
            || (move == "schedule-expiry" && expiry is null))
        {
            return await RefuseAsync(id, StatusCodes.Status400BadRequest, [text["Move.BadTime"].Value], cancellationToken);
        }

        var outcome = await workflow.ApplyAsync(id, new TransitionRequest(move, publishAt, expiry, comment?.Trim(), revision), user, cancellationToken);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            var done = move is "publish" or "approve" && outcome.Value!.Status == WorkflowStatus.Scheduled ? "schedule" : move;
            return RedirectToPage("/Content/Detail", new { id, done });
        }

        return await RefuseAsync(id, outcome, cancellationToken);
    }

    public async Task<IActionResult> OnPostRestoreAsync(Guid id, int number, int? revision, CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }

        // The revisions API's restore: the same store call, refused when the entry moved on since the page was shown.
        var outcome = revision is { } basedOn
            ? await store.RestoreAsync(id, number, basedOn, user, cancellationToken)
            : Outcome<ContentEntry>.Invalid("revision", "give the revision the entry is at, as you saw it");
        return outcome.Kind == OutcomeKind.Ok
            ? RedirectToPage("/Content/Detail", new { id, done = "restore" })
            : await RefuseAsync(id, outcome, cancellationToken);
    }

    public async Task<IActionResult> OnPostPreviewAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }

        var outcome = await previews.CreateAsync(id, user, lifetime: null, cancellationToken);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            return await RefuseAsync(id, outcome, cancellationToken);
        }

        // Shown on this answer rather than after a redirect: the link is a credential and stays out of addresses and history.
        PreviewUrl = $"{Request.Scheme}://{Request.Host}{Request.PathBase}{outcome.Value!.Url}";
        PreviewExpiresAt = outcome.Value.ExpiresAt;
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }

        if (await work.LoadAsync(id, user, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    private Task<IActionResult> RefuseAsync<T>(Guid id, Outcome<T> outcome, CancellationToken cancellationToken)
    {
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return Task.FromResult<IActionResult>(NotFound());
        }

        var status = outcome.Kind switch
        {
            OutcomeKind.Forbidden => StatusCodes.Status403Forbidden,
            OutcomeKind.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        var problems = outcome.Errors?.SelectMany(e => e.Value).ToList() ?? [];
        if (outcome.Message is { } message)
        {
            problems.Add(message);
        }

        return RefuseAsync(id, status, problems, cancellationToken);
    }

    /// <summary>The page again with the reasons next to the buttons, answered with the status the API would give.</summary>
    private async Task<IActionResult> RefuseAsync(Guid id, int status, IReadOnlyList<string> problems, CancellationToken cancellationToken)
    {
        Problems = problems;
        var page = await ShowAsync(id, cancellationToken);
        if (page is PageResult)
        {
            Response.StatusCode = status;
        }

        return page;
    }
}
