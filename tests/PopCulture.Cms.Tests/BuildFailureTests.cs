using System.Net;
using System.Text.Json.Nodes;

namespace PopCulture.Cms.Tests;

/// <summary>
/// A build that the disk stops is recorded as failed, not left "running", and the site before it stays live; a build whose
/// cache cannot be saved after the swap is live and says what went wrong.
/// </summary>
public sealed class BuildFailureTests(SqliteCms cms) : IClassFixture<SqliteCms>
{
    [Fact]
    public async Task A_build_that_cannot_open_the_site_folder_is_recorded_as_failed_and_the_next_one_succeeds()
    {
        var admin = await cms.AdminClientAsync();
        var live = LiveSlot();
        // The output folder's lock file: a folder in its place cannot be opened, so the build stops before it writes a file.
        var lockPath = Path.Combine(cms.DataDirectory, ".site.lock");
        File.Delete(lockPath);
        Directory.CreateDirectory(lockPath);

        var failed = await RebuildAsync(admin);

        Assert.Equal("failed", failed["status"]!.GetValue<string>());
        Assert.NotNull(failed["finishedAt"]?.GetValue<DateTimeOffset>());
        Assert.Equal(1, failed["errors"]!.GetValue<int>());
        var problem = Assert.Single(failed["problems"]!.AsArray())!.GetValue<string>();
        Assert.StartsWith(Path.Combine(cms.DataDirectory, "site") + ": the build stopped before the new site went live", problem, StringComparison.Ordinal);
        Assert.Equal(live, LiveSlot());
        Assert.Equal(HttpStatusCode.OK, (await cms.CreateClient().GetAsync("/parks/")).StatusCode);

        Directory.Delete(lockPath);
        var next = await RebuildAsync(admin);
        Assert.True(next["status"]!.GetValue<string>() == "succeeded", next["problems"]!.ToJsonString());
        Assert.NotEqual(live, LiveSlot());
    }

    [Fact]
    public async Task A_build_whose_cache_cannot_be_saved_goes_live_and_warns()
    {
        var admin = await cms.AdminClientAsync();
        var live = LiveSlot();
        // Where build manifests are kept: a file in its place makes saving the new manifest, after the swap, fail.
        var manifests = Path.Combine(cms.DataDirectory, ".popculture-cache", "builds");
        Directory.Delete(manifests, recursive: true);
        await File.WriteAllTextAsync(manifests, "in the way");
        try
        {
            var build = await RebuildAsync(admin);

            Assert.True(build["status"]!.GetValue<string>() == "succeeded", build["problems"]!.ToJsonString());
            Assert.NotEqual(live, LiveSlot());
            Assert.True(build["warnings"]!.GetValue<int>() >= 1);
            Assert.Contains(build["problems"]!.AsArray(), p => p!.GetValue<string>().Contains(
                "the new site is live, but saving its build cache or tidying the spare copy failed, so a CMS started afresh renders every page once", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(manifests);
        }
    }

    /// <summary>Asks for a full rebuild and waits for it to end, whatever the builds before it did.</summary>
    private static async Task<JsonNode> RebuildAsync(HttpClient admin)
    {
        var started = DateTimeOffset.UtcNow;
        var earlier = await BuildHistory.RecentAsync(admin, started);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/api/v1/manage/builds", null)).StatusCode);
        return await BuildHistory.WaitForFinishedAsync(admin, started, reason => reason.StartsWith("full rebuild", StringComparison.Ordinal), [.. earlier]);
    }

    /// <summary>The output slot the site folder points at: a build that went live has swapped it.</summary>
    private string? LiveSlot() => new DirectoryInfo(Path.Combine(cms.DataDirectory, "site")).LinkTarget;
}
