using PopCulture.Site.Content;
using PopCulture.Site.Model;
using PopCulture.Site.Search;

namespace PopCulture.Site.Tests;

/// <summary>Patching an index after changed documents gives exactly the files a full assembly gives.</summary>
public class SearchIndexAssemblerTests
{
    [Fact]
    public async Task A_common_term_that_becomes_rare_moves_back_into_its_shard()
    {
        var (model, documents) = await SiteOf(6);
        SearchDocument Doc(int i, bool common) => new((UInt128)i, common ? ["aa", $"b{i}"] : [$"b{i}"], common ? [100, 100] : [100], common ? [0, 1] : [0]);
        var before = documents.Select((_, i) => Doc(i, i < 4)).ToArray();
        var after = documents.Select((_, i) => Doc(i, i < 2)).ToArray();

        var first = new SearchIndexAssembler(model, documents, before, commonPostings: 3, maxDegreeOfParallelism: 2).Assemble(null, null);
        Assert.Contains(first.Fresh, f => f.Slot == "w/aa");
        var records = first.Fresh.ToDictionary(f => f.Slot, f => new SearchState.FileRecord(f.SitePath, f.Hash, f.Json.Length), StringComparer.Ordinal);
        records.Remove("manifest");

        var patched = new SearchIndexAssembler(model, documents, after, 3, 2).Assemble(records, new Dictionary<int, SearchDocument> { [2] = before[2], [3] = before[3] });
        var full = new SearchIndexAssembler(model, documents, after, 3, 2).Assemble(null, null);

        Assert.DoesNotContain("w/aa", patched.Slots.Keys);
        Assert.Equal(Paths(full.Slots), Paths(patched.Slots));
        Assert.Equal(full.Fresh.Single(f => f.Slot == "manifest").Json, patched.Fresh.Single(f => f.Slot == "manifest").Json);
        Assert.All(patched.Fresh, f => Assert.Equal(full.Fresh.Single(g => g.Slot == f.Slot).Json, f.Json));
    }

    [Fact]
    public async Task A_changed_common_term_is_remade_alone_and_its_shard_kept()
    {
        var (model, documents) = await SiteOf(6);
        SearchDocument Doc(int i, int weight) => new((UInt128)i, ["aa", $"b{i}"], [weight, 100], [0, 1]);
        var before = documents.Select((_, i) => Doc(i, 100)).ToArray();
        var after = documents.Select((_, i) => Doc(i, i == 4 ? 200 : 100)).ToArray();
        var first = new SearchIndexAssembler(model, documents, before, 3, 2).Assemble(null, null);
        var records = first.Fresh.Where(f => f.Slot != "manifest").ToDictionary(f => f.Slot, f => new SearchState.FileRecord(f.SitePath, f.Hash, f.Json.Length), StringComparer.Ordinal);

        var patched = new SearchIndexAssembler(model, documents, after, 3, 2).Assemble(records, new Dictionary<int, SearchDocument> { [4] = before[4] });

        Assert.Equal(["d/0", "facets", "manifest", "w/aa"], patched.Fresh.Select(f => f.Slot).Order(StringComparer.Ordinal));
        var full = new SearchIndexAssembler(model, documents, after, 3, 2).Assemble(null, null);
        Assert.Equal(Paths(full.Slots), Paths(patched.Slots));
    }

    private static List<string> Paths(Dictionary<string, string> slots) => [.. slots.Values.Order(StringComparer.Ordinal)];

    private static async Task<(SiteModel Model, List<ContentItem> Documents)> SiteOf(int articles)
    {
        using var site = new TempSite().WithBasics();
        for (var i = 0; i < articles; i++)
        {
            site.With($"news/n{i}.md", $"---\ntitle: 第{i}号\ndate: 2012-01-0{1 + (i % 9)}\n---\n正文。\n");
        }

        var diagnostics = new DiagnosticBag();
        var snapshot = await new FolderContentSource(site.Content).LoadAsync(diagnostics, CancellationToken.None);
        var model = SiteModelBuilder.Build(snapshot, includeDrafts: false, pageSize: 20, diagnostics);
        return (model, SearchIndexBuilder.Documents(model));
    }
}
