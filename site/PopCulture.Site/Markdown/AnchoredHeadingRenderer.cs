using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace PopCulture.Site.Markdown;

/// <summary>Renders headings with a trailing <c>#</c> link to themselves, so a teacher can share a link to one part.</summary>
internal sealed class AnchoredHeadingRenderer : HtmlObjectRenderer<HeadingBlock>
{
    private static readonly string[] Tags = ["h1", "h2", "h3", "h4", "h5", "h6"];

    protected override void Write(HtmlRenderer renderer, HeadingBlock obj)
    {
        var tag = Tags[Math.Clamp(obj.Level, 1, 6) - 1];
        renderer.EnsureLine();
        renderer.Write('<').Write(tag).WriteAttributes(obj).Write('>');
        renderer.WriteLeafInline(obj);
        if (obj.Level >= 2 && obj.GetAttributes().Id is { Length: > 0 } id)
        {
            renderer.Write(" <a class=\"anchor\" href=\"#").WriteEscape(id).Write("\" aria-hidden=\"true\" tabindex=\"-1\">#</a>");
        }

        renderer.Write("</").Write(tag).WriteLine(">");
    }
}
