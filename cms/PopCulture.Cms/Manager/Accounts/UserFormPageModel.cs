using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;
using PopCulture.Cms.Manager.Editing;

namespace PopCulture.Cms.Manager.Accounts;

/// <summary>
/// What the new-user and edit-user pages share: the grant rows with the sections that hold entries, and showing a
/// refused save again with the values as entered, the reasons in Chinese by field, and the API's status code.
/// </summary>
public abstract class UserFormPageModel(ContentLists lists, IStringLocalizer<ManagerText> text) : AdminPageModel
{
    public GrantChoices Choices { get; protected set; } = null!;

    public FieldErrors Errors { get; protected set; } = FieldErrors.None;

    /// <summary>A refusal that is about no one field (the last admin, yourself), in words.</summary>
    public string? Problem { get; protected set; }

    protected IStringLocalizer<ManagerText> Text => text;

    /// <summary>The sections with entries, which a grant may be limited to.</summary>
    protected async Task<IReadOnlyList<string>> KnownSectionsAsync(CancellationToken cancellationToken) =>
        [.. (await lists.SectionsAsync(CurrentAdmin, cancellationToken)).Select(s => s.Section)];

    /// <summary>The posted grants, or null (with the errors set) when a role is limited to no section.</summary>
    protected async Task<List<GrantInput?>?> ReadGrantsAsync(List<string> roleAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roleAt);
        Choices = GrantChoices.FromForm(Request.Form, await KnownSectionsAsync(cancellationToken));
        var errors = new FieldErrors();
        Choices.CheckLimits(errors, text);
        var inputs = Choices.ToInputs(out var order);
        roleAt.AddRange(order);
        if (errors.Any)
        {
            Errors = errors;
            return null;
        }

        return inputs;
    }

    /// <summary>The form again, answered with the status the users API gives for the same outcome.</summary>
    protected IActionResult Refused<T>(Outcome<T> outcome, IReadOnlyList<string> roleAt)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        Errors = AccountErrors.From(outcome.Errors, roleAt, text);
        Problem = outcome.Kind == OutcomeKind.Invalid ? null : AccountErrors.Translate(outcome.Message ?? "", text);
        Response.StatusCode = outcome.Kind switch
        {
            OutcomeKind.Conflict => StatusCodes.Status409Conflict,
            OutcomeKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        };
        return Page();
    }

    /// <summary>Refuses a form whose grant rows the manager itself found wrong.</summary>
    protected IActionResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
