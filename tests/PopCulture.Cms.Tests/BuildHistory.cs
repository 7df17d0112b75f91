using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PopCulture.Cms.Tests;

/// <summary>Waiting for site builds through the builds API, with a deadline rather than a fixed sleep.</summary>
internal static class BuildHistory
{
    /// <summary>The first finished build requested after <paramref name="since"/> with a matching reason; it must have succeeded.</summary>
    public static async Task<JsonNode> WaitForAsync(HttpClient admin, DateTimeOffset since, Func<string, bool> reason)
    {
        var build = await WaitForFinishedAsync(admin, since, reason);
        Assert.True(build["status"]!.GetValue<string>() == "succeeded", build["problems"]!.ToJsonString());
        return build;
    }

    /// <summary>
    /// The first finished build requested after <paramref name="since"/> with a matching reason, however it ended, other
    /// than the <paramref name="seen"/> ones.
    /// </summary>
    public static async Task<JsonNode> WaitForFinishedAsync(HttpClient admin, DateTimeOffset since, Func<string, bool> reason, params JsonNode[] seen)
    {
        var skipped = seen.Select(b => b["id"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var deadline = DateTimeOffset.UtcNow.AddMinutes(3);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var build = (await RecentAsync(admin, since)).FirstOrDefault(b =>
                b["status"]!.GetValue<string>() != "running" && !skipped.Contains(b["id"]!.GetValue<string>()) && b["reasons"]!.AsArray().Any(r => reason(r!.GetValue<string>())));
            if (build is not null)
            {
                return build;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("no matching build finished within three minutes");
    }

    /// <summary>Builds requested after <paramref name="since"/> (less a second for clock rounding), newest first.</summary>
    public static async Task<List<JsonNode>> RecentAsync(HttpClient admin, DateTimeOffset since)
    {
        var page = await admin.GetFromJsonAsync<JsonNode>("/api/v1/manage/builds?pageSize=50");
        return [.. page!["items"]!.AsArray().Select(b => b!).Where(b => b["requestedAt"]!.GetValue<DateTimeOffset>() >= since.AddSeconds(-1))];
    }
}
