using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PopCulture.Cms.Data;
using PopCulture.Cms.Webhooks;

namespace PopCulture.Cms.Tests;

/// <summary>
/// The webhooks screens: create (the secret shown once), the API's URL rules worded in Chinese next to the field, edit,
/// switch on and off, delete after a confirmation, a subscription's deliveries, and admins only. Receivers are closed
/// ports on 127.0.0.1, so nothing leaves the machine whatever the dispatcher does.
/// </summary>
public abstract class ManagerWebhookTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    private const string Hooks = "/manager/admin/webhooks";
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task An_admin_creates_a_webhook_sees_its_secret_once_and_the_api_lists_it_without()
    {
        using var admin = await ManagerVisitor.SignedInAsync(cms, "admin");
        var url = ReceiverUrl();

        var (response, page) = await PostAsync(admin, $"{Hooks}/new", "form.webhook-form",
            [new("url", url), new("events", WebhookEvents.EntryPublished), new("events", WebhookEvents.BuildFinished), new("active", "true")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var secret = ((IHtmlInputElement)page.QuerySelector("#secret")!).Value;
        var stored = await StoredAsync(url);
        Assert.Equal(stored.Secret, secret);
        Assert.Equal("entry.published,build.finished", stored.Events);
        Assert.True(stored.Active);
        var api = await cms.AdminClientAsync();
        var listed = await api.GetStringAsync("/api/v1/manage/webhooks");
        Assert.Contains(url, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, (await admin.PageAsync(Hooks)).Body!.OuterHtml, StringComparison.Ordinal);
        var audit = await api.GetFromJsonAsync<JsonNode>($"/api/v1/manage/audit?action=webhooks.create&user={Uri.EscapeDataString(admin.Email!)}");
        Assert.Equal(stored.Id.ToString(), Assert.Single(audit!["items"]!.AsArray())!["target"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/hook", "接收地址必须是以 http:// 或 https:// 开头的完整地址。")]
    [InlineData("http://user:pw@127.0.0.1:9/hook", "接收地址不能包含用户名或密码；接收方应使用签名密钥核实发送者。")]
    [InlineData("http://127.0.0.1:9/hook#part", "接收地址不能包含“#”及其后的部分：这部分不会被发送。")]
    public async Task A_url_the_api_would_refuse_is_refused_in_Chinese_next_to_the_field(string url, string message)
    {
        using var admin = await ManagerVisitor.SignedInAsync(cms, "admin");

        var (response, page) = await PostAsync(admin, $"{Hooks}/new", "form.webhook-form", [new("url", url), new("active", "true")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, page.QuerySelector("#url-error")!.TextContent);
        Assert.Equal("true", page.QuerySelector("#url")!.GetAttribute("aria-invalid"));
        Assert.Equal(url, page.QuerySelector("#url")!.GetAttribute("value"));
        Assert.Equal("请至少选择一个事件。", page.QuerySelector("#events-error")!.TextContent);
        Assert.Null(page.QuerySelector("#secret"));
        Assert.False(await Db(db => db.WebhookSubscriptions.AnyAsync(s => s.Url == url)));
    }

    [Fact]
    public async Task An_admin_edits_switches_off_and_on_and_deletes_a_webhook_after_confirming()
    {
        using var admin = await ManagerVisitor.SignedInAsync(cms, "admin");
        var url = ReceiverUrl();
        await PostAsync(admin, $"{Hooks}/new", "form.webhook-form", [new("url", url), new("events", WebhookEvents.EntryPublished), new("active", "true")]);
        var id = (await StoredAsync(url)).Id;
        var changed = ReceiverUrl();

        var (saved, _) = await PostAsync(admin, $"{Hooks}/{id}", "form.webhook-form", [new("url", changed), new("events", WebhookEvents.EntryUnpublished)]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("已保存。", (await admin.PageAsync(saved.Headers.Location!.OriginalString)).QuerySelector("p.notice")!.TextContent);
        var stored = await StoredAsync(changed);
        Assert.Equal(("entry.unpublished", false), (stored.Events, stored.Active));

        var on = await admin.SubmitAsync(Hooks, $"form.toggle[action*='{id}']");
        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        Assert.True((await StoredAsync(changed)).Active);
        var list = await admin.PageAsync(on.Headers.Location!.OriginalString);
        Assert.Equal("已启用。", list.QuerySelector("p.notice")!.TextContent);
        Assert.Equal("停用", list.QuerySelector($"form.toggle[action*='{id}'] button")!.TextContent);

        var confirm = await admin.PageAsync($"{Hooks}/{id}/delete");
        Assert.Contains(changed, confirm.QuerySelector("main p")!.TextContent, StringComparison.Ordinal);
        Assert.True(await Db(db => db.WebhookSubscriptions.AnyAsync(s => s.Id == id))); // asking deleted nothing
        var deleted = await admin.SubmitAsync($"{Hooks}/{id}/delete", "form.confirm-delete");

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await cms.AdminClientAsync()).GetAsync($"/api/v1/manage/webhooks/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Hooks}/{id}")).Response.StatusCode);
    }

    [Fact]
    public async Task A_webhooks_page_lists_its_deliveries_with_status_attempts_and_response_code()
    {
        using var admin = await ManagerVisitor.SignedInAsync(cms, "admin");
        var url = ReceiverUrl();
        await PostAsync(admin, $"{Hooks}/new", "form.webhook-form", [new("url", url), new("events", WebhookEvents.BuildFinished), new("active", "true")]);
        var id = (await StoredAsync(url)).Id;
        var at = new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero);
        await Db(async db =>
        {
            db.WebhookDeliveries.AddRange(
                Delivery(id, at, WebhookDeliveryStatus.Delivered, 200),
                Delivery(id, at.AddMinutes(1), WebhookDeliveryStatus.Failed, 503, 503, 500),
                Delivery(id, at.AddMinutes(2), WebhookDeliveryStatus.Cancelled));
            return await db.SaveChangesAsync();
        });

        var page = await admin.PageAsync($"{Hooks}/{id}");

        var rows = page.QuerySelectorAll("table.deliveries-table tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(
            [["2026-01-05 10:02", "build.finished", "已取消", "0", ""], ["2026-01-05 10:01", "build.finished", "失败", "3", "500"], ["2026-01-05 10:00", "build.finished", "已送达", "1", "200"]],
            rows.Select(r => r[..5]));
    }

    [Fact]
    public async Task An_editor_neither_sees_nor_changes_webhooks_even_with_a_forged_post()
    {
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor");
        var url = ReceiverUrl();

        var (list, _) = await editor.GetAsync(Hooks);
        var forged = await editor.SubmitAsync("/manager", "form[action='/manager/sign-out']",
            new Dictionary<string, string> { ["url"] = url, ["events"] = WebhookEvents.BuildFinished }, to: $"{Hooks}/new");

        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.StartsWith("/manager/denied", list.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("您没有查看此页面的权限", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await Db(db => db.WebhookSubscriptions.AnyAsync(s => s.Url == url)));
        Assert.DoesNotContain("Webhooks", (await editor.PageAsync("/manager")).QuerySelector("header nav")!.TextContent, StringComparison.Ordinal);
    }

    // Port 9 (discard) is closed here: a delivery attempt fails at once without leaving the machine.
    private static string ReceiverUrl() => $"http://127.0.0.1:9/hook-{Guid.NewGuid():N}";

    private static WebhookDelivery Delivery(Guid subscription, DateTimeOffset at, WebhookDeliveryStatus status, params int[] codes)
    {
        var delivery = new WebhookDelivery
        {
            Id = Guid.NewGuid(), SubscriptionId = subscription, EventId = Guid.NewGuid(), Event = WebhookEvents.BuildFinished,
            Payload = "{}", OccurredAt = at, Status = status, AttemptCount = codes.Length, NextAttemptAt = at, CompletedAt = at.AddSeconds(30),
        };
        delivery.Attempts.AddRange(codes.Select((code, i) => new WebhookAttempt { DeliveryId = delivery.Id, Number = i + 1, At = at.AddSeconds(i), StatusCode = code }));
        return delivery;
    }

    private Task<WebhookSubscription> StoredAsync(string url) => Db(db => db.WebhookSubscriptions.AsNoTracking().SingleAsync(s => s.Url == url));

    private async Task<T> Db<T>(Func<CmsDbContext, Task<T>> query)
    {
        using var scope = cms.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<CmsDbContext>());
    }

    /// <summary>Posts a form of <paramref name="url"/> with exactly <paramref name="fields"/> (names may repeat) and its antiforgery token.</summary>
    private static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostAsync(
        ManagerVisitor visitor, string url, string form, List<KeyValuePair<string, string>> fields)
    {
        var page = await visitor.PageAsync(url);
        var element = page.QuerySelector(form) as IHtmlFormElement ?? throw new InvalidOperationException($"no form '{form}' on {url}");
        var token = element.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]);
        var response = await visitor.Client.PostAsync(element.GetAttribute("action") ?? url, content);
        return (response, await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }
}

public sealed class SqliteManagerWebhookTests(SqliteCms cms) : ManagerWebhookTests<SqliteCms>(cms);

public sealed class PostgresManagerWebhookTests(PostgresCms cms) : ManagerWebhookTests<PostgresCms>(cms);
