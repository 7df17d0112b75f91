using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using PopCulture.Cms.Identity;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;

namespace PopCulture.Cms.Tests;

/// <summary>
/// The media library through its API: what it accepts and how it stores it, the hostile and broken files it refuses
/// without leaving anything behind, its limits, and listing, editing and deleting.
/// </summary>
public abstract class MediaApiTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    private const string Manage = "/api/v1/manage/media";

    [Theory]
    [InlineData("photo.jpg", "image", "image/jpeg")]
    [InlineData("picture.png", "image", "image/png")]
    [InlineData("picture.webp", "image", "image/webp")]
    [InlineData("animation.gif", "image", "image/gif")]
    [InlineData("leaflet.pdf", "pdf", "application/pdf")]
    [InlineData("clip.mp4", "video", "video/mp4")]
    public async Task Each_kind_is_accepted_with_its_sniffed_type_and_served_as_stored(string fileName, string kind, string contentType)
    {
        var admin = await cms.AdminClientAsync();
        var bytes = ValidFile(fileName);

        var response = await UploadAsync(admin, bytes, fileName);
        var document = await response.JsonAsync();
        var original = await cms.CreateClient().GetAsync(document["url"]!.GetValue<string>());
        var served = await original.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = document["id"]!.ToString();
        Assert.EndsWith($"/{id}", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal($"/api/v1/media/{id}/original", document["url"]!.GetValue<string>());
        Assert.Equal(kind, document["kind"]!.GetValue<string>());
        Assert.Equal(contentType, document["contentType"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal(contentType, original.Content.Headers.ContentType!.MediaType);
        Assert.Equal(served.Length, document["bytes"]!.GetValue<long>());
        if (kind == "image")
        {
            Assert.Equal(64, document["width"]!.GetValue<int>());
            Assert.Equal(48, document["height"]!.GetValue<int>());
        }
        else
        {
            Assert.Null(document["width"]);
            Assert.Null(document["height"]);
            Assert.Equal(bytes, served); // documents and videos are kept byte for byte
        }
    }

    [Fact]
    public async Task A_phone_jpeg_is_stored_upright_without_its_gps_position_and_cached_for_ever()
    {
        var admin = await cms.AdminClientAsync();
        var jpeg = CraftedFiles.JpegWithGpsAndOrientation(40, 20);
        using (var sent = Image.Load(jpeg))
        {
            // The premise: what is uploaded really carries a position and a rotation.
            Assert.NotNull(sent.Metadata.ExifProfile?.GetValue(ExifTag.GPSLatitude));
            Assert.Equal((ushort)6, sent.Metadata.ExifProfile!.GetValue(ExifTag.Orientation)!.Value);
            Assert.Equal((40, 20), (sent.Width, sent.Height));
        }

        var response = await UploadAsync(admin, jpeg, "IMG_0001.jpg");
        var document = await response.JsonAsync();
        var original = await cms.CreateClient().GetAsync(document["url"]!.GetValue<string>());
        using var stored = Image.Load(await original.Content.ReadAsByteArrayAsync());
        var exif = stored.Metadata.ExifProfile;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal((20, 40), (document["width"]!.GetValue<int>(), document["height"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Contains("immutable", original.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.NotNull(original.Headers.ETag);
        Assert.Equal((20, 40), (stored.Width, stored.Height));
        Assert.Null(exif?.GetValue(ExifTag.GPSLatitude));
        Assert.Null(exif?.GetValue(ExifTag.GPSLongitude));
        Assert.Null(exif?.GetValue(ExifTag.GPSLatitudeRef));
        Assert.Null(exif?.GetValue(ExifTag.GPSLongitudeRef));
        // Rotated pixels with the rotation still recorded would be turned twice by every viewer.
        Assert.True(exif?.GetValue(ExifTag.Orientation) is null or { Value: 1 }, $"orientation {exif?.GetValue(ExifTag.Orientation)?.Value}");
    }

    [Fact]
    public async Task Metadata_sent_with_the_file_is_kept_and_the_item_shows_its_usage()
    {
        var admin = await cms.AdminClientAsync();
        var folder = $"{ApiJson.NewSection()}/gusu";
        var tag = ApiJson.NewSection();

        var response = await UploadAsync(admin, CraftedFiles.Png(64, 48), "garden.png", new()
        {
            ["title"] = "拙政园远香堂",
            ["alt"] = "荷花池边的远香堂",
            ["caption"] = "夏天的远香堂",
            ["credit"] = "摄影：测试",
            ["folder"] = folder,
            ["tags"] = $"园林,{tag}",
            ["focalX"] = "0.25",
            ["focalY"] = "0.75",
        });
        var created = await response.JsonAsync();
        var one = await admin.GetAsync($"{Manage}/{created["id"]}");
        var item = await one.JsonAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        foreach (var document in new[] { created, item })
        {
            Assert.Equal("拙政园远香堂", document["title"]!.GetValue<string>());
            Assert.Equal("荷花池边的远香堂", document["alt"]!.GetValue<string>());
            Assert.Equal("夏天的远香堂", document["caption"]!.GetValue<string>());
            Assert.Equal("摄影：测试", document["credit"]!.GetValue<string>());
            Assert.Equal(folder, document["folder"]!.GetValue<string>());
            Assert.Equal(["园林", tag], document["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
            Assert.Equal(0.25, document["focalX"]!.GetValue<double>());
            Assert.Equal(0.75, document["focalY"]!.GetValue<double>());
            Assert.False(string.IsNullOrEmpty(document["createdBy"]!.ToString()));
            Assert.True(DateTimeOffset.TryParse(document["createdAt"]!.GetValue<string>(), CultureInfo.InvariantCulture, out _));
        }

        Assert.Empty(item["usage"]!.AsArray());
    }

    [Theory]
    [InlineData(Roles.Editor, "write", HttpStatusCode.Created)]
    [InlineData(Roles.Author, "write", HttpStatusCode.Created)]
    [InlineData(Roles.Reviewer, "write", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Editor, "read", HttpStatusCode.Forbidden)]
    public async Task Editors_and_authors_upload_but_reviewers_and_read_tokens_may_not(string role, string scope, HttpStatusCode expected)
    {
        var client = await cms.ClientAsAsync(role, scope: scope);

        if (expected == HttpStatusCode.Created)
        {
            Assert.Equal(expected, (await UploadAsync(client, CraftedFiles.Png(8, 8), "small.png")).StatusCode);
        }
        else
        {
            await AssertRefusedAsync(client, CraftedFiles.Png(8, 8), "small.png", expected);
        }
    }

    [Fact]
    public async Task Anonymous_uploads_are_401_and_store_nothing()
    {
        await AssertRefusedAsync(cms.CreateClient(), CraftedFiles.Png(8, 8), "small.png", HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("html page")]
    [InlineData("html page named as a png")]
    [InlineData("windows executable")]
    [InlineData("windows executable named as a jpeg")]
    [InlineData("plain text")]
    [InlineData("svg with a script")]
    [InlineData("svg named as a png")]
    [InlineData("gif with a script comment")]
    [InlineData("png with a script text chunk")]
    [InlineData("jpeg with html after its end")]
    [InlineData("jpeg with a script comment segment")]
    [InlineData("png named as a jpeg")]
    [InlineData("jpeg named as a pdf")]
    [InlineData("png bomb")]
    [InlineData("gif bomb")]
    [InlineData("truncated jpeg")]
    [InlineData("truncated png")]
    [InlineData("corrupt jpeg")]
    [InlineData("corrupt png")]
    [InlineData("empty file")]
    public async Task A_hostile_or_broken_file_is_a_400_naming_the_file_and_nothing_is_stored(string crafted)
    {
        var (fileName, bytes) = Refused(crafted);

        await AssertRefusedAsync(await cms.AdminClientAsync(), bytes, fileName, HttpStatusCode.BadRequest, "file");
    }

    [Theory]
    [InlineData("focalX", "2", "focalX")]
    [InlineData("focalX", "-0.1", "focalX")]
    [InlineData("focalY", "1.5", "focalY")]
    [InlineData("focalY", "middle", "focalY")]
    [InlineData("folder", "Bad Folder", "folder")]
    [InlineData("folder", "../etc", "folder")]
    [InlineData("folder", "parks//gusu", "folder")]
    public async Task Bad_metadata_is_a_400_naming_its_field_and_nothing_is_stored(string name, string value, string field)
    {
        await AssertRefusedAsync(await cms.AdminClientAsync(), CraftedFiles.Png(8, 8), "fine.png", HttpStatusCode.BadRequest, field, new() { [name] = value });
    }

    [Fact]
    public async Task A_pdf_over_the_default_20_mb_limit_is_413_and_nothing_is_stored()
    {
        await AssertRefusedAsync(await cms.AdminClientAsync(), CraftedFiles.OversizePdf(21 * 1024 * 1024), "huge.pdf", HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Configured_limits_per_kind_answer_413_and_smaller_files_still_pass()
    {
        await using var limited = cms.WithWebHostBuilder(b => b
            .UseSetting("PopCulture:Media:MaxPdfBytes", "1048576")
            .UseSetting("PopCulture:Media:MaxImageBytes", "1048576"));
        var admin = limited.CreateClient();
        admin.DefaultRequestHeaders.Authorization = (await cms.AdminClientAsync()).DefaultRequestHeaders.Authorization;
        var bigPng = CraftedFiles.NoisyPng(700, 700);
        Assert.True(bigPng.Length > 1_048_576, $"the noisy PNG is only {bigPng.Length} bytes");

        await AssertRefusedAsync(admin, CraftedFiles.OversizePdf(1_500_000), "big.pdf", HttpStatusCode.RequestEntityTooLarge);
        await AssertRefusedAsync(admin, bigPng, "big.png", HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(admin, CraftedFiles.Pdf(), "small.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(admin, CraftedFiles.Png(64, 48), "small.png")).StatusCode);
    }

    [Fact]
    public async Task Client_file_names_never_become_paths_in_the_library()
    {
        var admin = await cms.AdminClientAsync();

        var traversal = await UploadAsync(admin, CraftedFiles.Jpeg(16, 16), "../../etc/passwd.jpg");
        var backslash = await UploadAsync(admin, CraftedFiles.Png(16, 16), "a\\b.png");
        var absolute = await UploadAsync(admin, CraftedFiles.Png(16, 16), "/tmp/evil.png");

        Assert.Equal(HttpStatusCode.Created, traversal.StatusCode);
        Assert.Equal(HttpStatusCode.Created, backslash.StatusCode);
        Assert.Equal(HttpStatusCode.Created, absolute.StatusCode);
        var everything = Directory.EnumerateFileSystemEntries(cms.DataDirectory, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(cms.DataDirectory, path)).ToList();
        Assert.DoesNotContain(everything, path => path.Contains("passwd", StringComparison.Ordinal));
        Assert.DoesNotContain(everything, path => path.Contains("evil", StringComparison.Ordinal));
        Assert.DoesNotContain(LibraryFiles(), path => path.Contains('\\', StringComparison.Ordinal) || Path.GetFileName(path) is "b.png" or "a\\b.png");
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(cms.DataDirectory)!, "etc", "passwd.jpg")));
    }

    [Fact]
    public async Task Lists_filter_by_kind_folder_tag_and_text_with_paging()
    {
        var admin = await cms.AdminClientAsync();
        var folder = ApiJson.NewSection();
        var otherFolder = ApiJson.NewSection();
        var tag = ApiJson.NewSection();
        var unique = ApiJson.NewSection();
        var taggedImage = await CreatedIdAsync(admin, CraftedFiles.Png(8, 8), "a.png", new() { ["title"] = $"沧浪亭 {unique}", ["folder"] = folder, ["tags"] = tag });
        var taggedPdf = await CreatedIdAsync(admin, CraftedFiles.Pdf(), "b.pdf", new() { ["title"] = "导览图", ["folder"] = folder, ["tags"] = tag });
        var untaggedImage = await CreatedIdAsync(admin, CraftedFiles.Jpeg(8, 8), "c.jpg", new() { ["title"] = "网师园", ["folder"] = folder });
        var elsewhere = await CreatedIdAsync(admin, CraftedFiles.Gif(8, 8), "d.gif", new() { ["title"] = "留园", ["folder"] = otherFolder, ["tags"] = tag });

        Assert.Equal(Sorted(taggedImage, untaggedImage), await ListIdsAsync(admin, $"kind=image&folder={folder}"));
        Assert.Equal(Sorted(taggedImage, taggedPdf), await ListIdsAsync(admin, $"folder={folder}&tag={tag}"));
        Assert.Equal(Sorted(elsewhere, taggedImage), await ListIdsAsync(admin, $"kind=image&tag={tag}"));
        Assert.Equal([taggedImage], await ListIdsAsync(admin, $"q={unique}"));
        var page = await (await admin.GetAsync($"{Manage}?folder={folder}&pageSize=2&page=2")).JsonAsync();
        Assert.Equal(3, page["total"]!.GetValue<int>());
        Assert.Single(page["items"]!.AsArray());
    }

    [Fact]
    public async Task Put_replaces_the_metadata_and_refuses_bad_values_naming_the_field()
    {
        var admin = await cms.AdminClientAsync();
        var id = await CreatedIdAsync(admin, CraftedFiles.Png(8, 8), "x.png", new() { ["title"] = "旧标题", ["tags"] = "old" });
        var folder = $"{ApiJson.NewSection()}/huqiu";
        var update = new { title = "虎丘塔", alt = "斜塔", caption = "云岩寺塔", credit = "测试", folder, tags = new[] { "塔", "古迹" }, focalX = 0.5, focalY = 0.1 };

        var updated = await admin.PutAsJsonAsync($"{Manage}/{id}", update);
        var read = await (await admin.GetAsync($"{Manage}/{id}")).JsonAsync();
        var badFolder = await admin.PutAsJsonAsync($"{Manage}/{id}", update with { folder = "Bad Folder" });
        var badFocus = await admin.PutAsJsonAsync($"{Manage}/{id}", update with { focalY = 1.5 });
        var missing = await admin.PutAsJsonAsync($"{Manage}/{Guid.NewGuid():N}", update);
        var after = await (await admin.GetAsync($"{Manage}/{id}")).JsonAsync();

        Assert.True(updated.StatusCode == HttpStatusCode.OK, $"{(int)updated.StatusCode}: {await updated.Content.ReadAsStringAsync()}");
        Assert.Equal("虎丘塔", read["title"]!.GetValue<string>());
        Assert.Equal("斜塔", read["alt"]!.GetValue<string>());
        Assert.Equal("云岩寺塔", read["caption"]!.GetValue<string>());
        Assert.Equal("测试", read["credit"]!.GetValue<string>());
        Assert.Equal(folder, read["folder"]!.GetValue<string>());
        Assert.Equal(["塔", "古迹"], read["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(0.5, read["focalX"]!.GetValue<double>());
        Assert.Equal(0.1, read["focalY"]!.GetValue<double>());
        Assert.Equal(HttpStatusCode.BadRequest, badFolder.StatusCode);
        Assert.Equal(["folder"], await badFolder.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badFocus.StatusCode);
        Assert.Equal(["focalY"], await badFocus.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(folder, after["folder"]!.GetValue<string>());
        Assert.Equal(0.1, after["focalY"]!.GetValue<double>());
    }

    [Fact]
    public async Task Delete_removes_the_item_and_its_files_and_a_missing_item_is_404()
    {
        var admin = await cms.AdminClientAsync();
        var before = LibraryFiles();
        var id = await CreatedIdAsync(admin, CraftedFiles.Jpeg(32, 24), "gone.jpg", new() { ["title"] = "将被删除" });
        var stored = LibraryFiles();

        var deleted = await admin.DeleteAsync($"{Manage}/{id}");
        var again = await admin.DeleteAsync($"{Manage}/{id}");

        Assert.NotEqual(before, stored);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(before, LibraryFiles());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Manage}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cms.CreateClient().GetAsync($"/api/v1/media/{id}/original")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"{Manage}/{Guid.NewGuid():N}")).StatusCode);
    }

    [Fact]
    public async Task Uploading_bombs_repeatedly_keeps_memory_bounded()
    {
        var admin = await cms.AdminClientAsync();
        var pngBomb = CraftedFiles.BombPng();
        var gifBomb = CraftedFiles.BombGif();
        var before = GC.GetTotalMemory(forceFullCollection: true);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(admin, pngBomb, "bomb.png")).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(admin, gifBomb, "bomb.gif")).StatusCode);
        }

        var grown = GC.GetTotalMemory(forceFullCollection: true) - before;
        Assert.True(grown < 256L * 1024 * 1024, $"the managed heap grew by {grown / (1024 * 1024)} MB");
    }

    /// <summary>The crafted files the library must refuse, by a readable case name: (client file name, bytes).</summary>
    private static (string FileName, byte[] Bytes) Refused(string crafted) => crafted switch
    {
        "html page" => ("page.html", CraftedFiles.HtmlPage()),
        "html page named as a png" => ("page.png", CraftedFiles.HtmlPage()),
        "windows executable" => ("setup.exe", CraftedFiles.WindowsExecutable()),
        "windows executable named as a jpeg" => ("setup.jpg", CraftedFiles.WindowsExecutable()),
        "plain text" => ("notes.txt", CraftedFiles.PlainText()),
        "svg with a script" => ("logo.svg", CraftedFiles.SvgWithScript()),
        "svg named as a png" => ("logo.png", CraftedFiles.SvgWithScript()),
        "gif with a script comment" => ("funny.gif", CraftedFiles.GifWithScriptComment()),
        "png with a script text chunk" => ("chart.png", CraftedFiles.PngWithScriptTextChunk()),
        "jpeg with html after its end" => ("photo.jpg", CraftedFiles.JpegWithHtmlAfterEnd()),
        "jpeg with a script comment segment" => ("photo.jpg", CraftedFiles.JpegWithScriptComment()),
        "png named as a jpeg" => ("photo.jpg", CraftedFiles.Png(16, 16)),
        "jpeg named as a pdf" => ("x.pdf", CraftedFiles.Jpeg(16, 16)),
        "png bomb" => ("bomb.png", CraftedFiles.BombPng()),
        "gif bomb" => ("bomb.gif", CraftedFiles.BombGif()),
        "truncated jpeg" => ("half.jpg", CraftedFiles.TruncatedJpeg()),
        "truncated png" => ("half.png", CraftedFiles.TruncatedPng()),
        "corrupt jpeg" => ("noise.jpg", CraftedFiles.CorruptJpeg()),
        "corrupt png" => ("noise.png", CraftedFiles.CorruptPng()),
        "empty file" => ("empty.png", []),
        _ => throw new ArgumentOutOfRangeException(nameof(crafted), crafted, "no such crafted file"),
    };

    private static byte[] ValidFile(string fileName) => Path.GetExtension(fileName) switch
    {
        ".jpg" => CraftedFiles.Jpeg(64, 48),
        ".png" => CraftedFiles.Png(64, 48),
        ".webp" => CraftedFiles.Webp(64, 48),
        ".gif" => CraftedFiles.Gif(64, 48),
        ".pdf" => CraftedFiles.Pdf(),
        ".mp4" => CraftedFiles.Mp4(),
        _ => throw new ArgumentOutOfRangeException(nameof(fileName), fileName, "no valid file of that kind"),
    };

    /// <summary>
    /// Uploads a refused file with a unique title and checks the answer, then that no item has that title and not a
    /// single file was added to or removed from the library folder.
    /// </summary>
    private async Task AssertRefusedAsync(
        HttpClient client, byte[] bytes, string fileName, HttpStatusCode expected, string? field = null, Dictionary<string, string>? fields = null)
    {
        var title = $"refused-{Guid.NewGuid():N}";
        var before = LibraryFiles();
        var form = new Dictionary<string, string>(fields ?? []) { ["title"] = title };

        var response = await UploadAsync(client, bytes, fileName, form);

        Assert.True(expected == response.StatusCode, $"{fileName}: expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        if (expected is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal((int)expected, (await response.JsonAsync())["status"]!.GetValue<int>());
        }

        if (field is not null)
        {
            Assert.Equal([field], await response.ErrorFieldsAsync());
        }

        var admin = await cms.AdminClientAsync();
        var listed = await (await admin.GetAsync($"{Manage}?q={title}")).JsonAsync();
        Assert.Equal(0, listed["total"]!.GetValue<int>());
        Assert.Equal(before, LibraryFiles());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName, Dictionary<string, string>? fields = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        // The client claims whatever the name suggests, as a browser would: the server must not believe it.
        file.Headers.ContentType = new MediaTypeHeaderValue(ClaimedType(fileName));
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields ?? [])
        {
            form.Add(new StringContent(value), name);
        }

        return await client.PostAsync(Manage, form);
    }

    private static async Task<string> CreatedIdAsync(HttpClient client, byte[] bytes, string fileName, Dictionary<string, string> fields)
    {
        var response = await UploadAsync(client, bytes, fileName, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.JsonAsync())["id"]!.ToString();
    }

    /// <summary>The ids a list query returns, in ordinal order, after checking that the total agrees.</summary>
    private static async Task<string[]> ListIdsAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"{Manage}?{query}&pageSize=100");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        var ids = json["items"]!.AsArray().Select(item => item!["id"]!.ToString()).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(ids.Length, json["total"]!.GetValue<int>());
        return ids;
    }

    private static string[] Sorted(params string[] ids) => [.. ids.Order(StringComparer.Ordinal)];

    /// <summary>Every file under the library folder, relative to it, sorted; empty while the folder does not exist.</summary>
    private List<string> LibraryFiles()
    {
        var library = Path.Combine(cms.DataDirectory, "library");
        return Directory.Exists(library)
            ? [.. Directory.EnumerateFiles(library, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(library, path)).Order(StringComparer.Ordinal)]
            : [];
    }

    private static string ClaimedType(string fileName) => Path.GetExtension(fileName) switch
    {
        ".jpg" => "image/jpeg",
        ".png" => "image/png",
        ".webp" => "image/webp",
        ".gif" => "image/gif",
        ".svg" => "image/svg+xml",
        ".pdf" => "application/pdf",
        ".mp4" => "video/mp4",
        ".html" => "text/html",
        ".txt" => "text/plain",
        _ => "application/octet-stream",
    };
}

public sealed class SqliteMediaApiTests(SqliteCms cms) : MediaApiTests<SqliteCms>(cms);

public sealed class PostgresMediaApiTests(PostgresCms cms) : MediaApiTests<PostgresCms>(cms);
