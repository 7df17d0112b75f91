using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using PopCulture.Cms.Data;
using PopCulture.Cms.Media;

namespace PopCulture.Cms.Tests;

/// <summary>Media library data for the manager's media screen tests: rows of a folder of their own, and real uploads.</summary>
internal static class ManagerMediaData
{
    /// <summary>A folder name no other test uses.</summary>
    public static string NewFolder() => "m" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>
    /// Library rows written straight to the database, newest last (the grid shows them first): enough rows for paging
    /// without decoding hundreds of images. Their files are never opened by these tests.
    /// </summary>
    public static async Task<List<MediaItem>> AddRowsAsync(CmsFactory cms, string folder, int count, Func<int, MediaItem, MediaItem>? shape = null)
    {
        using var scope = cms.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var start = DateTimeOffset.UtcNow.AddDays(-1);
        var rows = new List<MediaItem>();
        for (var i = 0; i < count; i++)
        {
            var item = new MediaItem
            {
                Id = Guid.NewGuid(),
                Kind = "image",
                ContentType = "image/jpeg",
                StoredName = "original.jpg",
                OriginalName = $"photo-{i:000}.jpg",
                Sha256 = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
                Bytes = 1000 + i,
                Width = 800,
                Height = 600,
                Folder = folder,
                Title = $"照片 {i:000}",
                CreatedAt = start.AddSeconds(i),
                UpdatedAt = start.AddSeconds(i),
            };
            rows.Add(shape is null ? item : shape(i, item));
        }

        db.Media.AddRange(rows);
        await db.SaveChangesAsync();
        return rows;
    }

    /// <summary>A PNG uploaded through the media API as the admin; answers its id.</summary>
    public static async Task<Guid> UploadAsync(CmsFactory cms, string? alt = null, string folder = "")
    {
        var admin = await cms.AdminClientAsync();
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(CraftedFiles.Png(64, 48));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(file, "file", "picture.png");
        content.Add(new StringContent(alt ?? ""), "alt");
        content.Add(new StringContent(folder), "folder");
        var response = await admin.PostAsync("/api/v1/manage/media", content);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return Guid.Parse((await response.JsonAsync())["id"]!.GetValue<string>());
    }

    public static async Task<MediaItem?> FindAsync(CmsFactory cms, Guid id)
    {
        using var scope = cms.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CmsDbContext>().Media.FindAsync(id);
    }

    /// <summary>The antiforgery token of any manager page (the sign-out form carries one), to forge posts the page does not offer.</summary>
    public static async Task<string> TokenAsync(ManagerVisitor visitor) =>
        ManagerForm.Values(await visitor.PageAsync("/manager"), "header form")["__RequestVerificationToken"];

    /// <summary>The titles of the grid's tiles, in order.</summary>
    public static string[] Tiles(IHtmlDocument page) => [.. page.QuerySelectorAll(".media-grid .media-name").Select(t => t.TextContent.Trim())];
}
