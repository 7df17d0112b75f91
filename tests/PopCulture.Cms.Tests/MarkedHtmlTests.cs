using PopCulture.Cms.Manager;

namespace PopCulture.Cms.Tests;

/// <summary>A search highlight written into a manager page keeps nothing but text and balanced, bare marks.</summary>
public sealed class MarkedHtmlTests
{
    [Theory]
    [InlineData("喂养<mark>辅食</mark>的时间", "喂养<mark>辅食</mark>的时间")]
    [InlineData("a &lt; b &amp; <mark>c</mark>", "a &lt; b &amp; <mark>c</mark>")]
    [InlineData("<script>alert(1)</script><mark>词</mark>", "&lt;script&gt;alert(1)&lt;/script&gt;<mark>词</mark>")]
    [InlineData("<mark onclick=\"x()\">词</mark>", "&lt;mark onclick=&quot;x()&quot;&gt;词")]
    [InlineData("<mark>未闭合", "<mark>未闭合</mark>")]
    [InlineData("</mark>多余<mark><mark>词</mark></mark>", "多余<mark>词</mark>")]
    [InlineData("&#60;img src=x&#62;", "&lt;img src=x&gt;")]
    public void Only_text_and_bare_balanced_marks_are_kept(string html, string expected) =>
        Assert.Equal(expected, MarkedHtml.Clean(html));
}
