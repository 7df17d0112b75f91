using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Manager.Pages;
using PopCulture.Cms.Visits;
using Microsoft.Extensions.DependencyInjection;

namespace PopCulture.Cms.Tests;

/// <summary>
/// Class-visit requests: a teacher posts one from a hall page without signing in; it is checked field by field, stored,
/// and listed only for the users of the youth-hall section.
/// </summary>
public abstract class VisitRequestsApiTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    private const string Hall = "kunshan-youth-hall"; // a hall of the demo content the CMS imports and publishes

    private static Dictionary<string, object?> Valid(string school) => new()
    {
        ["hall"] = Hall,
        ["school"] = school,
        ["contact"] = "王老师",
        ["phone"] = "0512-1234 5678",
        ["email"] = "wang@school.example.cn",
        ["grade"] = "初中",
        ["students"] = 42,
        ["preferredDate"] = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["message"] = "希望参加“认识情绪”单元。",
        ["consent"] = true,
        ["website"] = "",
    };

    [Fact]
    public async Task A_teachers_request_is_stored_and_listed_newest_first_for_the_halls_editors()
    {
        var school = "测试中学" + Guid.NewGuid().ToString("N")[..6];
        var response = await PostFromAsync("198.51.100.1", Valid(school));

        Assert.Equal(StatusCodes.Status201Created, response.Status);
        var created = response.Json;
        Assert.Equal("昆山市青少年健康教育馆（示例）", created["hall"]!.GetValue<string>());
        var editor = await cms.ClientAsAsync(Roles.Editor, ["youth-hall"]);
        var list = await (await editor.GetAsync("/api/v1/manage/visit-requests")).JsonAsync();
        var first = list["items"]![0]!;
        Assert.Equal(created["id"]!.GetValue<long>(), first["id"]!.GetValue<long>());
        Assert.Equal(school, first["school"]!.GetValue<string>());
        Assert.Equal("0512-1234 5678", first["phone"]!.GetValue<string>());
        Assert.Equal(42, first["students"]!.GetValue<int>());
        Assert.Equal(Hall, first["hall"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("school", "")]
    [InlineData("contact", "   ")]
    [InlineData("phone", "12345")]
    [InlineData("phone", "call me maybe")]
    [InlineData("email", "not-an-address")]
    [InlineData("grade", "大学")]
    [InlineData("students", 0)]
    [InlineData("students", 301)]
    [InlineData("preferredDate", "2020-01-01")]
    [InlineData("preferredDate", "下周一")]
    [InlineData("consent", false)]
    [InlineData("website", "http://spam.example")]
    [InlineData("hall", "no-such-hall")]
    [InlineData("school", "学校\u0007名")]
    public async Task A_bad_field_is_refused_with_problem_details_naming_it_and_nothing_is_stored(string field, object? value)
    {
        var school = "拒收中学" + Guid.NewGuid().ToString("N")[..6];
        var input = Valid(school);
        input[field] = value;
        if (field == "school")
        {
            school = value as string ?? school;
        }

        var response = await PostFromAsync($"198.51.100.{Random.Shared.Next(2, 250)}", input);

        Assert.Equal(StatusCodes.Status400BadRequest, response.Status);
        Assert.Equal([field], response.Json["errors"]!.AsObject().Select(e => e.Key));
        var admin = await cms.ClientAsAsync(Roles.Admin);
        var list = await (await admin.GetAsync("/api/v1/manage/visit-requests?pageSize=200")).JsonAsync();
        Assert.DoesNotContain(list["items"]!.AsArray(), i => i!["school"]!.GetValue<string>() == school);
    }

    [Fact]
    public async Task A_sixth_request_from_one_address_within_ten_minutes_is_refused()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(StatusCodes.Status201Created, (await PostFromAsync("203.0.113.77", Valid($"限流中学{i}"))).Status);
        }

        var refused = await PostFromAsync("203.0.113.77", Valid("限流中学6"));

        Assert.Equal(StatusCodes.Status429TooManyRequests, refused.Status);
        Assert.Contains("visit requests", refused.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(StatusCodes.Status201Created, (await PostFromAsync("203.0.113.78", Valid("另一所中学"))).Status);
    }

    [Fact]
    public async Task Only_users_of_the_youth_hall_section_may_list_requests()
    {
        var parenting = await cms.ClientAsAsync(Roles.Editor, ["parenting"]);
        var reviewer = await cms.ClientAsAsync(Roles.Reviewer, ["youth-hall"]);

        Assert.Equal(HttpStatusCode.Unauthorized, (await cms.CreateClient().GetAsync("/api/v1/manage/visit-requests")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await parenting.GetAsync("/api/v1/manage/visit-requests")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync("/api/v1/manage/visit-requests")).StatusCode);
    }

    [Fact]
    public async Task The_managers_list_of_requests_pages_forward_and_back()
    {
        using (var scope = cms.Services.CreateScope())
        {
            // Older than anything the other tests send, so they sit at the end of the list.
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            for (var i = 0; i < VisitsModel.PageSize + 1; i++)
            {
                db.VisitRequests.Add(new VisitRequest
                {
                    ReceivedAt = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i), Hall = "kunshan-youth-hall",
                    HallTitle = "昆山市青少年健康教育馆（示例）", School = $"分页学校 {i:000}", Contact = "王老师", Phone = "13800000000",
                    Students = 40, PreferredDate = new DateOnly(2001, 3, 1),
                });
            }

            await db.SaveChangesAsync();
        }

        using var editor = await ManagerVisitor.SignedInAsync(cms, Roles.Editor, ["youth-hall"]);
        var first = await editor.PageAsync("/manager/visits");
        var next = first.QuerySelector("a[rel=next]")?.GetAttribute("href");
        Assert.Equal("/manager/visits?page=2", next);
        var second = await editor.PageAsync(next!);
        Assert.Equal("/manager/visits", second.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
        Assert.NotEqual(first.QuerySelector("tbody tr")!.TextContent, second.QuerySelector("tbody tr")!.TextContent);
    }

    /// <summary>Posts as an anonymous browser at <paramref name="address"/> (the rate limit counts per address).</summary>
    private Task<(int Status, JsonNode Json)> PostFromAsync(string address, object input) =>
        cms.Server.PostJsonFromAsync(address, "/api/v1/visit-requests", input);
}

public sealed class SqliteVisitRequestsApiTests(SqliteCms cms) : VisitRequestsApiTests<SqliteCms>(cms);

public sealed class PostgresVisitRequestsApiTests(PostgresCms cms) : VisitRequestsApiTests<PostgresCms>(cms);
