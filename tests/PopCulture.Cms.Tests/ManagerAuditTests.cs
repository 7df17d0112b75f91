using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using PopCulture.Cms.Auditing;
using PopCulture.Cms.Data;

namespace PopCulture.Cms.Tests;

/// <summary>The audit log screen: admins only, newest first, paged and filtered in the query, days in the offices' time zone.</summary>
public abstract class ManagerAuditTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    [Fact]
    public async Task The_log_is_newest_first_fifty_a_page_and_filtered_by_action_and_user()
    {
        var family = "t" + Guid.NewGuid().ToString("N")[..8] + ".";
        var start = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);
        await AddAsync([.. Enumerable.Range(0, 60).Select(i => Entry(family + "edit", start.AddMinutes(i), i % 2 == 0 ? $"even-{family}test.local" : $"odd-{family}test.local", $"row {i:00}"))]);
        using var admin = await ManagerVisitor.SignedInAsync(cms, "admin");

        var first = await admin.PageAsync($"/manager/admin/audit?action={family}");
        Assert.Equal("共 60 条，第 1 / 2 页", first.QuerySelector(".count")!.TextContent);
        Assert.Equal(50, Rows(first).Count);
        Assert.Equal("row 59", Rows(first)[0][4]);
        Assert.Equal("2024-05-01 08:59", Rows(first)[0][0]); // 00:59 UTC in Shanghai

        Assert.Equal(["1", "2", "下一页"], first.QuerySelectorAll(".pager a").Select(a => a.TextContent).ToArray());
        Assert.Equal("1", first.QuerySelector(".pager a[aria-current=page]")!.TextContent);
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal($"/manager/admin/audit?action={Uri.EscapeDataString(family)}&page=2", next);
        var second = await admin.PageAsync(next);
        Assert.Equal(10, Rows(second).Count);
        Assert.Equal("row 00", Rows(second)[^1][4]);
        Assert.Equal(["上一页", "1", "2"], second.QuerySelectorAll(".pager a").Select(a => a.TextContent).ToArray());

        var odd = await admin.PageAsync($"/manager/admin/audit?action={family}&user=ODD-{family.ToUpperInvariant()}");
        Assert.Equal("共 30 条，第 1 / 1 页", odd.QuerySelector(".count")!.TextContent);
        Assert.All(Rows(odd), row => Assert.StartsWith("odd-", row[1], StringComparison.Ordinal));
        Assert.Equal(family, ((IHtmlInputElement)odd.QuerySelector("#action")!).Value);
    }

    [Fact]
    public async Task A_date_range_takes_whole_days_in_the_offices_time_zone()
    {
        var family = "t" + Guid.NewGuid().ToString("N")[..8] + ".";
        await AddAsync(
        [
            Entry(family + "a", new DateTimeOffset(2020, 3, 1, 15, 59, 0, TimeSpan.Zero), null, "before"), // 1 March 23:59 in Shanghai
            Entry(family + "a", new DateTimeOffset(2020, 3, 1, 16, 0, 0, TimeSpan.Zero), null, "first"), // 2 March 00:00
            Entry(family + "a", new DateTimeOffset(2020, 3, 2, 15, 59, 59, TimeSpan.Zero), null, "last"), // 2 March 23:59:59
            Entry(family + "a", new DateTimeOffset(2020, 3, 2, 16, 0, 0, TimeSpan.Zero), null, "after"), // 3 March 00:00
        ]);
        using var admin = await ManagerVisitor.SignedInAsync(cms, "admin");

        var day = await admin.PageAsync($"/manager/admin/audit?action={family}&from=2020-03-02&to=2020-03-02");

        Assert.Equal(["last", "first"], Rows(day).Select(r => r[4]));
        Assert.Equal(["2020-03-02 23:59", "2020-03-02 00:00"], Rows(day).Select(r => r[0]));
        Assert.Equal("（系统）", Rows(day)[0][1]);
    }

    [Fact]
    public async Task An_unreadable_or_reversed_date_is_named_next_to_its_field_and_nothing_is_listed()
    {
        using var admin = await ManagerVisitor.SignedInAsync(cms, "admin");

        var (bad, badPage) = await admin.GetAsync("/manager/admin/audit?from=2020-13-01");
        var (reversed, reversedPage) = await admin.GetAsync("/manager/admin/audit?from=2020-03-02&to=2020-03-01");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("请按“年-月-日”填写日期。", badPage.QuerySelector("#from-error")!.TextContent);
        Assert.Equal("true", badPage.QuerySelector("#from")!.GetAttribute("aria-invalid"));
        Assert.Empty(badPage.QuerySelectorAll("tbody tr"));
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Equal("截止日期不能早于起始日期。", reversedPage.QuerySelector("#to-error")!.TextContent);
    }

    [Fact]
    public async Task Only_admins_see_the_log_or_its_link()
    {
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor");
        using var anonymous = ManagerVisitor.Anonymous(cms);

        var (refused, _) = await editor.GetAsync("/manager/admin/audit");
        var (signIn, _) = await anonymous.GetAsync("/manager/admin/audit");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/manager/denied", refused.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/manager/sign-in", signIn.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        var nav = (await editor.PageAsync("/manager")).QuerySelector("header nav")!.TextContent;
        Assert.DoesNotContain("审计日志", nav, StringComparison.Ordinal);
        Assert.Contains("站点构建", nav, StringComparison.Ordinal);
        using var admin = await ManagerVisitor.SignedInAsync(cms, "admin");
        Assert.Contains("审计日志", (await admin.PageAsync("/manager")).QuerySelector("header nav")!.TextContent, StringComparison.Ordinal);
    }

    private static AuditEntry Entry(string action, DateTimeOffset at, string? email, string detail) =>
        new() { Action = action, At = at, UserEmail = email, Target = "test", Detail = detail };

    private async Task AddAsync(AuditEntry[] entries)
    {
        using var scope = cms.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        db.Audit.AddRange(entries);
        await db.SaveChangesAsync();
    }

    private static List<string[]> Rows(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("table.audit-table tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())];
}

public sealed class SqliteManagerAuditTests(SqliteCms cms) : ManagerAuditTests<SqliteCms>(cms);

public sealed class PostgresManagerAuditTests(PostgresCms cms) : ManagerAuditTests<PostgresCms>(cms);
