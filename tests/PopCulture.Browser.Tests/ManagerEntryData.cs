using Microsoft.Extensions.DependencyInjection;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;

namespace PopCulture.Browser.Tests;

/// <summary>One draft made in the CMS's store with the revisions given, oldest first: the entry is at the last one.</summary>
internal static class ManagerEntryData
{
    private static readonly string[] Tags = ["测试"];

    public static async Task<Guid> AddAsync(IServiceProvider services, string section, string title, params string[] bodies)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var at = DateTimeOffset.UtcNow;
        var frontMatter = System.Text.Json.JsonSerializer.Serialize(new { title, date = "2013-05-01", summary = "摘要", tags = Tags });
        var entry = new ContentEntry
        {
            Id = Guid.NewGuid(),
            Section = section,
            Slug = "entry",
            Type = "article",
            Title = title,
            ContentPath = $"{section}/entry.md",
            FrontMatter = frontMatter,
            Body = bodies[^1],
            Tags = "|测试|",
            Revision = bodies.Length,
            CreatedAt = at,
            UpdatedAt = at,
            UpdatedBy = "seed@browser.test",
        };
        db.Entries.Add(entry);
        for (var i = 0; i < bodies.Length; i++)
        {
            db.Revisions.Add(new ContentRevision
            {
                EntryId = entry.Id, Number = i + 1, Section = section, Slug = entry.Slug, FrontMatter = frontMatter, Body = bodies[i],
                CreatedAt = at.AddMinutes(i - bodies.Length), CreatedBy = "seed@browser.test", Note = i == 0 ? "created" : "saved",
            });
        }

        await db.SaveChangesAsync();
        return entry.Id;
    }
}
