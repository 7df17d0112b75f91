using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PopCulture.Cms.Tests;

/// <summary>Every manager string exists in Chinese and English, and the pages take their words from the resources.</summary>
public sealed partial class ManagerResourceTests
{
    private static readonly string Manager = Path.Combine(CmsFactory.RepositoryRoot, "cms", "PopCulture.Cms", "Manager");

    [Fact]
    public void Chinese_and_English_resources_name_the_same_strings_and_none_is_empty()
    {
        var chinese = Strings("ManagerText.resx");
        var english = Strings("ManagerText.en.resx");

        Assert.Equal(chinese.Keys.Order(StringComparer.Ordinal), english.Keys.Order(StringComparer.Ordinal));
        Assert.All(chinese.Concat(english), s => Assert.False(string.IsNullOrWhiteSpace(s.Value), s.Key));
    }

    [Fact]
    public void No_page_of_the_manager_writes_Chinese_text_itself()
    {
        var pages = Directory.GetFiles(Path.Combine(Manager, "Pages"), "*.cs*", SearchOption.AllDirectories);

        Assert.NotEmpty(pages);
        Assert.All(pages, page => Assert.False(Han().IsMatch(File.ReadAllText(page)), $"{page} has Chinese text: put it in ManagerText.resx"));
    }

    private static Dictionary<string, string> Strings(string file) =>
        XDocument.Load(Path.Combine(Manager, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
