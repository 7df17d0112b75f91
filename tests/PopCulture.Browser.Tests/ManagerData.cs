using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;

namespace PopCulture.Browser.Tests;

/// <summary>What a manager test works on, made in the CMS's store: a section of its own, its entries, an editor limited to it.</summary>
internal static class ManagerData
{
    private static readonly string[] Tags = ["测试"];

    private static int _addresses;

    /// <summary>
    /// Makes the CMS see <paramref name="page"/>'s requests as coming from an address no other test uses. Password
    /// sign-in is rate-limited per address, and every test of a class signs in to one CMS from 127.0.0.1 within a
    /// minute; the CMS believes X-Forwarded-For from loopback, as from a proxy on the same machine.
    /// </summary>
    public static Task UseOwnAddressAsync(Microsoft.Playwright.IPage page)
    {
        var n = Interlocked.Increment(ref _addresses);
        return page.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["X-Forwarded-For"] = $"10.77.{n / 250}.{n % 250 + 1}" });
    }

    public static string NewSection() => "t" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>An editor of <paramref name="section"/> only, and the password they sign in with.</summary>
    public static Task<(string Email, string Password)> EditorAsync(IServiceProvider services, string section) =>
        UserAsync(services, Roles.Editor, section);

    /// <summary>A user with <paramref name="role"/> in <paramref name="section"/> only, and the password they sign in with.</summary>
    public static async Task<(string Email, string Password)> UserAsync(IServiceProvider services, string role, string section)
    {
        using var scope = services.CreateScope();
        var email = $"{role}-{Guid.NewGuid():N}@browser.test";
        var password = "Passw0rd-" + Guid.NewGuid().ToString("N")[..8];
        var user = new CmsUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>().CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        db.Grants.Add(new AccessGrant { UserId = user.Id, Role = role, Sections = section });
        await db.SaveChangesAsync();
        return (email, password);
    }

    /// <summary><paramref name="count"/> drafts titled 条目 000… in <paramref name="section"/>, one minute apart (条目 000 oldest).</summary>
    public static async Task AddEntriesAsync(IServiceProvider services, string section, int count)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var title = $"条目 {i:D3}";
            db.Entries.Add(new ContentEntry
            {
                Id = Guid.NewGuid(),
                Section = section,
                Slug = $"entry-{i:D3}",
                Type = "article",
                Title = title,
                ContentPath = $"{section}/entry-{i:D3}.md",
                FrontMatter = System.Text.Json.JsonSerializer.Serialize(new { title, date = "2013-05-01", tags = Tags }),
                Body = "正文。",
                Tags = "|测试|",
                Revision = 1,
                CreatedAt = start.AddMinutes(i),
                UpdatedAt = start.AddMinutes(i),
                UpdatedBy = "seed@browser.test",
            });
        }

        await db.SaveChangesAsync();
    }
}
