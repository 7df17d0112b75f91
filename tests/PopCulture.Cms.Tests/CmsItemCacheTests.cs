using PopCulture.Cms.Content;
using PopCulture.Cms.Media;

namespace PopCulture.Cms.Tests;

/// <summary>
/// The site build reads again only the published rows that changed (their items and the media they link to); what depends
/// on the library is always fresh.
/// </summary>
public sealed class CmsItemCacheTests
{
    private const string FrontMatter = """{"title":"睡前小仪式","date":"2012-03-01"}""";

    [Fact]
    public void An_unchanged_row_is_not_read_again_and_a_changed_one_is()
    {
        var cache = new CmsItemCache();
        var first = cache.ReadAll([News("bedtime", "先洗澡，再讲故事。")], NoLibrary);

        var again = cache.ReadAll([News("bedtime", "先洗澡，再讲故事。")], NoLibrary);
        var edited = cache.ReadAll([News("bedtime", "先洗澡，再讲故事，然后关灯。![小夜灯](night-light.jpg)")], NoLibrary);

        Assert.Same(first[0], again[0]);
        Assert.NotSame(first[0], edited[0]);
        Assert.Equal("先洗澡，再讲故事，然后关灯。![小夜灯](night-light.jpg)", edited[0].Result.Item!.Body);
        Assert.DoesNotContain("news/bedtime/night-light.jpg", first[0].Media.Linked);
        Assert.Contains("news/bedtime/night-light.jpg", edited[0].Media.Linked);
    }

    [Fact]
    public void A_row_that_uses_library_media_gets_the_librarys_alt_text_as_it_is_now()
    {
        var cache = new CmsItemCache();
        var photo = new MediaItem { Id = Guid.NewGuid(), Kind = "image", ContentType = "image/jpeg", StoredName = "a.jpg", Sha256 = "00", Alt = "亲子共读" };
        var row = News("reading", $"![](/media/{photo.Id:N}.jpg)");
        var library = new Dictionary<Guid, MediaItem> { [photo.Id] = photo };
        Assert.Contains("![亲子共读]", cache.ReadAll([row], library)[0].Result.Item!.Body, StringComparison.Ordinal);

        photo.Alt = "妈妈和宝宝一起看绘本";

        Assert.Contains("![妈妈和宝宝一起看绘本]", cache.ReadAll([row], library)[0].Result.Item!.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_no_longer_published_are_forgotten_and_problems_are_kept_in_order()
    {
        var cache = new CmsItemCache();
        var broken = new PublishedMedia.Row("news", "broken", "news/broken.md", """{"date":"2012-03-01"}""", "");
        cache.ReadAll([News("a", "一"), broken, News("b", "二")], NoLibrary);

        var results = cache.ReadAll([broken, News("b", "二")], NoLibrary);

        Assert.Equal(2, cache.Count);
        Assert.Null(results[0].Result.Item);
        Assert.Contains("frontMatter.title", results[0].Result.Errors.Keys);
        Assert.Equal("b", results[1].Result.Item!.Slug);
    }

    private static readonly Dictionary<Guid, MediaItem> NoLibrary = [];

    private static PublishedMedia.Row News(string slug, string body) => new("news", slug, $"news/{slug}.md", FrontMatter, body);
}
