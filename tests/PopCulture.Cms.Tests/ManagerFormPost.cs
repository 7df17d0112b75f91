using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PopCulture.Cms.Tests;

/// <summary>
/// Posts a manager form field by field, a name as often as a browser would send it (ticked boxes sharing a name),
/// with the antiforgery token of the page the form was on.
/// </summary>
internal static class ManagerFormPost
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The page's antiforgery token, read from its form matching <paramref name="selector"/>.</summary>
    public static string Antiforgery(IHtmlDocument page, string selector) =>
        (page.QuerySelector($"{selector} input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value
        ?? throw new InvalidOperationException($"no antiforgery token in '{selector}'");

    /// <summary>Opens <paramref name="url"/>, posts <paramref name="fields"/> with its form's token to <paramref name="to"/> (or the page) and parses the answer.</summary>
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostAsync(
        ManagerVisitor visitor, string url, string selector, IEnumerable<(string Name, string Value)> fields, string? to = null)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        var page = await visitor.PageAsync(url);
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", Antiforgery(page, selector)));
        using var content = new FormUrlEncodedContent(values);
        var response = await visitor.Client.PostAsync(to ?? url, content);
        return (response, await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }
}
