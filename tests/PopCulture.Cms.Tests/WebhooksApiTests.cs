using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Webhooks;

namespace PopCulture.Cms.Tests;

/// <summary>
/// Outbound webhooks end to end: subscriptions over the API, events raised by publishing, unpublishing, the schedule,
/// imports and site builds, signed deliveries to a receiver on 127.0.0.1, retries with back-off, and who may do what.
/// </summary>
public abstract class WebhooksApiTests<TCms>(WebhookCms<TCms> cms) : IClassFixture<WebhookCms<TCms>> where TCms : CmsFactory, new()
{
    private const string Hooks = "/api/v1/manage/webhooks";

    [Fact]
    public async Task Publishing_an_entry_delivers_a_signed_entry_published_event()
    {
        var admin = await cms.AdminClientAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var hook = await CreateHookAsync(admin, receiver.Url, WebhookEvents.EntryPublished);
        var section = ApiJson.NewSection();
        var entry = await admin.CreateAsync(ApiJson.Article(section, "first", "网络钩子测试"));

        var moved = await admin.MoveAsync(entry, "publish");
        var delivery = await WaitForDeliveryAsync(admin, hook, WebhookEvents.EntryPublished, entry, "delivered");

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var received = Assert.Single(receiver.Requests, r => r.DeliveryId == delivery["id"]!.GetValue<string>());
        AssertSigned(hook, received);
        Assert.Equal(WebhookEvents.EntryPublished, received.Event);
        Assert.Equal("application/json; charset=utf-8", received.ContentType);
        var payload = JsonNode.Parse(received.Body)!;
        Assert.Equal(delivery["eventId"]!.GetValue<Guid>(), payload["id"]!.GetValue<Guid>());
        Assert.Equal(WebhookEvents.EntryPublished, payload["event"]!.GetValue<string>());
        Assert.Equal(delivery["occurredAt"]!.GetValue<DateTimeOffset>(), payload["occurredAt"]!.GetValue<DateTimeOffset>());
        var data = payload["data"]!;
        Assert.Equal(entry["id"]!.GetValue<Guid>(), data["id"]!.GetValue<Guid>());
        Assert.Equal(section, data["section"]!.GetValue<string>());
        Assert.Equal("first", data["slug"]!.GetValue<string>());
        Assert.Equal("网络钩子测试", data["title"]!.GetValue<string>());
        Assert.Equal($"/{section}/first/", data["path"]!.GetValue<string>());
        Assert.Equal($"https://example.org/{section}/first/", data["url"]!.GetValue<string>());
        Assert.Equal(1, data["revision"]!.GetValue<int>());
        var attempt = Assert.Single(delivery["attempts"]!.AsArray())!;
        Assert.Equal(200, attempt["statusCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task Unpublishing_an_entry_delivers_a_signed_entry_unpublished_event_and_no_publish_event_to_its_subscriber()
    {
        var admin = await cms.AdminClientAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var hook = await CreateHookAsync(admin, receiver.Url, WebhookEvents.EntryUnpublished);
        var entry = await admin.CreateAsync(ApiJson.Article(ApiJson.NewSection()));
        entry = await (await admin.MoveAsync(entry, "publish")).JsonAsync();

        var moved = await admin.MoveAsync(entry, "unpublish");
        var delivery = await WaitForDeliveryAsync(admin, hook, WebhookEvents.EntryUnpublished, entry, "delivered");

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var received = Assert.Single(receiver.Requests, r => r.DeliveryId == delivery["id"]!.GetValue<string>());
        AssertSigned(hook, received);
        var data = JsonNode.Parse(received.Body)!["data"]!;
        Assert.Equal(entry["id"]!.GetValue<Guid>(), data["id"]!.GetValue<Guid>());
        Assert.Null(data["revision"]);
        Assert.All(await DeliveriesAsync(admin, hook), d => Assert.Equal(WebhookEvents.EntryUnpublished, d["event"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_receiver_failing_twice_then_succeeding_gets_three_attempts_listed_with_back_off()
    {
        var admin = await cms.AdminClientAsync();
        await using var receiver = await WebhookReceiver.StartAsync(attempt => attempt <= 2 ? 503 : 200);
        var hook = await CreateHookAsync(admin, receiver.Url, WebhookEvents.EntryPublished);
        var entry = await admin.CreateAsync(ApiJson.Article(ApiJson.NewSection()));

        await admin.MoveAsync(entry, "publish");
        var delivery = await WaitForDeliveryAsync(admin, hook, WebhookEvents.EntryPublished, entry, "delivered");

        var attempts = delivery["attempts"]!.AsArray().Select(a => a!).ToList();
        Assert.Equal([1, 2, 3], attempts.Select(a => a["number"]!.GetValue<int>()));
        Assert.Equal([503, 503, 200], attempts.Select(a => a["statusCode"]!.GetValue<int>()));
        Assert.Equal(3, delivery["attemptCount"]!.GetValue<int>());
        // Each retry waits at least its configured delay after the attempt before it.
        var at = attempts.Select(a => a["at"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.True(at[1] - at[0] >= WebhookCms<TCms>.RetryDelays[0], $"second attempt {at[1] - at[0]} after the first");
        Assert.True(at[2] - at[1] >= WebhookCms<TCms>.RetryDelays[1], $"third attempt {at[2] - at[1]} after the second");
        var bodies = receiver.Requests.Where(r => r.DeliveryId == delivery["id"]!.GetValue<string>()).ToList();
        Assert.Equal(3, bodies.Count);
        Assert.All(bodies, b => AssertSigned(hook, b));
        Assert.Single(bodies.Select(b => b.Body).Distinct(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_delivery_is_marked_failed_after_its_last_attempt_and_redirects_are_not_followed()
    {
        var admin = await cms.AdminClientAsync();
        await using var receiver = await WebhookReceiver.StartAsync(_ => 302);
        var hook = await CreateHookAsync(admin, receiver.Url, WebhookEvents.EntryPublished);
        var entry = await admin.CreateAsync(ApiJson.Article(ApiJson.NewSection()));

        await admin.MoveAsync(entry, "publish");
        var delivery = await WaitForDeliveryAsync(admin, hook, WebhookEvents.EntryPublished, entry, "failed");

        var attempts = delivery["attempts"]!.AsArray();
        Assert.Equal(WebhookCms<TCms>.RetryDelays.Length + 1, attempts.Count);
        Assert.All(attempts, a => Assert.Equal(302, a!["statusCode"]!.GetValue<int>()));
        Assert.NotNull(delivery["completedAt"]);
        Assert.Null(delivery["nextAttemptAt"]);
        Assert.Equal(0, receiver.Redirected);
    }

    [Fact]
    public async Task An_unreachable_receiver_gets_its_error_listed_for_each_attempt()
    {
        var admin = await cms.AdminClientAsync();
        string url;
        await using (var gone = await WebhookReceiver.StartAsync())
        {
            url = gone.Url;
        }

        var hook = await CreateHookAsync(admin, url, WebhookEvents.EntryPublished);
        var entry = await admin.CreateAsync(ApiJson.Article(ApiJson.NewSection()));
        await admin.MoveAsync(entry, "publish");
        var delivery = await WaitForDeliveryAsync(admin, hook, WebhookEvents.EntryPublished, entry, "failed");

        Assert.All(delivery["attempts"]!.AsArray(), a =>
        {
            Assert.Null(a!["statusCode"]);
            Assert.False(string.IsNullOrEmpty(a["error"]!.GetValue<string>()));
        });
    }

    [Fact]
    public async Task Two_nodes_on_one_store_send_each_delivery_exactly_once()
    {
        var admin = await cms.AdminClientAsync();
        await using var secondNode = cms.AnotherNode();
        _ = secondNode.Services; // started: its dispatcher now competes for the same deliveries
        // A slow receiver keeps each delivery in flight across several polls of both nodes.
        await using var receiver = await WebhookReceiver.StartAsync(slowness: TimeSpan.FromMilliseconds(300));
        var hook = await CreateHookAsync(admin, receiver.Url, WebhookEvents.EntryPublished);
        var section = ApiJson.NewSection();
        var entries = new List<JsonNode>();
        for (var i = 0; i < 8; i++)
        {
            entries.Add(await admin.CreateAsync(ApiJson.Article(section, $"entry-{i}")));
        }

        foreach (var entry in entries)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.MoveAsync(entry, "publish")).StatusCode);
        }

        await WaitForAsync(admin, hook, _ => true, all => all.Count(d => d["status"]!.GetValue<string>() == "delivered") == entries.Count);

        var deliveries = await DeliveriesAsync(admin, hook);
        Assert.Equal(entries.Count, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(1, d["attemptCount"]!.GetValue<int>()));
        Assert.Equal(entries.Count, receiver.Requests.Count);
        Assert.Equal(entries.Count, receiver.Requests.Select(r => r.DeliveryId).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_scheduled_publish_and_an_import_that_publishes_raise_entry_published()
    {
        var admin = await cms.AdminClientAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var hook = await CreateHookAsync(admin, receiver.Url, WebhookEvents.EntryPublished);
        var scheduledEntry = await admin.CreateAsync(ApiJson.Article(ApiJson.NewSection()));
        var importSection = ApiJson.NewSection();
        using var zip = TransferFiles.Zip(($"{importSection}/imported.md", TransferFiles.Article("导入的文章")));

        var scheduled = await admin.MoveAsync(scheduledEntry, "publish", new { at = DateTimeOffset.UtcNow.AddSeconds(1) });
        var imported = await admin.PostAsync("/api/v1/manage/import?publish=true", zip);

        Assert.Equal(HttpStatusCode.OK, scheduled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        await WaitForDeliveryAsync(admin, hook, WebhookEvents.EntryPublished, scheduledEntry, "delivered");
        var list = await (await admin.GetAsync($"/api/v1/manage/content?section={importSection}")).JsonAsync();
        var importedEntry = Assert.Single(list["items"]!.AsArray())!;
        var delivery = await WaitForDeliveryAsync(admin, hook, WebhookEvents.EntryPublished, importedEntry, "delivered");
        var received = Assert.Single(receiver.Requests, r => r.DeliveryId == delivery["id"]!.GetValue<string>());
        Assert.Equal("imported", JsonNode.Parse(received.Body)!["data"]!["slug"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_outbox_delivers_build_finished_to_its_subscribers_only()
    {
        var admin = await cms.AdminClientAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var builds = await CreateHookAsync(admin, receiver.Url, WebhookEvents.BuildFinished);
        var entries = await CreateHookAsync(admin, receiver.Url, WebhookEvents.EntryPublished);
        var marker = Guid.NewGuid();

        int queued;
        using (var scope = cms.Services.CreateScope())
        {
            queued = await scope.ServiceProvider.GetRequiredService<WebhookOutbox>()
                .EnqueueAsync(WebhookEvents.BuildFinished, new { succeeded = true, marker }, CancellationToken.None);
        }

        var delivery = await WaitForAsync(admin, builds, d => d["event"]!.GetValue<string>() == WebhookEvents.BuildFinished
            // Real builds of the shared CMS deliver build.finished to this hook too; only the one queued here has the marker.
            && d["status"]!.GetValue<string>() == "delivered" && d["payload"]?["data"]?["marker"]?.GetValue<Guid>() == marker);

        Assert.True(queued >= 1);
        AssertSigned(builds, Assert.Single(receiver.Requests, r => r.DeliveryId == delivery["id"]!.GetValue<string>()));
        Assert.DoesNotContain(await DeliveriesAsync(admin, entries), d => d["event"]!.GetValue<string>() == WebhookEvents.BuildFinished);
    }

    [Fact]
    public async Task A_switched_off_webhook_gets_no_deliveries_and_the_secret_is_never_listed()
    {
        var admin = await cms.AdminClientAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var hook = await CreateHookAsync(admin, receiver.Url, WebhookEvents.EntryPublished, WebhookEvents.EntryUnpublished);
        var secret = hook["secret"]!.GetValue<string>();

        var updated = await admin.PutAsJsonAsync($"{Hooks}/{hook["id"]}", new { active = false });
        var listText = await (await admin.GetAsync(Hooks)).Content.ReadAsStringAsync();
        var getText = await (await admin.GetAsync($"{Hooks}/{hook["id"]}")).Content.ReadAsStringAsync();
        var entry = await admin.CreateAsync(ApiJson.Article(ApiJson.NewSection()));
        await admin.MoveAsync(entry, "publish");

        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var info = await updated.JsonAsync();
        Assert.False(info["active"]!.GetValue<bool>());
        Assert.Equal([WebhookEvents.EntryPublished, WebhookEvents.EntryUnpublished], info["events"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Null(info["secret"]);
        Assert.DoesNotContain(secret, listText, StringComparison.Ordinal);
        Assert.DoesNotContain("\"secret\"", listText, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, getText, StringComparison.Ordinal);
        Assert.DoesNotContain("\"secret\"", getText, StringComparison.Ordinal);
        Assert.Empty(await DeliveriesAsync(admin, hook));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Hooks}/{hook["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Hooks}/{hook["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Hooks}/{hook["id"]}/deliveries")).StatusCode);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/hook")]
    [InlineData("/relative/hook")]
    [InlineData("http://user:password@127.0.0.1/hook")]
    [InlineData("http://127.0.0.1/hook#part")]
    [InlineData("not a url")]
    [InlineData("")]
    public async Task A_bad_url_is_refused_with_a_problem_naming_the_url_field(string url)
    {
        var admin = await cms.AdminClientAsync();
        var hook = await admin.PostAsJsonAsync(Hooks, new { url, events = new[] { WebhookEvents.EntryPublished } });

        Assert.Equal(HttpStatusCode.BadRequest, hook.StatusCode);
        Assert.Equal(["url"], await hook.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Too_long_a_url_and_unknown_or_missing_events_are_refused_naming_each_field()
    {
        var admin = await cms.AdminClientAsync();
        var existing = await CreateHookAsync(admin, "http://127.0.0.1:9/hook", WebhookEvents.EntryPublished);

        string[] unknown = ["entry.deleted"];
        var tooLong = await admin.PostAsJsonAsync(Hooks, new { url = "http://127.0.0.1/" + new string('a', WebhookRules.MaxUrlLength), events = unknown });
        var none = await admin.PostAsJsonAsync(Hooks, new { url = "http://127.0.0.1/hook" });
        var badUpdate = await admin.PutAsJsonAsync($"{Hooks}/{existing["id"]}", new { url = "javascript:alert(1)", events = Array.Empty<string>() });

        Assert.Equal(["events", "url"], await tooLong.ErrorFieldsAsync());
        Assert.Equal(["events"], await none.ErrorFieldsAsync());
        Assert.Equal(["events", "url"], await badUpdate.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync($"{Hooks}/{Guid.NewGuid()}", new { active = true })).StatusCode);
    }

    [Fact]
    public async Task Only_admins_may_see_or_change_webhooks()
    {
        var admin = await cms.AdminClientAsync();
        var hook = await CreateHookAsync(admin, "http://127.0.0.1:9/hook", WebhookEvents.EntryPublished);
        var editor = await cms.ClientAsAsync(Roles.Editor);
        var body = new { url = "http://127.0.0.1:9/other", events = new[] { WebhookEvents.EntryPublished } };

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(Hooks)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsJsonAsync(Hooks, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync($"{Hooks}/{hook["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PutAsJsonAsync($"{Hooks}/{hook["id"]}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.DeleteAsync($"{Hooks}/{hook["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync($"{Hooks}/{hook["id"]}/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cms.CreateClient().GetAsync(Hooks)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"{Hooks}/{hook["id"]}")).StatusCode);
    }

    private static async Task<JsonNode> CreateHookAsync(HttpClient admin, string url, params string[] events)
    {
        var response = await admin.PostAsJsonAsync(Hooks, new { url, events });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    private static async Task<List<JsonNode>> DeliveriesAsync(HttpClient admin, JsonNode hook)
    {
        var page = await (await admin.GetAsync($"{Hooks}/{hook["id"]}/deliveries?pageSize=100")).JsonAsync();
        return [.. page["items"]!.AsArray().Select(d => d!)];
    }

    private static Task<JsonNode> WaitForDeliveryAsync(HttpClient admin, JsonNode hook, string eventType, JsonNode entry, string status) =>
        WaitForAsync(admin, hook, d => d["event"]!.GetValue<string>() == eventType && d["status"]!.GetValue<string>() == status && EntryOf(d) == entry["id"]!.GetValue<Guid>());

    /// <summary>The entry a delivery is about, from the payload the deliveries API shows.</summary>
    private static Guid? EntryOf(JsonNode delivery) => delivery["payload"]?["data"]?["id"]?.GetValue<Guid>();

    /// <summary>Polls the deliveries API until one matches (and, if given, the whole list is done), or fails after a generous deadline; never a fixed sleep.</summary>
    private static async Task<JsonNode> WaitForAsync(HttpClient admin, JsonNode hook, Func<JsonNode, bool> match, Func<List<JsonNode>, bool>? done = null)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        List<JsonNode> seen = [];
        while (DateTimeOffset.UtcNow < deadline)
        {
            seen = await DeliveriesAsync(admin, hook);
            if (seen.FirstOrDefault(match) is { } found && (done is null || done(seen)))
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException($"no matching delivery within the deadline; deliveries: {string.Join("\n", seen.Select(d => d.ToJsonString()))}");
    }

    private static void AssertSigned(JsonNode hook, WebhookReceiver.Received received)
    {
        // Computed here independently of the CMS's own code, as a receiver would.
        var key = Encoding.UTF8.GetBytes(hook["secret"]!.GetValue<string>());
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(received.Body)));
        Assert.Equal(expected, received.Signature);
    }
}

/// <summary>
/// A CMS of the given kind with retry delays and polling shrunk to fractions of a second, so retries happen within
/// a test. It wraps a <see cref="CmsFactory"/> (never started itself) with those settings added, and disposing it
/// disposes the wrapped one, which removes the data folder or database.
/// </summary>
public sealed class WebhookCms<TCms> : IAsyncLifetime where TCms : CmsFactory, new()
{
    public static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(600)];

    private readonly TCms _cms = new();
    private WebApplicationFactory<Program>? _host;
    private string? _adminToken;

    public IServiceProvider Services => Host.Services;

    private WebApplicationFactory<Program> Host => _host ?? throw new InvalidOperationException("not started");

    public Task InitializeAsync()
    {
        _host = AnotherNode();
        _ = _host.Services; // starts the host: migrations, admin, demo import
        return Task.CompletedTask;
    }

    /// <summary>Another CMS node on the same store and data folder, as when several run behind a load balancer.</summary>
    public WebApplicationFactory<Program> AnotherNode() =>
        _cms.WithWebHostBuilder(builder =>
        {
            for (var i = 0; i < RetryDelays.Length; i++)
            {
                builder.UseSetting($"{WebhookOptions.SectionName}:RetryDelays:{i}", RetryDelays[i].ToString("c", System.Globalization.CultureInfo.InvariantCulture));
            }

            builder.UseSetting($"{WebhookOptions.SectionName}:PollInterval", "00:00:00.050");
            builder.UseSetting($"{WebhookOptions.SectionName}:Timeout", "00:00:05");
        });

    public async Task DisposeAsync() => await _cms.DisposeAsync();

    public HttpClient CreateClient() => Host.CreateClient();

    public async Task<HttpClient> AdminClientAsync()
    {
        if (_adminToken is null)
        {
            using var scope = Services.CreateScope();
            var admin = await scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>().FindByEmailAsync(CmsFactory.AdminEmail)
                ?? throw new InvalidOperationException("the admin was not seeded");
            (_, _adminToken) = await scope.ServiceProvider.GetRequiredService<TokenService>()
                .IssueAsync(admin.Id, "tests", "write", TimeSpan.FromHours(2), isSession: false, CancellationToken.None);
        }

        return WithToken(_adminToken);
    }

    public async Task<HttpClient> ClientAsAsync(string role)
    {
        using var scope = Services.CreateScope();
        var email = $"{role}-{Guid.NewGuid():N}@test.local";
        var user = new CmsUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>().CreateAsync(user, "Passw0rd-" + Guid.NewGuid().ToString("N")[..8]);
        Assert.True(created.Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        db.Grants.Add(new AccessGrant { UserId = user.Id, Role = role, Sections = "" });
        await db.SaveChangesAsync();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<TokenService>()
            .IssueAsync(user.Id, "test", "write", TimeSpan.FromHours(1), isSession: false, CancellationToken.None);
        return WithToken(secret);
    }

    private HttpClient WithToken(string token)
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

/// <summary>
/// A webhook receiver on 127.0.0.1 and a free port: records every request with its raw body and headers, and answers
/// with the status <c>respond</c> gives for the how-many-th request of that delivery it is, after <c>slowness</c>.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _requests = new();
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private int _redirected;

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>One request as received.</summary>
    public sealed record Received(string DeliveryId, string Event, string Signature, string? ContentType, string Body);

    public string Url { get; private set; } = "";

    public IReadOnlyList<Received> Requests => [.. _requests];

    /// <summary>How many times a redirect from this receiver was followed (it must stay 0).</summary>
    public int Redirected => Volatile.Read(ref _redirected);

    public static async Task<WebhookReceiver> StartAsync(Func<int, int>? respond = null, TimeSpan slowness = default)
    {
        respond ??= _ => 200;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers;
            var delivery = headers["X-PopCulture-Delivery"].ToString();
            receiver._requests.Enqueue(new Received(delivery, headers["X-PopCulture-Event"].ToString(), headers["X-PopCulture-Signature"].ToString(), context.Request.ContentType, body));
            var status = respond(receiver._counts.AddOrUpdate(delivery, 1, (_, n) => n + 1));
            await Task.Delay(slowness);
            if (status is >= 300 and < 400)
            {
                context.Response.Headers.Location = "/redirected";
            }

            context.Response.StatusCode = status;
        });
        app.Map("/redirected", () =>
        {
            Interlocked.Increment(ref receiver._redirected);
            return Results.Ok();
        });
        await app.StartAsync();
        receiver.Url = app.Urls.Single().TrimEnd('/') + "/hook";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed class SqliteWebhooksApiTests(WebhookCms<SqliteCms> cms) : WebhooksApiTests<SqliteCms>(cms);

public sealed class PostgresWebhooksApiTests(WebhookCms<PostgresCms> cms) : WebhooksApiTests<PostgresCms>(cms);
