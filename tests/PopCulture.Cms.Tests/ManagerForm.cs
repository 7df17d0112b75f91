using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PopCulture.Cms.Tests;

/// <summary>
/// Fills and posts a whole manager form as a browser would: text, hidden, number and date inputs, checked boxes,
/// selects and textareas, plus the submit button pressed (its name and value), with the page's antiforgery token.
/// </summary>
internal static class ManagerForm
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The values a browser would send for the form matching <paramref name="selector"/> on <paramref name="page"/>.</summary>
    public static Dictionary<string, string> Values(IHtmlDocument page, string selector = "form.entry-form")
    {
        var form = page.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"no form '{selector}'");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in form.QuerySelectorAll("input[name]").Cast<IHtmlInputElement>())
        {
            if (input.Type is "submit" || (input.Type is "checkbox" && !input.IsChecked))
            {
                continue;
            }

            values[input.Name!] = input.Value;
        }

        foreach (var area in form.QuerySelectorAll("textarea[name]").Cast<IHtmlTextAreaElement>())
        {
            values[area.Name!] = area.Value;
        }

        foreach (var select in form.QuerySelectorAll("select[name]").Cast<IHtmlSelectElement>())
        {
            values[select.Name!] = select.Value ?? "";
        }

        return values;
    }

    /// <summary>
    /// Opens <paramref name="url"/>, changes the fields given (a null value leaves the field out) and posts the form back
    /// to the page; answers the response and its page.
    /// </summary>
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostAsync(
        ManagerVisitor visitor, string url, IReadOnlyDictionary<string, string?> changes)
    {
        var page = await visitor.PageAsync(url);
        return await PostAsync(visitor, url, page, changes);
    }

    /// <summary>Posts the form of a page already shown (a refused save, say), with <paramref name="changes"/>.</summary>
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostAsync(
        ManagerVisitor visitor, string url, IHtmlDocument page, IReadOnlyDictionary<string, string?> changes)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        var values = Values(page);
        foreach (var (name, value) in changes)
        {
            if (value is null)
            {
                values.Remove(name);
            }
            else
            {
                values[name] = value;
            }
        }

        using var content = new FormUrlEncodedContent(values);
        var response = await visitor.Client.PostAsync(url, content);
        return (response, await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }
}
