using System.IO.Compression;
using System.Text.Json;
using PopCulture.Site.Search;

namespace PopCulture.Site.Tests;

/// <summary>The search analysis, the index format of docs/search-index.md, and what a rebuild rewrites.</summary>
public class SearchIndexTests
{
    private static List<string> Terms(string text)
    {
        using var analyzer = new SearchAnalyzer();
        var terms = new List<string>();
        analyzer.Terms(text, terms);
        return terms;
    }

    [Fact]
    public void Chinese_is_indexed_as_bigrams_with_the_run_s_first_and_last_characters()
    {
        Assert.Equal(["科", "科学", "学育", "育儿", "儿"], Terms("科学育儿"));
    }

    [Fact]
    public void Full_width_half_width_and_punctuation_variants_of_an_age_range_analyse_alike()
    {
        var expected = Terms("0-3岁");
        Assert.Equal(["0", "3", "岁"], expected);
        Assert.Equal(expected, Terms("０～３岁"));
        Assert.Equal(expected, Terms("0～3岁"));
    }

    [Fact]
    public void Latin_words_are_lower_cased_and_full_width_letters_folded()
    {
        Assert.Equal(["who", "指南", "2024"], Terms("ＷＨＯ指南 2024").Where(t => t.Length > 1 || char.IsAsciiLetterOrDigit(t[0])));
    }

    [Fact]
    public void The_dictionary_segmenter_adds_long_words_for_titles()
    {
        using var analyzer = new SearchAnalyzer();
        Assert.Contains("青春期", analyzer.Words("认识青春期"));
    }

    [Theory]
    [InlineData("科学育儿", new[] { "科学", "学育", "育儿" }, new[] { "科学育儿" })]
    [InlineData("０～３岁", new[] { "0", "3", "岁" }, new string[0])]
    [InlineData("Sleep 睡眠", new[] { "sleep", "睡眠" }, new string[0])]
    [InlineData("AI育儿", new[] { "ai", "育儿" }, new string[0])]
    [InlineData("  ，。！ ", new string[0], new string[0])]
    public void A_query_is_cut_into_required_bigrams_and_words_and_optional_long_runs(string query, string[] required, string[] optional)
    {
        var terms = QueryTerms.Parse(query);
        Assert.Equal(required, terms.Required);
        Assert.Equal(optional, terms.Optional);
    }

    [Fact]
    public void Every_title_in_content_finds_its_own_terms_in_its_index_analysis()
    {
        // The browser cuts queries without Lucene: its cut of any text must be a subset of Lucene's, or queries miss.
        using var analyzer = new SearchAnalyzer();
        var titles = Directory.EnumerateFiles(Path.Combine(TempSite.RepositoryRoot, "content"), "*.md", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines).Where(l => l.StartsWith("title:", StringComparison.Ordinal)).Select(l => l[6..].Trim()).ToList();
        Assert.True(titles.Count > 50);
        foreach (var title in titles)
        {
            var indexed = new List<string>();
            analyzer.Terms(title, indexed);
            Assert.All(QueryTerms.Parse(title).Required, t => Assert.Contains(t, indexed));
        }
    }

    [Fact]
    public void Terms_go_to_shards_by_fnv1a_over_utf16_units()
    {
        Assert.Equal((int)(0xe40c292cu & 1023), SearchIndexBuilder.Shard("a", 1024)); // FNV-1a 32 of "a"
        Assert.Equal(0, SearchIndexBuilder.Shard("育儿", 1));
        Assert.Equal(1, SearchIndexBuilder.ShardCount(10));
        Assert.Equal(512, SearchIndexBuilder.ShardCount(10_000));
    }

