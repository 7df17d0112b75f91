using System.Text.Json;
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
        var records = Recorded(first);

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
        var records = Recorded(first);

        var patched = new SearchIndexAssembler(model, documents, after, 3, 2).Assemble(records, new Dictionary<int, SearchDocument> { [4] = before[4] });

        Assert.Equal(["d/0", "facets", "manifest", "w/aa"], patched.Fresh.Select(f => f.Slot).Order(StringComparer.Ordinal));
        var full = new SearchIndexAssembler(model, documents, after, 3, 2).Assemble(null, null);
        Assert.Equal(Paths(full.Slots), Paths(patched.Slots));
    }

    [Fact]
    public async Task A_term_with_enough_postings_carries_its_top_results_record_and_a_rarer_one_does_not()
    {
        var (model, documents) = await SiteOf(6);
        // Doc 3 weighs most for "aa"; every doc has a term of its own.
        var analysed = documents.Select((_, i) => new SearchDocument((UInt128)i, ["aa", $"b{i}"], [i == 3 ? 300 : 100, 100], [0, 1])).ToArray();

        var files = new SearchIndexAssembler(model, documents, analysed, commonPostings: 100, maxDegreeOfParallelism: 2, recordPostings: 3).Assemble(null, null).Fresh;

        var shard = files.Single(f => f.Slot == $"t/{SearchIndexBuilder.Shard("aa", SearchIndexBuilder.ShardCount(documents.Count))}");
        Assert.Equal([3], shard.Docs);
        using var json = JsonDocument.Parse(shard.Json);
        var record = json.RootElement.GetProperty("#").GetProperty("3");
        using var chunk = JsonDocument.Parse(files.Single(f => f.Slot == "d/0").Json);
        Assert.Equal(chunk.RootElement[3].GetRawText(), record.GetRawText());
        Assert.Equal(model.UrlOf(documents[3]), record.GetProperty("u").GetString());
        Assert.Single(json.RootElement.GetProperty("#").EnumerateObject());
    }

    [Fact]
    public async Task A_retitled_top_result_remakes_the_shard_carrying_its_record_though_no_posting_changed()
    {
        var (model, documents) = await SiteOf(6);
        var (retitled, after) = await SiteOf(6, title: i => i == 3 ? "第3号（修订）" : $"第{i}号");
        var three = documents.FindIndex(d => model.UrlOf(d) == "/news/n3/");
        var analysed = documents.Select((_, i) => new SearchDocument((UInt128)i, ["aa", $"b{i}"], [i == three ? 300 : 100, 100], [0, 1])).ToArray();
        var first = new SearchIndexAssembler(model, documents, analysed, 100, 2, recordPostings: 3).Assemble(null, null);
        var records = Recorded(first);

        var patched = new SearchIndexAssembler(retitled, after, analysed, 100, 2, recordPostings: 3).Assemble(records, new Dictionary<int, SearchDocument> { [three] = analysed[three] });
        var full = new SearchIndexAssembler(retitled, after, analysed, 100, 2, recordPostings: 3).Assemble(null, null);

        var shard = $"t/{SearchIndexBuilder.Shard("aa", SearchIndexBuilder.ShardCount(documents.Count))}";
        Assert.Contains(patched.Fresh, f => f.Slot == shard && System.Text.Encoding.UTF8.GetString(f.Json).Contains("第3号（修订）", StringComparison.Ordinal));
        Assert.Equal(Paths(full.Slots), Paths(patched.Slots));
    }

    [Fact]
    public async Task A_redated_document_that_becomes_a_terms_top_result_is_written_into_that_terms_shard()
    {
        // Equal weights: the newest document is the top result, n5 (2012-01-06) until n0 (2012-01-01) is redated to 2013.
        var (model, documents) = await SiteOf(6);
        var (redated, after) = await SiteOf(6, date: i => i == 0 ? "2013-01-01" : $"2012-01-0{1 + i}");
        var analysed = documents.Select((_, i) => new SearchDocument((UInt128)i, ["aa", $"b{i}"], [100, 100], [0, 1])).ToArray();
        var first = new SearchIndexAssembler(model, documents, analysed, 100, 2, recordPostings: 3).Assemble(null, null);
        var records = Recorded(first);
        var zero = documents.FindIndex(d => model.UrlOf(d) == "/news/n0/");
        var unchangedTop = first.Fresh.Single(f => f.Slot == $"t/{SearchIndexBuilder.Shard("aa", SearchIndexBuilder.ShardCount(documents.Count))}").Docs;

        var patched = new SearchIndexAssembler(redated, after, analysed, 100, 2, recordPostings: 3).Assemble(records, new Dictionary<int, SearchDocument> { [zero] = analysed[zero] }, new HashSet<int> { zero });
        var full = new SearchIndexAssembler(redated, after, analysed, 100, 2, recordPostings: 3).Assemble(null, null);

        Assert.NotEqual([zero], unchangedTop);
        Assert.Equal([zero], full.Fresh.Single(f => f.Slot == $"t/{SearchIndexBuilder.Shard("aa", SearchIndexBuilder.ShardCount(documents.Count))}").Docs);
        Assert.Equal(Paths(full.Slots), Paths(patched.Slots));
    }

    [Fact]
    public async Task Postings_kept_from_the_last_build_and_patched_twice_give_the_files_a_full_assembly_gives()
    {
        var (model, documents) = await SiteOf(8);
        // Each doc's own term b{i}, and "aa" (common at 3 postings) and "cc" where listed, with their weights.
        SearchDocument[] Docs(Dictionary<int, int> aa, params int[] cc) => [.. documents.Select((_, i) =>
        {
            var terms = new List<(string Term, int Weight)> { ($"b{i}", 100) };
            if (aa.TryGetValue(i, out var weight))
            {
                terms.Add(("aa", weight));
            }

            if (cc.Contains(i))
            {
                terms.Add(("cc", 100));
            }

            return new SearchDocument((UInt128)i, [.. terms.Select(t => t.Term)], [.. terms.Select(t => t.Weight)], [.. terms.Select((_, p) => p)]);
        })];
        var before = Docs(new() { [0] = 100, [1] = 100, [2] = 100, [3] = 100, [4] = 100 });
        var middle = Docs(new() { [0] = 100, [1] = 200, [3] = 100, [4] = 100, [6] = 100 }, 6);
        var after = Docs(new() { [3] = 100, [4] = 100 }, 6, 7); // "aa" falls below 3 postings: back into its shard

        var first = new SearchIndexAssembler(model, documents, before, 3, 2).Assemble(null, null);
        var once = new SearchIndexAssembler(model, documents, middle, 3, 2)
            .Assemble(Recorded(first), new Dictionary<int, SearchDocument> { [1] = before[1], [2] = before[2], [6] = before[6] }, index: first.Index);
        var twice = new SearchIndexAssembler(model, documents, after, 3, 2)
            .Assemble(Recorded(once), new Dictionary<int, SearchDocument> { [0] = middle[0], [1] = middle[1], [6] = middle[6], [7] = middle[7] }, index: once.Index);

        Assert.True(once.Patched && twice.Patched);
        Assert.Contains("w/aa", once.Slots.Keys);
        foreach (var (patched, analysed) in new[] { (once, middle), (twice, after) })
        {
            var full = new SearchIndexAssembler(model, documents, analysed, 3, 2).Assemble(null, null);
            Assert.False(full.Patched);
            Assert.Equal(Paths(full.Slots), Paths(patched.Slots));
            Assert.All(patched.Fresh, f => Assert.Equal(full.Fresh.Single(g => g.Slot == f.Slot).Json, f.Json));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Ids_added_and_removed_are_patched_into_the_files_a_full_assembly_of_the_same_ids_gives(bool keptPostings)
    {
        var (model, documents) = await SiteOf(7);
        // Weights and dates tie in places, so the top results hang on ids and on the idf that the count changes.
        var analysed = documents.Select((_, i) => new SearchDocument((UInt128)i, ["aa", $"b{i}", i % 2 == 0 ? "cc" : "dd"], [100 + (i % 3 * 10), 100, 100], [0, 1, 2])).ToArray();
        var last = documents.Count - 1;
        var first = new SearchIndexAssembler(model, documents[..last], analysed[..last], 3, 2, recordPostings: 3).Assemble(null, null);

        // The last doc arrives with the last id; then doc 2 goes, and the last doc moves into its id.
        var added = new SearchIndexAssembler(model, documents, analysed, 3, 2, recordPostings: 3)
            .Assemble(Recorded(first), new Dictionary<int, SearchDocument> { [last] = SearchDocument.None }, index: keptPostings ? first.Index : null, recounted: true);
        var order = Enumerable.Range(0, last).Select(i => i == 2 ? last : i).ToList();
        var (moved, movedAnalysed) = (order.Select(i => documents[i]).ToList(), order.Select(i => analysed[i]).ToArray());
        var removed = new SearchIndexAssembler(model, moved, movedAnalysed, 3, 2, recordPostings: 3)
            .Assemble(Recorded(added), new Dictionary<int, SearchDocument> { [2] = analysed[2], [last] = analysed[last] }, index: keptPostings ? added.Index : null, recounted: true);

        Assert.Equal(keptPostings, added.Patched && removed.Patched);
        foreach (var (patched, ids, analysis) in new[] { (added, documents, analysed), (removed, moved, movedAnalysed) })
        {
            var full = new SearchIndexAssembler(model, ids, analysis, 3, 2, recordPostings: 3).Assemble(null, null);
            Assert.Equal(Paths(full.Slots), Paths(patched.Slots));
            Assert.All(patched.Fresh, f => Assert.Equal(full.Fresh.Single(g => g.Slot == f.Slot).Json, f.Json));
        }
    }

    [Fact]
    public async Task A_new_document_count_remakes_a_kept_term_file_whose_top_result_the_new_idf_changes()
    {
        // Two shards, and the new document's one term in the other shard than "tt": nothing but the count touches w/tt.
        var (model, documents) = await SiteOf(45);
        var last = documents.Count - 1;
        var shards = SearchIndexBuilder.ShardCount(last);
        Assert.True(shards > 1 && shards == SearchIndexBuilder.ShardCount(documents.Count));
        var own = Enumerable.Range(0, 100).Select(k => $"b{k}").First(t => SearchIndexBuilder.Shard(t, shards) != SearchIndexBuilder.Shard("tt", shards));
        var (older, newer) = (documents.FindIndex(d => model.UrlOf(d) == "/news/n1/"), documents.FindIndex(d => model.UrlOf(d) == "/news/n5/"));
        Assert.True(older < last && newer < last);
        // Two weights whose scores round to a tie over one document count and not over the next: with the tie, the newer
        // document is the term's top result; without it, the heavier.
        var (heavy, light) = TieOnlyAt(last, documents.Count, df: 2);
        var analysed = documents.Select((_, i) => i == older || i == newer
            ? new SearchDocument((UInt128)i, ["tt"], [i == older ? heavy : light], [0])
            : new SearchDocument((UInt128)i, [i == last ? own : "zz"], [100], [0])).ToArray();
        var first = new SearchIndexAssembler(model, documents[..last], analysed[..last], commonPostings: 2, 2).Assemble(null, null);
        Assert.Equal([newer], first.Fresh.Single(f => f.Slot == "w/tt").Docs);

        var added = new SearchIndexAssembler(model, documents, analysed, 2, 2)
            .Assemble(Recorded(first), new Dictionary<int, SearchDocument> { [last] = SearchDocument.None }, index: first.Index, recounted: true);

        Assert.Equal([older], added.Fresh.Single(f => f.Slot == "w/tt").Docs);
        var full = new SearchIndexAssembler(model, documents, analysed, 2, 2).Assemble(null, null);
        Assert.Equal(Paths(full.Slots), Paths(added.Slots));
    }

    private static (int Heavy, int Light) TieOnlyAt(int tied, int untied, int df)
    {
        long Score(int documents, int weight) => SearchRanking.Rounded(SearchRanking.TermScore(SearchRanking.Idf(documents, df), weight));
        for (var heavy = 10_000; heavy < 2_000_000; heavy += 97)
        {
            for (var light = heavy - 1; light > heavy - 50; light--)
            {
                if (Score(tied, heavy) == Score(tied, light) && Score(untied, heavy) > Score(untied, light))
                {
                    return (heavy, light);
                }
            }
        }

        throw new InvalidOperationException("no such weights");
    }

    [Fact]
    public void A_new_page_takes_a_free_id_and_a_free_id_left_over_takes_the_last_page()
    {
        var items = "abcdefg".Select(c => new ContentItem { Section = "news", Slug = c.ToString(), Type = "article", Title = c.ToString(), SourcePath = $"news/{c}.md" }).ToList();
        string Url(ContentItem item) => "/news/" + item.Slug + "/";
        string[] previous = ["/news/a/", "/news/b/", "/news/c/", "/news/d/", "/news/e/"];

        // b and d are gone; f takes b's id, g d's.
        Assert.Equal(["a", "f", "c", "g", "e"], DocIds.Order([.. items.Where(i => i.Slug is not ("b" or "d"))], previous, Url).Select(i => i.Slug));
        // b and d are gone and nothing is new: e moves into b's id, and d's id, now the last, goes.
        Assert.Equal(["a", "e", "c"], DocIds.Order([.. items.Where(i => i.Slug is "a" or "c" or "e")], previous, Url).Select(i => i.Slug));
        // Nothing is gone: new pages come after the last id, in URL order.
        Assert.Equal(["a", "b", "c", "d", "e", "f", "g"], DocIds.Order(items, previous, Url).Select(i => i.Slug));
    }

    private static List<string> Paths(Dictionary<string, string> slots) => [.. slots.Values.Order(StringComparer.Ordinal)];

    /// <summary>The file records a build keeps in its state: the files it kept and the ones it wrote, less the manifest.</summary>
    private static Dictionary<string, SearchState.FileRecord> Recorded(SearchIndexAssembler.Result result)
    {
        var records = new Dictionary<string, SearchState.FileRecord>(result.Kept, StringComparer.Ordinal);
        foreach (var file in result.Fresh.Where(f => f.Slot != "manifest"))
        {
            records[file.Slot] = new SearchState.FileRecord(file.SitePath, file.Hash, file.Json.Length, [.. file.Docs]);
        }

        return records;
    }

    private static async Task<(SiteModel Model, List<ContentItem> Documents)> SiteOf(int articles, Func<int, string>? title = null, Func<int, string>? date = null)
    {
        using var site = new TempSite().WithBasics();
        for (var i = 0; i < articles; i++)
        {
            site.With($"news/n{i}.md", $"---\ntitle: {title?.Invoke(i) ?? $"第{i}号"}\ndate: {date?.Invoke(i) ?? $"2012-01-0{1 + (i % 9)}"}\n---\n正文。\n");
        }

        var diagnostics = new DiagnosticBag();
        var snapshot = await new FolderContentSource(site.Content).LoadAsync(diagnostics, CancellationToken.None);
        var model = SiteModelBuilder.Build(snapshot, includeDrafts: false, pageSize: 20, diagnostics);
        return (model, SearchIndexBuilder.Documents(model));
    }
}

/// <summary>The search state is a cache: a damaged one costs a full index, never a failed build.</summary>
public class SearchStateTests
{
    [Theory]
    [InlineData(int.MaxValue)] // more documents than the file can hold
    [InlineData(-1)]
    public void A_state_with_an_impossible_count_loads_as_none(int documents)
    {
        var path = Path.Combine(Path.GetTempPath(), $"search-state-{Guid.NewGuid():N}.bin");
        try
        {
            new SearchState(1, 2, ["/news/a/"], [3], [20120101], new Dictionary<string, SearchState.FileRecord> { ["t/0"] = new("/search-index/t/0.x.json.gz", 4, 5, [0]) }).Save(path);
            Assert.NotNull(SearchState.Load(path));
            var bytes = File.ReadAllBytes(path);
            BitConverter.GetBytes(documents).CopyTo(bytes, 4 + 32); // after the version and the two hashes
            File.WriteAllBytes(path, bytes);

            Assert.Null(SearchState.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_state_whose_file_record_claims_more_records_than_documents_loads_as_none()
    {
        var path = Path.Combine(Path.GetTempPath(), $"search-state-{Guid.NewGuid():N}.bin");
        try
        {
            new SearchState(1, 2, ["/news/a/"], [3], [20120101], new Dictionary<string, SearchState.FileRecord> { ["t/0"] = new("/p", 4, 5, [0]) }).Save(path);
            var bytes = File.ReadAllBytes(path);
            BitConverter.GetBytes(int.MaxValue).CopyTo(bytes, bytes.Length - 8); // the record count, before the one id
            File.WriteAllBytes(path, bytes);

            Assert.Null(SearchState.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
