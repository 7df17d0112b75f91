namespace PopCulture.Cms.Workflow;

/// <summary>A workflow move: <c>submit</c>, <c>approve</c>, <c>reject</c>, <c>publish</c>, <c>unpublish</c>, <c>restore</c> or <c>schedule-expiry</c>.</summary>
/// <param name="Action">The move.</param>
/// <param name="At">For approve/publish: when to go live (absent or past: now).</param>
/// <param name="ExpireAt">For approve/publish/schedule-expiry: when to come off the site.</param>
/// <param name="Comment">Why (shown in the audit log; a reviewer's reason for sending back).</param>
/// <param name="Revision">The revision the move is based on; a stale one is refused with 409.</param>
public sealed record TransitionRequest(string? Action, DateTimeOffset? At, DateTimeOffset? ExpireAt, string? Comment, int? Revision);
