using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Auditing;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Workflow;

namespace PopCulture.Cms.Bench;

/// <summary>
/// Synthetic parenting lessons for the benchmark: valid front matter (age band, months, domain, tags), bodies of a few KB
/// made of sentences from the demo content, in the workflow states a busy section has. Written straight through the
/// DbContext in batches, as an import would write them, then marked with one audit row so the search index takes them.
/// </summary>
internal static class BenchCorpus
{
    public const string Section = "parenting";
    private const int Batch = 1000;

    private static readonly (string Band, int From, int To)[] Bands = [("0–6月", 0, 6), ("6–12月", 6, 12), ("1–2岁", 12, 24), ("2–3岁", 24, 36)];
    private static readonly string[] Domains = ["营养喂养", "睡眠", "动作发展", "语言", "社会情感", "健康安全"];
    private static readonly string[] Tags = ["辅食", "母乳", "睡眠", "大动作", "精细动作", "亲子阅读", "安全", "疫苗", "户外活动", "情绪"];
    private static readonly WorkflowStatus[] States =
        [WorkflowStatus.Draft, WorkflowStatus.Draft, WorkflowStatus.InReview, WorkflowStatus.Draft, WorkflowStatus.Archived];

    /// <summary>Writes <paramref name="count"/> lessons; returns the id of one in the middle (a draft), for the entry pages.</summary>
    public static async Task<Guid> LoadAsync(CmsDbContext db, string repositoryRoot, int count, CancellationToken cancellationToken)
    {
        var sentences = Sentences(Path.Combine(repositoryRoot, "content"));
        var random = new Random(20261129);
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var middle = Guid.Empty;
        for (var first = 0; first < count; first += Batch)
        {
            for (var i = first; i < Math.Min(count, first + Batch); i++)
            {
                var entry = Lesson(i, random, sentences, start.AddMinutes(i));
                if (i == count / 2)
                {
                    entry.Status = WorkflowStatus.Draft;
                    middle = entry.Id;
                }

                db.Entries.Add(entry);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        db.Audit.Add(new AuditEntry { At = DateTimeOffset.UtcNow, Action = "bench.load", Target = Section, Detail = $"{count} entries" });
        await db.SaveChangesAsync(cancellationToken);
        return middle;
    }

    private static ContentEntry Lesson(int i, Random random, List<string> sentences, DateTimeOffset updated)
    {
        var (band, from, to) = Bands[random.Next(Bands.Length)];
        var domain = Domains[random.Next(Domains.Length)];
        string[] tags = [.. Enumerable.Range(0, 3).Select(_ => Tags[random.Next(Tags.Length)]).Distinct()];
        var topic = sentences[random.Next(sentences.Count)].TrimEnd('。');
        var title = $"{band}{domain}第{i + 1}课：" + topic[..Math.Min(12, topic.Length)];
        var summary = sentences[random.Next(sentences.Count)];
        var frontMatter = JsonSerializer.Serialize(new
        {
            type = "parenting-lesson", title, age_band = band, age_months = new { from, to }, domain, date = "2014-07-15", summary, tags,
        });
        var slug = $"bench-{i:D5}";
        return new ContentEntry
        {
            Id = Guid.NewGuid(),
            Section = Section,
            Slug = slug,
            Type = "parenting-lesson",
            Title = title,
            ContentPath = $"{Section}/{slug}.md",
            FrontMatter = frontMatter,
            Body = Body(random, sentences),
            Tags = "|" + string.Join('|', tags) + "|",
            Status = States[i % States.Length],
            Revision = 1,
            CreatedAt = updated,
            UpdatedAt = updated,
            UpdatedBy = "bench@bench.local",
        };
    }

    /// <summary>Three sections of four paragraphs, about 1,500 characters (4–5 KB of UTF-8).</summary>
    private static string Body(Random random, List<string> sentences)
    {
        var body = new StringBuilder();
        foreach (var heading in new[] { "为什么重要", "在家怎么做", "需要注意" })
        {
            body.Append("## ").Append(heading).Append("\n\n");
            for (var paragraph = 0; paragraph < 4; paragraph++)
            {
                for (var s = 0; s < 4; s++)
                {
                    body.Append(sentences[random.Next(sentences.Count)]);
                }

                body.Append("\n\n");
            }
        }

        return body.ToString();
    }

    /// <summary>Every sentence of the demo content's bodies (front matter and Markdown lines left out).</summary>
    private static List<string> Sentences(string contentDirectory)
    {
        var sentences = new List<string>();
        foreach (var file in Directory.EnumerateFiles(contentDirectory, "*.md", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            var end = text.StartsWith("---", StringComparison.Ordinal) ? text.IndexOf("\n---", 3, StringComparison.Ordinal) : -1;
            var body = end < 0 ? text : text[(end + 4)..];
            foreach (var line in body.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith('|') && !l.StartsWith('!')))
            {
                sentences.AddRange(line.TrimStart('-', ' ', '*').Split('。', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Where(s => s.Length >= 8).Select(s => s + "。"));
            }
        }

        return sentences.Count > 0 ? sentences : throw new InvalidOperationException($"no sentences found in {contentDirectory}");
    }
}
