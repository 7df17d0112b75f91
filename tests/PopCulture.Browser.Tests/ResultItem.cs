namespace PopCulture.Browser.Tests;

/// <summary>One search result as shown: its link, the link's text, the whole item's text and its highlighted words.</summary>
public sealed record ResultItem(string Href, string LinkText, string Text, IReadOnlyList<string> Marks);
