using System.Text;
using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PopCulture.Site.Content;

namespace PopCulture.Site.Markdown;

/// <summary>
/// The Markdown stage: parses a body with the shared pipeline, resolves and checks its links and images, builds the
/// table of contents, renders heading anchors, and sanitises any raw HTML an editor wrote.
/// </summary>
public sealed partial class MarkdownRenderer(Images.ImageCatalog? images = null)
{
    /// <summary>Guards against pathological input (deeply nested quotes or lists) from the CMS.</summary>
    public const int MaxBodyChars = 1024 * 1024;

    private readonly MarkdownPipeline _pipeline = MarkdownPipelineFactory.Create();
    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    /// <summary>Renders <paramref name="item"/>'s body; problems are reported against its source lines.</summary>
    public RenderedMarkdown Render(ContentItem item, ILinkResolver links, DiagnosticBag diagnostics) =>
        Render(item, item.Body, item.BodyLine, links, diagnostics);

    /// <summary>Renders any Markdown belonging to <paramref name="item"/> (its body, teacher notes, a handout).</summary>
    public RenderedMarkdown Render(ContentItem item, string markdown, int firstLine, ILinkResolver links, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(markdown);
        if (markdown.Length > MaxBodyChars)
        {
            diagnostics.Error(item.SourcePath, firstLine, $"Markdown is longer than {MaxBodyChars / 1024} KB");
            return new RenderedMarkdown("", []);
        }

        var document = Markdig.Markdown.Parse(markdown, _pipeline);
        var toc = new List<TocEntry>();
        var hasRawHtml = false;
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HeadingBlock { Level: 2 or 3 } heading when heading.GetAttributes().Id is { Length: > 0 } id:
                    toc.Add(new TocEntry(heading.Level, id, PlainText(heading.Inline)));
                    break;
                case LinkInline link:
                    ResolveLink(item, link, firstLine, links, diagnostics);
                    break;
                case HtmlBlock or HtmlInline:
                    hasRawHtml = true;
                    break;
            }
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.ObjectRenderers.ReplaceOrAdd<HeadingRenderer>(new AnchoredHeadingRenderer());
        renderer.Render(document);
        writer.Flush();
        var html = writer.ToString();

        // Markdig escapes everything it writes itself; only editor-written HTML needs the (slower) sanitiser.
        if (hasRawHtml)
        {
            html = _sanitizer.Sanitize(html);
        }

        html = html.Replace("<img ", "<img loading=\"lazy\" decoding=\"async\" ", StringComparison.Ordinal);
        html = ScrollableTables(html);
        return new RenderedMarkdown(images is null ? html : Responsive(html, images), toc);
    }

    /// <summary>
    /// Wraps each table in a region that scrolls sideways when the table is wider than a phone: the region takes keyboard
    /// focus, so a reader without a pointer can scroll it, and is named for screen readers ("表格", or "表格 2" where a
    /// page has several: landmarks need distinct names). After sanitising, so editors' own tables get it too and the
    /// sanitiser need not let editors write roles.
    /// </summary>
    private static string ScrollableTables(string html)
    {
        if (!html.Contains("<table", StringComparison.Ordinal))
        {
            return html;
        }

        var several = TableStart().Count(html) > 1;
        var number = 0;
        return TableStart().Replace(html, table =>
        {
            var name = several ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"表格 {++number}") : "表格";
            return $"<div class=\"table-scroll\" role=\"region\" aria-label=\"{name}\" tabindex=\"0\">{table.Value}";
        }).Replace("</table>", "</table></div>", StringComparison.Ordinal);
    }

    [System.Text.RegularExpressions.GeneratedRegex("<table\\b[^>]*>")]
    private static partial System.Text.RegularExpressions.Regex TableStart();

    /// <summary>Turns each image the image stage knows into &lt;picture&gt; with WebP, srcset, width and height.</summary>
    private static string Responsive(string html, Images.ImageCatalog images) =>
        MarkdigImage().Replace(html, match =>
        {
            var src = System.Net.WebUtility.HtmlDecode(match.Groups["src"].Value);
            var image = images.Find(src);
            var title = match.Groups["title"].Success ? System.Net.WebUtility.HtmlDecode(match.Groups["title"].Value) : null;
            return image is null ? match.Value : image.Picture(System.Net.WebUtility.HtmlDecode(match.Groups["alt"].Value), title: title);
        });

    [System.Text.RegularExpressions.GeneratedRegex("<img loading=\"lazy\" decoding=\"async\" src=\"(?<src>[^\"]*)\" alt=\"(?<alt>[^\"]*)\"(?: title=\"(?<title>[^\"]*)\")? />")]
    private static partial System.Text.RegularExpressions.Regex MarkdigImage();

    private static void ResolveLink(ContentItem item, LinkInline link, int firstLine, ILinkResolver links, DiagnosticBag diagnostics)
    {
        var line = firstLine + link.Line;
        if (link.IsImage && PlainText(link).Trim().Length == 0)
        {
            diagnostics.Error(item.SourcePath, line, $"image {link.Url} has no alt text: write ![what the image shows]({link.Url})");
        }

        if (link.IsAutoLink || string.IsNullOrEmpty(link.Url))
        {
            return;
        }

        link.Url = links.Resolve(item, link.Url, link.IsImage, line) ?? "#";
    }

    /// <summary>The text of an inline run without markup, for TOC entries and alt text checks.</summary>
    public static string PlainText(ContainerInline? container)
    {
        if (container is null)
        {
            return "";
        }

        var builder = new StringBuilder();
        foreach (var inline in container.Descendants<Inline>())
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
            }
        }

        return builder.ToString().Trim();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedAttributes.Add("aria-hidden");
        sanitizer.AllowedAttributes.Add("tabindex");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Add("input");
        sanitizer.AllowedAttributes.Add("type");
        sanitizer.AllowedAttributes.Add("checked");
        sanitizer.AllowedAttributes.Add("disabled");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("tel");
        return sanitizer;
    }
}
