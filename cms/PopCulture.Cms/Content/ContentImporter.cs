using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Auditing;
using PopCulture.Cms.Data;
using PopCulture.Cms.Publishing;
using PopCulture.Cms.Workflow;
using PopCulture.Site.Content;

namespace PopCulture.Cms.Content;

/// <summary>
/// Imports a folder in the <c>content/</c> format: every file is validated first and nothing is written unless all
/// of them pass; then entries are created or updated (a new revision each), data files and media copied.
/// </summary>
public sealed class ContentImporter(CmsDbContext db, AuditLog audit, TimeProvider clock, SiteStateCache state, Microsoft.Extensions.Options.IOptions<CmsOptions> options)
{
    /// <summary>What an import did, or the problems that stopped it.</summary>
    public sealed record Report(int Created, int Updated, int DataFiles, int MediaFiles, IReadOnlyList<string> Problems);

    private sealed record Parsed(ItemParser.Location Location, string Slug, JsonObject FrontMatter, string Body, ContentItem Item);

    public async Task<Report> ImportAsync(string folder, bool publish, string user, CancellationToken cancellationToken)
    {
        var source = new FolderContentSource(folder, "content");
        var (documents, media) = source.Scan();
        var diagnostics = new DiagnosticBag();
        var parsed = new List<Parsed>(documents.Count);
        foreach (var location in documents)
        {
            var text = await File.ReadAllTextAsync(source.PhysicalPathOf(location), cancellationToken);
            var frontMatter = FrontMatter.Parse(location.SourcePath, text, diagnostics);
            if (frontMatter?.Yaml is null)
            {
                if (frontMatter is not null)
                {
                    diagnostics.Error(location.SourcePath, 1, "missing front matter");
                }

                continue;
            }

            var json = FrontMatterJson.FromYaml(frontMatter.Yaml);
            var slug = location.IsIndex ? ContentValidator.IndexSlug : location.Slug;
            var result = ContentValidator.Validate(location.Section, slug, json, frontMatter.Body, location.ContentPath);
            if (result.Item is { } item)
            {
                parsed.Add(new Parsed(location, item.IsIndex ? ContentValidator.IndexSlug : item.Slug, json, frontMatter.Body, item));
            }
            else
            {
                // Parse the file as the site build does, so each problem comes with its line.
                var located = new DiagnosticBag();
                ItemParser.Parse(location, text, located);
                var lines = located.Snapshot();
                if (lines.Count > 0)
                {
                    diagnostics.AddRange(lines);
                }
                else
                {
                    foreach (var (field, messages) in result.Errors)
                    {
                        diagnostics.AddRange(messages.Select(m => new Diagnostic(location.SourcePath, 0, $"{field}: {m}")));
                    }
                }
            }
        }

        foreach (var duplicate in parsed.GroupBy(p => (p.Location.Section, p.Slug)).Where(g => g.Count() > 1))
        {
            diagnostics.Error(duplicate.Last().Location.SourcePath, 0, $"duplicate URL: {duplicate.First().Location.SourcePath} has the same section and slug");
        }

        var dataFiles = new List<(string Name, string Text)>();
        foreach (var file in source.DataFiles())
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken);
            YamlValues.ParseDocument($"content/_data/{Path.GetFileName(file)}", text, diagnostics);
            dataFiles.Add((Path.GetFileName(file), text));
        }

        var problems = diagnostics.Snapshot().Where(d => d.Severity == Severity.Error).Select(d => d.ToString()).ToList();
        if (problems.Count > 0)
        {
            return new Report(0, 0, 0, 0, problems);
        }

        return await WriteAsync(parsed, dataFiles, media, publish, user, cancellationToken);
    }

    private async Task<Report> WriteAsync(
        List<Parsed> parsed, List<(string Name, string Text)> dataFiles, IReadOnlyDictionary<string, MediaFile> media, bool publish, string user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Only the entries this import touches are loaded (with their bodies); the rest of the store is just keys.
        var wanted = parsed.Select(p => (p.Location.Section, p.Slug)).ToHashSet();
        var keys = await db.Entries.AsNoTracking().Select(e => new { e.Id, e.Section, e.Slug }).ToListAsync(cancellationToken);
        var ids = keys.Where(k => wanted.Contains((k.Section, k.Slug))).Select(k => k.Id).ToList();
        var existing = await db.Entries.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => (e.Section, e.Slug), cancellationToken);
        var created = 0;
        var updated = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var item in parsed)
        {
            if (!existing.TryGetValue((item.Location.Section, item.Slug), out var entry))
            {
                entry = new ContentEntry
                {
                    Id = Guid.NewGuid(),
                    Section = item.Location.Section,
                    Slug = item.Slug,
                    Type = item.Item.Type,
                    Title = item.Item.Title,
                    ContentPath = item.Location.ContentPath,
                    FrontMatter = "{}",
                    CreatedAt = now,
                };
                db.Entries.Add(entry);
                created++;
            }
            else
            {
                updated++;
            }

            entry.Type = item.Item.Type;
            entry.Title = item.Item.Title;
            entry.ContentPath = item.Location.ContentPath;
            entry.FrontMatter = item.FrontMatter.ToJsonString();
            entry.Tags = EntryMapping.TagColumn(item.Item);
            entry.Body = item.Body;
            entry.Revision++;
            entry.UpdatedAt = now;
            entry.UpdatedBy = user;
            entry.Status = WorkflowStatus.Draft;
            db.Revisions.Add(ContentRevision.Of(entry, user, "imported", now));

            // Items marked draft in their front matter stay drafts; the rest go live when the import publishes.
            if (publish && !item.Item.Draft)
            {
                await db.PublishAsync(entry, item.Item, now, cancellationToken);
            }
        }

        foreach (var (name, text) in dataFiles)
        {
            var file = await db.DataFiles.FirstOrDefaultAsync(f => f.Name == name, cancellationToken);
            if (file is null)
            {
                db.DataFiles.Add(new DataFile { Name = name, Text = text, UpdatedAt = now });
            }
            else
            {
                file.Text = text;
                file.UpdatedAt = now;
            }
        }

        audit.Record("content.import", null, $"{created} created, {updated} updated, {media.Count} media files", email: user);
        await db.SaveChangesAsync(cancellationToken);
        await db.BumpPublishedVersionAsync(now, cancellationToken);
        CopyMedia(media);
        await transaction.CommitAsync(cancellationToken);
        state.Invalidate();
        return new Report(created, updated, dataFiles.Count, media.Count, []);
    }

    private void CopyMedia(IReadOnlyDictionary<string, MediaFile> media)
    {
        var root = Path.GetFullPath(options.Value.MediaDirectory);
        foreach (var (key, file) in media)
        {
            var target = Path.GetFullPath(Path.Combine(root, key));
            if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue; // the folder scan never yields such a key; refuse it anyway
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file.PhysicalPath, target, overwrite: true);
        }
    }
}
