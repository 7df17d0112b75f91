using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Workflow;

namespace PopCulture.Cms.Tests;

/// <summary>
/// Working copies written straight to the store, with the times and states a list test needs to control, and waited
/// for until the management search index holds them (searched lists read it).
/// </summary>
internal static class ManagerEntries
{
    public static async Task<List<ContentEntry>> AddAsync(CmsFactory cms, string section, int count, Func<int, ContentEntry, ContentEntry>? shape = null)
    {
        using var scope = cms.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var entries = new List<ContentEntry>();
        for (var i = 0; i < count; i++)
        {
            var entry = New(section, $"entry-{i:D3}", $"条目 {i:D3}", ["测试"], start.AddMinutes(i));
            entries.Add(shape is null ? entry : shape(i, entry));
        }

        db.Entries.AddRange(entries);
        // Real saves write an audit row in their transaction; the search refresher looks for a new one every second.
        db.Audit.Add(new Auditing.AuditEntry { At = DateTimeOffset.UtcNow, Action = "test.seed", Target = section });
        await db.SaveChangesAsync();
        await IndexedAsync(cms, section, await db.Entries.CountAsync(e => e.Section == section));
        return entries;
    }

    /// <summary>Waits until the management search index holds <paramref name="count"/> working copies of <paramref name="section"/>.</summary>
    public static async Task IndexedAsync(CmsFactory cms, string section, int count)
    {
        var index = cms.Services.GetRequiredService<Search.SearchIndexes>().Manage;
        var request = new Search.SearchRequest("", new Dictionary<string, string> { ["section"] = section }, 1, 1);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (index.Search(request).Total != count)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"the search index did not take the {count} entries of {section} within 30 s");
            await Task.Delay(50);
        }
    }

    public static ContentEntry New(string section, string slug, string title, string[] tags, DateTimeOffset updated, WorkflowStatus status = WorkflowStatus.Draft, string? by = null) =>
        new()
        {
            Id = Guid.NewGuid(),
            Section = section,
            Slug = slug,
            Type = "article",
            Title = title,
            ContentPath = $"{section}/{slug}.md",
            FrontMatter = JsonSerializer.Serialize(new { title, date = "2013-05-01", summary = "摘要", tags }),
            Body = "正文。",
            Tags = tags.Length == 0 ? "" : "|" + string.Join('|', tags) + "|",
            Status = status,
            Revision = 1,
            CreatedAt = updated,
            UpdatedAt = updated,
            UpdatedBy = by ?? "seed@test.local",
        };
}