    [Fact]
    public async Task The_written_index_is_a_plain_manifest_and_content_hashed_gzip_files_it_names()
    {
        using var site = NewsSite(40);
        var result = await site.BuildAsync();
        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));

        var folder = Path.Combine(site.Output, "search-index");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        var root = manifest.RootElement;
        Assert.Equal(SearchRanking.FormatVersion, root.GetProperty("version").GetInt32());
        var docs = root.GetProperty("docs").GetInt32();
        Assert.Equal(43, docs); // 40 articles, first.md, about.md and the news section page; the home page is not a result
        var shards = root.GetProperty("shards").GetInt32();
        var files = Directory.EnumerateFiles(folder, "*.json.gz", SearchOption.AllDirectories).ToList();
        Assert.Equal((docs + 31) / 32, Directory.EnumerateFiles(Path.Combine(folder, "d")).Count());
        Assert.True(Directory.EnumerateFiles(Path.Combine(folder, "t")).Count() <= shards);
        foreach (var file in files)
        {
            using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using var json = new MemoryStream();
            await gzip.CopyToAsync(json);
            var name = Path.GetFileName(file).Split('.');
            Assert.Equal(SearchIndexFile.ShortHash(Site.Incremental.ContentHash.Of(json.ToArray())), name[^3]);
            using var parsed = JsonDocument.Parse(json.ToArray());
        }

        var shardNames = root.GetProperty("shardFiles").GetString()!;
        Assert.Equal(shards * 8, shardNames.Length);
        Assert.True(File.Exists(Path.Combine(folder, root.GetProperty("facets").GetString()!)));
        Assert.Equal(result.Search!.Files, files.Count + 1);
    }

    [Fact]
    public async Task The_engine_reads_the_written_files_and_finds_an_article_by_a_word_of_its_body()
    {
        using var site = NewsSite(40);
        Assert.True((await site.BuildAsync()).Succeeded);
        var engine = new SearchEngine(path => Inflate(Path.Combine(site.Output, path.TrimStart('/'))));
        var hit = Assert.Single(engine.Search("编号十七号").Hits);
        Assert.Equal("/news/article-17/", hit.Url);
    }

    [Fact]
    public async Task A_rebuild_with_nothing_changed_rewrites_no_index_file()
    {
        using var site = NewsSite(200);
        Assert.True((await site.BuildAsync()).Succeeded);
        var before = Snapshot(site.Output);

        var again = await site.BuildAsync();

        Assert.Equal(0, again.Search!.FilesWritten);
        Assert.Equal(0, again.Search.Analysed);
        Assert.Equal(before, Snapshot(site.Output));
    }

    [Fact]
    public async Task Changing_one_article_rewrites_only_the_shards_holding_its_terms_and_its_doc_chunk()
    {
        using var site = NewsSite(200);
        Assert.True((await site.BuildAsync()).Succeeded);
        var before = Snapshot(site.Output);
        var oldShards = Shards(site.Output);

        site.With("news/article-5.md", Article(5) + "补充一句关于睡眠的话。\n");
        var after = await site.BuildAsync();

        Assert.Equal(1, after.Search!.Analysed);
        var now = Snapshot(site.Output);
        var changed = now.Keys.Except(before.Keys).ToList();
        var changedShards = changed.Where(p => p.StartsWith("t/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(changedShards);
        Assert.True(changedShards.Count < now.Keys.Count(p => p.StartsWith("t/", StringComparison.Ordinal)), "every shard was rewritten");
        Assert.Single(changed, p => p.StartsWith("d/", StringComparison.Ordinal));
        Assert.DoesNotContain(changed, p => p.StartsWith("facets", StringComparison.Ordinal));
        Assert.Equal(changed.Count, after.Search.FilesWritten - 1); // and the manifest

        // Every term whose postings differ in a rewritten shard is a term of the changed article (old or new).
        var id = ReadManifestDocs(site.Output, "/news/article-5/");
        var newShards = Shards(site.Output);
        foreach (var shard in changedShards.Select(p => p.Split('/', '.')[1]))
        {
            var old = oldShards[shard];
            var current = newShards[shard];
            foreach (var term in old.Keys.Union(current.Keys))
            {
                if (old.GetValueOrDefault(term) != current.GetValueOrDefault(term))
                {
                    Assert.True(Contains(old.GetValueOrDefault(term), id) || Contains(current.GetValueOrDefault(term), id), $"{term} changed in shard {shard}");
                }
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // as the CMS and `serve` build: the postings stay in memory and are patched
    public async Task An_index_patched_after_edits_is_byte_for_byte_the_index_built_from_scratch(bool keptInMemory)
    {
        // Over 1,024 articles, so the words of every article ("本文编号") get files of their own and are patched too.
        var memory = keptInMemory ? new BuildMemory() : null;
        using var site = NewsSite(1100);
        Assert.True((await site.BuildAsync(memory: memory)).Succeeded);
        site.With("news/article-5.md", Article(5) + "补充一句关于睡眠的话。\n");
        site.With("news/article-700.md", Article(700).Replace("第700号通知", "第700号重要通知", StringComparison.Ordinal));

        var patched = await site.BuildAsync(memory: memory);

        Assert.Equal(2, patched.Search!.Analysed);
        Assert.Equal(keptInMemory, patched.Search.Patched);
        Assert.True(patched.Search.FilesWritten < patched.Search.Files / 2, $"{patched.Search.FilesWritten} of {patched.Search.Files} files written");

        // A second round patches the postings the first round patched.
        site.With("news/article-5.md", Article(5) + "补充一句关于喂养的话。\n");
        site.With("news/article-9.md", Article(9).Replace("本文编号", "编号", StringComparison.Ordinal));
        var again = await site.BuildAsync(memory: memory);

        Assert.Equal(2, again.Search!.Analysed);
        Assert.Equal(keptInMemory, again.Search.Patched);
        using var scratch = NewsSite(1100);
        scratch.With("news/article-5.md", Article(5) + "补充一句关于喂养的话。\n");
        scratch.With("news/article-700.md", Article(700).Replace("第700号通知", "第700号重要通知", StringComparison.Ordinal));
        scratch.With("news/article-9.md", Article(9).Replace("本文编号", "编号", StringComparison.Ordinal));
        Assert.True((await scratch.BuildAsync()).Succeeded);
        var expected = Snapshot(scratch.Output);
        Assert.Contains(expected.Keys, k => k.StartsWith("w/", StringComparison.Ordinal));
        Assert.Equal(expected, Snapshot(site.Output));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_page_added_or_removed_moves_no_other_pages_id_and_the_index_holds_what_a_fresh_build_holds(bool keptInMemory)
    {
        var memory = keptInMemory ? new BuildMemory() : null;
        using var site = NewsSite(1100);
        Assert.True((await site.BuildAsync(memory: memory)).Succeeded);
        var first = Ids(site.Output);

        // One page gone, one new page (in the middle of the URLs): the new page takes the free id, nothing else moves.
        File.Delete(Path.Combine(site.Content, "news", "article-7.md"));
        site.With("news/article-500-new.md", Article(1234));
        var swapped = await site.BuildAsync(memory: memory);
        var second = Ids(site.Output);

        Assert.Equal(keptInMemory, swapped.Search!.Patched);
        Assert.True(swapped.Search.FilesWritten < swapped.Search.Files / 2, $"{swapped.Search.FilesWritten} of {swapped.Search.Files} files written");
        Assert.Equal(first["/news/article-7/"], second["/news/article-500-new/"]);
        Assert.All(second.Where(p => p.Key != "/news/article-500-new/"), p => Assert.Equal(first[p.Key], p.Value));

        // One page gone and none new: the page with the last id takes its id, and the ids stay dense.
        File.Delete(Path.Combine(site.Content, "news", "article-9.md"));
        var removed = await site.BuildAsync(memory: memory);
        var third = Ids(site.Output);

        Assert.Equal(keptInMemory, removed.Search!.Patched);
        var last = second.MaxBy(p => p.Value).Key;
        Assert.Equal(second["/news/article-9/"], third[last]);
        Assert.Equal(Enumerable.Range(0, third.Count), third.Values.Order());
        Assert.All(third.Where(p => p.Key != last), p => Assert.Equal(second[p.Key], p.Value));

        using var scratch = NewsSite(1100);
        File.Delete(Path.Combine(scratch.Content, "news", "article-7.md"));
        File.Delete(Path.Combine(scratch.Content, "news", "article-9.md"));
        scratch.With("news/article-500-new.md", Article(1234));
        Assert.True((await scratch.BuildAsync()).Succeeded);
        Assert.Equal(Postings(scratch.Output), Postings(site.Output));
        Assert.Equal(Records(scratch.Output), Records(site.Output));
    }

    private static TempSite NewsSite(int articles)
    {
        var site = new TempSite().WithBasics();
        for (var i = 0; i < articles; i++)
        {
            site.With($"news/article-{i}.md", Article(i));
        }

        return site;
    }

    private static readonly string[] Digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    private static string Cn(int n) => n < 10 ? Digits[n] : n < 20 ? "十" + (n % 10 == 0 ? "" : Digits[n % 10]) : Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10]);

    private static string Article(int i) =>
        $"---\ntitle: 第{i}号通知\ndate: 2012-02-{1 + (i % 28):00}\n---\n本文编号{Cn(i % 100)}号。{(i % 3 == 0 ? "家庭" : i % 3 == 1 ? "健康" : "服务")}相关内容。\n";

    private static Dictionary<string, string> Snapshot(string output)
    {
        var folder = Path.Combine(output, "search-index");
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), f => Convert.ToHexString(File.ReadAllBytes(f)), StringComparer.Ordinal);
    }

    /// <summary>Each shard's postings by shard number, then term, as the JSON text of the postings.</summary>
    private static Dictionary<string, Dictionary<string, string>> Shards(string output) =>
        Directory.EnumerateFiles(Path.Combine(output, "search-index", "t")).ToDictionary(
            f => Path.GetFileName(f).Split('.')[0],
            f =>
            {
                using var json = JsonDocument.Parse(Inflate(f));
                return json.RootElement.EnumerateObject().Where(p => p.Name != "#").ToDictionary(p => p.Name, p => Undelta(p.Value), StringComparer.Ordinal);
            },
            StringComparer.Ordinal);

    /// <summary>Postings with absolute doc ids: deltas shift when one doc changes, absolute ids do not.</summary>
    private static string Undelta(JsonElement postings)
    {
        var numbers = postings.EnumerateArray().Select(n => n.GetInt32()).ToArray();
        var n = numbers.Length / 3;
        var id = 0;
        var parts = new List<string>();
        for (var i = 0; i < n; i++)
        {
            id += numbers[i];
            parts.Add($"{id}:{numbers[n + i]}:{numbers[(2 * n) + i]}");
        }

        return string.Join(',', parts);
    }

    private static bool Contains(string? postings, int id) =>
        postings is not null && postings.Split(',').Any(p => p.StartsWith($"{id}:", StringComparison.Ordinal));

    private static int ReadManifestDocs(string output, string url)
    {
        var engine = new SearchEngine(path => Inflate(Path.Combine(output, path.TrimStart('/'))));
        return engine.Search("第5号通知").Hits.Single(h => h.Url == url).Id;
    }

    /// <summary>Each doc's id and record (what a result shows) by URL, from the doc chunks.</summary>
    private static Dictionary<string, (int Id, string Record)> Docs(string output)
    {
        var docs = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(output, "search-index", "d")))
        {
            var chunk = int.Parse(Path.GetFileName(file).Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);
            using var json = JsonDocument.Parse(Inflate(file));
            var i = 0;
            foreach (var record in json.RootElement.EnumerateArray())
            {
                docs.Add(record.GetProperty("u").GetString()!, ((chunk * SearchIndexBuilder.ChunkSize) + i++, record.GetRawText()));
            }
        }

        return docs;
    }

    private static Dictionary<string, int> Ids(string output) => Docs(output).ToDictionary(d => d.Key, d => d.Value.Id, StringComparer.Ordinal);

    /// <summary>Every doc's record by URL, whatever the doc's id.</summary>
    private static Dictionary<string, string> Records(string output) => Docs(output).ToDictionary(d => d.Key, d => d.Value.Record, StringComparer.Ordinal);

    private static readonly string[] PostingFolders = ["t", "w"];

    /// <summary>Every term's postings, shards and term files alike, as URL:weight:first in URL order: the index, whatever the ids.</summary>
    private static Dictionary<string, string> Postings(string output)
    {
        var urls = Ids(output).ToDictionary(p => p.Value, p => p.Key);
        var postings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in PostingFolders.SelectMany(k => Directory.Exists(Path.Combine(output, "search-index", k)) ? Directory.EnumerateFiles(Path.Combine(output, "search-index", k)) : []))
        {
            using var json = JsonDocument.Parse(Inflate(file));
            foreach (var term in json.RootElement.EnumerateObject().Where(p => p.Name != "#"))
            {
                postings.Add(term.Name, string.Join(',', Undelta(term.Value).Split(',')
                    .Select(p => p.Split(':')).Select(p => $"{urls[int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture)]}:{p[1]}:{p[2]}").Order(StringComparer.Ordinal)));
            }
        }

        return postings;
    }

    private static byte[] Inflate(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 2 || bytes[0] != 0x1f || bytes[1] != 0x8b)
        {
            return bytes;
        }

        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var json = new MemoryStream();
        gzip.CopyTo(json);
        return json.ToArray();
    }
}
