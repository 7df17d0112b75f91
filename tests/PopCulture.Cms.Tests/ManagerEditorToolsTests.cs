using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PopCulture.Cms.Tests;

/// <summary>
/// What the editing form's scripts call: the autosave of a draft, which never overwrites someone else's save, and the
/// image picker and upload, which asks for alt text and goes through the media service.
/// </summary>
public abstract class ManagerEditorToolsTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    private const string Images = "/manager/media/images";

    [Fact]
    public async Task An_autosave_saves_a_draft_and_refuses_to_overwrite_a_newer_save()
    {
        var section = ApiJson.NewSection();
        var admin = await cms.AdminClientAsync();
        var entry = await admin.CreateAsync(ApiJson.Article(section, title: "原标题"));
        using var author = await ManagerVisitor.SignedInAsync(cms, "author", [section]);
        var url = $"/manager/content/{entry["id"]}/edit";
        var form = await author.PageAsync(url);
        Assert.Equal($"{url}?handler=Autosave", form.QuerySelector("form.entry-form")!.GetAttribute("data-autosave"));

        var (saved, _) = await ManagerForm.PostAsync(author, $"{url}?handler=Autosave", form, new Dictionary<string, string?> { ["fm.title"] = "自动保存的标题" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var answer = JsonNode.Parse(await saved.Content.ReadAsStringAsync())!;
        Assert.Equal(2, answer["revision"]!.GetValue<int>());
        Assert.Matches("^[0-2][0-9]:[0-5][0-9]$", answer["at"]!.GetValue<string>());
        Assert.Equal("自动保存的标题", await TitleAsync(admin, entry));

        // The same form again, still based on revision 1: refused, whatever it says.
        var (stale, _) = await ManagerForm.PostAsync(author, $"{url}?handler=Autosave", form, new Dictionary<string, string?> { ["fm.title"] = "过期的标题" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("自动保存的标题", await TitleAsync(admin, entry));
    }

    [Fact]
    public async Task A_run_of_autosaves_keeps_one_revision_and_a_save_between_them_is_kept()
    {
        var section = ApiJson.NewSection();
        var admin = await cms.AdminClientAsync();
        var entry = await admin.CreateAsync(ApiJson.Article(section, title: "原标题"));
        using var author = await ManagerVisitor.SignedInAsync(cms, "author", [section]);
        var url = $"/manager/content/{entry["id"]}/edit";
        var form = await author.PageAsync(url);
        async Task<HttpStatusCode> AutosaveAsync(string title, int basedOn) =>
            (await ManagerForm.PostAsync(author, $"{url}?handler=Autosave", form, new Dictionary<string, string?> { ["fm.title"] = title, ["revision"] = $"{basedOn}" })).Response.StatusCode;

        Assert.Equal(HttpStatusCode.OK, await AutosaveAsync("第一次自动保存", 1));
        Assert.Equal(HttpStatusCode.OK, await AutosaveAsync("第二次自动保存", 2));
        Assert.Equal(HttpStatusCode.OK, await AutosaveAsync("第三次自动保存", 3));
        Assert.Equal(["4 autosaved", "1 created"], await HistoryAsync(admin, entry));
        Assert.Equal("第三次自动保存", await TitleAsync(admin, entry));
        // Compared by default with the revision before it, which is 1 now that 2 and 3 were replaced.
        var diff = (await admin.GetFromJsonAsync<JsonNode>($"/api/v1/manage/content/{entry["id"]}/revisions/diff"))!;
        Assert.Equal((1, 4), (diff["from"]!.GetValue<int>(), diff["to"]!.GetValue<int>()));

        // A save with the button is history: the autosave after it adds a revision instead of replacing one.
        var (saved, _) = await ManagerForm.PostAsync(author, url, form, new Dictionary<string, string?> { ["fm.title"] = "保存的标题", ["revision"] = "4" });
        Assert.True(saved.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"{saved.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, await AutosaveAsync("又一次自动保存", 5));
        Assert.Equal(["6 autosaved", "5 saved", "4 autosaved", "1 created"], await HistoryAsync(admin, entry));
    }

    private static async Task<string[]> HistoryAsync(HttpClient admin, JsonNode entry)
    {
        var list = (await admin.GetFromJsonAsync<JsonNode>($"/api/v1/manage/content/{entry["id"]}/revisions"))!;
        return [.. (list is JsonArray a ? a : list["items"]!.AsArray()).Select(r => $"{r!["number"]} {r["note"]}")];
    }

    [Fact]
    public async Task Only_drafts_are_autosaved()
    {
        var section = ApiJson.NewSection();
        var admin = await cms.AdminClientAsync();
        var entry = await admin.CreateAsync(ApiJson.Article(section, title: "已发布的标题"));
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor", [section]);
        var url = $"/manager/content/{entry["id"]}/edit";
        var form = await editor.PageAsync(url);
        Assert.Equal(HttpStatusCode.OK, (await admin.MoveAsync(entry, "publish")).StatusCode);

        Assert.True(string.IsNullOrEmpty((await editor.PageAsync(url)).QuerySelector("form.entry-form")!.GetAttribute("data-autosave")));
        var (refused, _) = await ManagerForm.PostAsync(editor, $"{url}?handler=Autosave", form, new Dictionary<string, string?> { ["revision"] = "1" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("已发布的标题", await TitleAsync(admin, entry));
    }

    [Fact]
    public async Task An_uploaded_image_needs_alt_text_and_is_then_found_by_the_picker()
    {
        var section = ApiJson.NewSection();
        using var author = await ManagerVisitor.SignedInAsync(cms, "author", [section]);
        var form = await author.PageAsync($"/manager/content/new?section={section}&type=article");
        var token = ManagerForm.Values(form)["__RequestVerificationToken"];
        var alt = "绘本角（" + Guid.NewGuid().ToString("N")[..6] + "）";

        var withoutAlt = await UploadAsync(author, token, alt: "  ");
        var refusal = await withoutAlt.Content.ReadAsStringAsync();
        Assert.True(withoutAlt.StatusCode == HttpStatusCode.BadRequest, $"{(int)withoutAlt.StatusCode}: {refusal}");
        Assert.StartsWith("请填写图片说明", JsonNode.Parse(refusal)!["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(author, token: null, alt)).StatusCode);
        var uploaded = await UploadAsync(author, token, alt);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var image = JsonNode.Parse(await uploaded.Content.ReadAsStringAsync())!;
        Assert.Matches("^/media/[0-9a-f]{32}\\.png$", image["url"]!.GetValue<string>());

        var found = await author.Client.GetFromJsonAsync<JsonArray>($"{Images}?q={Uri.EscapeDataString(alt)}");
        Assert.Equal(image["url"]!.GetValue<string>(), Assert.Single(found!)!["url"]!.GetValue<string>());
        Assert.Equal(alt, found![0]!["alt"]!.GetValue<string>());

        using var reviewer = await ManagerVisitor.SignedInAsync(cms, "reviewer", [section]);
        var reviewerToken = ManagerForm.Values(await reviewer.PageAsync("/manager"), "header form")["__RequestVerificationToken"];
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(reviewer, reviewerToken, alt)).StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadAsync(ManagerVisitor visitor, string? token, string alt)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(CraftedFiles.Png(40, 30)), "file", "photo.png");
        content.Add(new StringContent(alt), "alt");
        if (token is not null)
        {
            content.Add(new StringContent(token), "__RequestVerificationToken");
        }

        return await visitor.Client.PostAsync(Images, content);
    }

    private static async Task<string> TitleAsync(HttpClient admin, JsonNode entry) =>
        (await admin.GetFromJsonAsync<JsonNode>($"/api/v1/manage/content/{entry["id"]}"))!["title"]!.GetValue<string>();
}

public sealed class SqliteManagerEditorToolsTests(SqliteCms cms) : ManagerEditorToolsTests<SqliteCms>(cms);

public sealed class PostgresManagerEditorToolsTests(PostgresCms cms) : ManagerEditorToolsTests<PostgresCms>(cms);
