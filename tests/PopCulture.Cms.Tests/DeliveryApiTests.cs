using System.Net;
using System.Net.Http.Headers;

namespace PopCulture.Cms.Tests;

public abstract class DeliveryApiTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    [Fact]
    public async Task Lists_published_content_filtered_by_section_and_facet_with_paging()
    {
        var client = cms.CreateClient();

        var all = await (await client.GetAsync("/api/v1/content?section=parenting&facet.age_band=0-6月&pageSize=100")).JsonAsync();
        var page = await (await client.GetAsync("/api/v1/content?section=parenting&facet.age_band=0–6月&pageSize=2&page=2&sort=title")).JsonAsync();

        var total = all["total"]!.GetValue<int>();
        Assert.True(total >= 4, $"the demo content has at least 4 lessons for 0–6月, found {total}");
        Assert.All(all["items"]!.AsArray(), item => Assert.Equal("0–6月", item!["fields"]!["age_band"]!.GetValue<string>()));
        Assert.Equal(total, page["total"]!.GetValue<int>());
        Assert.Equal(2, page["items"]!.AsArray().Count);
        Assert.Equal((total + 1) / 2, page["totalPages"]!.GetValue<int>());
        Assert.Null(page["items"]![0]!["body"]);
    }

    [Fact]
    public async Task Filters_by_tag_and_type_and_gets_one_item_with_its_body()
    {
        var client = cms.CreateClient();

        var parks = await (await client.GetAsync("/api/v1/content?type=park&facet.district=姑苏区")).JsonAsync();
        var park = parks["items"]![0]!;
        var one = await (await client.GetAsync($"/api/v1/content/{park["section"]}/{park["slug"]}")).JsonAsync();
        var about = await client.GetAsync("/api/v1/content/_root/about");

        Assert.All(parks["items"]!.AsArray(), item => Assert.Equal("park", item!["type"]!.GetValue<string>()));
        Assert.Equal("姑苏区", one["fields"]!["district"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(one["body"]!.GetValue<string>()));
        Assert.Equal($"/parks/{park["slug"]}/", one["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, about.StatusCode);
    }

    [Fact]
    public async Task Conditional_gets_answer_304_until_something_is_published()
    {
        var client = cms.CreateClient();
        var url = "/api/v1/content?section=news&pageSize=5";
        var first = await client.GetAsync(url);
        var etag = first.Headers.ETag!;

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(etag);
        var unchanged = await client.SendAsync(conditional);
        using var byDate = new HttpRequestMessage(HttpMethod.Get, url);
        byDate.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        var notModifiedSince = await client.SendAsync(byDate);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, notModifiedSince.StatusCode);

        var admin = await cms.AdminClientAsync();
        var entry = await admin.CreateAsync(ApiJson.Article("news", "etag-" + Guid.NewGuid().ToString("N")[..8], "新发布的文章"));
        Assert.Equal(HttpStatusCode.OK, (await admin.MoveAsync(entry, "publish")).StatusCode);

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        var changed = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Theory]
    [InlineData("/api/v1/content?facet.colour=red", "facet.colour")]
    [InlineData("/api/v1/content?pageSize=1000", "pageSize")]
    [InlineData("/api/v1/content?page=0", "page")]
    [InlineData("/api/v1/content?sort=random", "sort")]
    [InlineData("/api/v1/content?limit=5", "limit")]
    public async Task Bad_queries_get_problem_details_naming_the_parameter(string url, string field)
    {
        var response = await cms.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([field], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task A_missing_item_is_a_404_problem()
    {
        var response = await cms.CreateClient().GetAsync("/api/v1/content/parks/no-such-park");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await response.JsonAsync())["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Taxonomies_count_tags_categories_and_facets()
    {
        var json = await (await cms.CreateClient().GetAsync("/api/v1/taxonomies")).JsonAsync();

        Assert.Contains(json["tags"]!.AsArray(), t => t!["value"]!.GetValue<string>() == "青春期" && t["count"]!.GetValue<int>() > 1);
        Assert.Contains(json["facets"]!["domain"]!.AsArray(), t => t!["value"]!.GetValue<string>() == "睡眠");
        Assert.Equal(10, json["facets"]!["district"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_built_site_is_served_at_the_root_with_its_404_page()
    {
        var client = cms.CreateClient();

        var home = await client.GetAsync("/");
        var missing = await client.GetAsync("/no/such/page/");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("<html lang=\"zh-CN\">", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(new MediaTypeHeaderValue("text/html") { CharSet = "utf-8" }, missing.Content.Headers.ContentType);
    }
}

public sealed class SqliteDeliveryApiTests(SqliteCms cms) : DeliveryApiTests<SqliteCms>(cms);

public sealed class PostgresDeliveryApiTests(PostgresCms cms) : DeliveryApiTests<PostgresCms>(cms);
