using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PopCulture.Cms.Content;
using PopCulture.Cms.Infrastructure;
using PopCulture.Cms.Manager.Editing;

namespace PopCulture.Cms.Manager.Pages.Content;

/// <summary>
/// What the new-entry and edit pages share: reading the posted form, the row buttons that work without script, and
/// showing a refused save again with the values as entered and the store's reasons by field.
/// </summary>
public abstract class EntryFormPageModel(IStringLocalizer<ManagerText> text) : PageModel
{
    public EntryFormView Form { get; protected set; } = null!;

    protected IStringLocalizer<ManagerText> Text => text;

    /// <summary>The form as posted; a press of "add a row" or "remove" keeps empty rows, since the editor is still filling them.</summary>
    protected (EntryFormValues Values, string Slug, string Body, bool RowsOnly) ReadPosted(string type)
    {
        var form = Request.Form;
        var add = form["add"].ToString();
        var remove = form["remove"].ToString();
        var rowsOnly = add.Length > 0 || remove.Length > 0;
        var values = EntryFormValues.FromForm(EntrySchema.For(type), form, keepEmptyRows: rowsOnly);
        if (add.Length > 0)
        {
            values.AddRow(add);
        }

        // "objectives[2]": the field and the row the pressed button belongs to.
        var open = remove.IndexOf('[', StringComparison.Ordinal);
        if (open > 0 && remove.EndsWith(']') && int.TryParse(remove[(open + 1)..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var row))
        {
            values.RemoveRow(remove[..open], row);
        }

        return (values, form["slug"].ToString().Trim(), form["body"].ToString().Replace("\r\n", "\n", StringComparison.Ordinal), rowsOnly);
    }

    protected static JsonObject? Stored(string frontMatter) => JsonNode.Parse(frontMatter) as JsonObject;

    /// <summary>The page with the form again, answered with the status the management API gives for the same outcome.</summary>
    protected IActionResult Refused<T>(Outcome<T> outcome, Func<FieldErrors, string?, EntryFormView> form)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(form);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        var errors = FieldErrors.From(outcome.Errors, text);
        var problem = outcome.Kind switch
        {
            OutcomeKind.Invalid => null,
            OutcomeKind.Forbidden => text["Form.NotAllowed"].Value,
            _ => FieldErrors.Translate(outcome.Message ?? "", text),
        };
        Form = form(errors, problem);
        Response.StatusCode = outcome.Kind switch
        {
            OutcomeKind.Forbidden => StatusCodes.Status403Forbidden,
            OutcomeKind.Conflict => StatusCodes.Status409Conflict,
            OutcomeKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
            _ => StatusCodes.Status400BadRequest,
        };
        return Page();
    }

    /// <summary>The section as the list's <c>section</c> query value.</summary>
    public static string SectionKey(string section) => section.Length == 0 ? DeliveryApi.RootSection : section;
}
