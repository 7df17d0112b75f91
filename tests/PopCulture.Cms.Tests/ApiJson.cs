using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PopCulture.Cms.Tests;

internal static class ApiJson
{
    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException($"empty body ({(int)response.StatusCode})");
    }

    /// <summary>The field names of a validation problem's <c>errors</c>.</summary>
    public static async Task<string[]> ErrorFieldsAsync(this HttpResponseMessage response)
    {
        var json = await response.JsonAsync();
        return [.. json["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal)];
    }

    /// <summary>A minimal valid article in a section of its own, so tests never see each other's data.</summary>
    public static object Article(string section, string slug = "first", string title = "测试文章", string body = "正文。") =>
        new { section, slug, frontMatter = new { title, date = "2013-05-01", summary = "摘要", tags = new[] { "测试" } }, body };

    public static string NewSection() => "t" + Guid.NewGuid().ToString("N")[..10];

    public static async Task<JsonNode> CreateAsync(this HttpClient client, object input)
    {
        var response = await client.PostAsJsonAsync("/api/v1/manage/content", input);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    public static Task<HttpResponseMessage> MoveAsync(this HttpClient client, JsonNode entry, string action, object? extra = null)
    {
        var body = JsonSerializer.SerializeToNode(extra ?? new { })!.AsObject();
        body["action"] = action;
        return client.PostAsJsonAsync($"/api/v1/manage/content/{entry["id"]}/transitions", body);
    }

    /// <summary>Uploads a PNG to the media library (with its alt text, if given) and returns the new item.</summary>
    public static async Task<JsonNode> UploadPngAsync(this HttpClient client, byte[] png, string name, string? alt = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", name);
        if (alt is not null)
        {
            form.Add(new StringContent(alt), "alt");
        }

        var response = await client.PostAsync("/api/v1/manage/media", form);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }
}
