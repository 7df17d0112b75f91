using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PopCulture.Cms.Auditing;
using PopCulture.Cms.Data;
using PopCulture.Cms.Infrastructure;
using PopCulture.Cms.Workflow;

namespace PopCulture.Cms.Media;

/// <summary>
/// Accepts uploads into the media library: sniffed, size-limited per type, scanned for hidden script, images decoded
/// within limits and stored again without metadata under a generated name; nothing is stored when any check fails.
/// </summary>
public sealed partial class MediaService(
    CmsDbContext db, IMediaStorage storage, AuditLog audit, TimeProvider clock, IOptions<MediaOptions> settings, Publishing.SiteStateCache state)
{
    private readonly MediaOptions _options = settings.Value;

    public async Task<Outcome<MediaItem>> UploadAsync(Stream upload, string? fileName, MediaInput input, string user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(input);
        if (Validate(input) is { Count: > 0 } errors)
        {
            return Outcome<MediaItem>.Invalid(errors);
        }

        // The upload goes to a private temporary file first: checks read it several times and nothing is kept on failure.
        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        if (!await CopyWithinAsync(upload, file, _options.LargestUpload, cancellationToken))
        {
            return Outcome<MediaItem>.TooLarge($"the file is larger than {_options.LargestUpload / (1024 * 1024)} MB");
        }

        var head = new byte[64];
        file.Position = 0;
        var headLength = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        var (type, problem) = MediaSniffer.Identify(head.AsSpan(0, headLength));
        if (type is null)
        {
            return Outcome<MediaItem>.Invalid("file", problem!);
        }

        var limit = type.Kind switch { "image" => _options.MaxImageBytes, "pdf" => _options.MaxPdfBytes, _ => _options.MaxVideoBytes };
        if (file.Length > limit)
        {
            return Outcome<MediaItem>.TooLarge($"{type.ContentType} files may be at most {limit / (1024 * 1024.0):0.#} MB; this one is {file.Length / (1024 * 1024.0):0.#} MB");
        }

        if (MediaSniffer.ExtensionOf(fileName) is { } extension && !type.Aliases.Contains(extension))
        {
            return Outcome<MediaItem>.Invalid("file", $"the file name ends in {extension} but the file is {type.ContentType}: rename it or upload the right file");
        }

        if (type.Kind != "video" && await MediaSniffer.ContainsScriptAsync(file, type, cancellationToken))
        {
            return Outcome<MediaItem>.Invalid("file", type.Kind == "pdf"
                ? "the PDF contains script, launch actions or embedded files, which are not accepted"
                : "the file is an image that also contains HTML or script, which is not accepted");
        }

        var id = Guid.NewGuid();
        var item = new MediaItem
        {
            Id = id,
            Kind = type.Kind,
            ContentType = type.ContentType,
            StoredName = "original" + type.Extension,
            OriginalName = fileName is null ? null : Truncate(fileName.Replace('\\', '/').Split('/')[^1], 200),
            Sha256 = "",
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = user,
            UpdatedAt = clock.GetUtcNow(),
        };
        Apply(item, input);

        Stream stored = file;
        if (type.Kind == "image")
        {
            var normalised = await new ImageInspector(_options).NormaliseAsync(file, type, cancellationToken);
            if (normalised.Problem is not null)
            {
                return Outcome<MediaItem>.Invalid("file", normalised.Problem);
            }

            stored = new MemoryStream(normalised.Bytes!, writable: false);
            item.Width = normalised.Width;
            item.Height = normalised.Height;
        }

        await using (stored.ConfigureAwait(false))
        {
            stored.Position = 0;
            item.Sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stored, cancellationToken));
            item.Bytes = stored.Length;
            stored.Position = 0;
            await storage.SaveAsync(id, item.StoredName, stored, cancellationToken);
        }

        db.Media.Add(item);
        audit.Record("media.upload", id.ToString(), $"{item.ContentType}, {item.Bytes} bytes");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // The row is the record of the file: without it, the file must not stay behind.
            await storage.DeleteAsync(id, CancellationToken.None);
            throw;
        }

        return Outcome<MediaItem>.Ok(item);
    }

    public async Task<Outcome<MediaItem>> UpdateAsync(Guid id, MediaInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var item = await db.Media.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (item is null)
        {
            return Outcome<MediaItem>.NotFound();
        }

        if (Validate(input) is { Count: > 0 } errors)
        {
            return Outcome<MediaItem>.Invalid(errors);
        }

        var shown = (item.Alt, item.FocalX, item.FocalY);
        Apply(item, input);
        item.UpdatedAt = clock.GetUtcNow();
        audit.Record("media.update", id.ToString());
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var redescribed = (item.Alt, item.FocalX, item.FocalY) != shown;
        if (redescribed)
        {
            // Published pages show the library's alt text and crop covers around its focal point: the delivery caches and
            // remote builds (source API), keyed on the published version, must see the change.
            await db.BumpPublishedVersionAsync(item.UpdatedAt, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (redescribed)
        {
            state.Invalidate();
        }

        return Outcome<MediaItem>.Ok(item);
    }

    public async Task<Outcome<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var item = await db.Media.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (item is null)
        {
            return Outcome<bool>.NotFound();
        }

        var used = await UsageAsync(id, cancellationToken);
        if (used.Count > 0)
        {
            return Outcome<bool>.Conflict($"the file is used by {used.Count} entries (first: {used[0].Section}/{used[0].Slug}); remove it from them first");
        }

        db.Media.Remove(item);
        audit.Record("media.delete", id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        await storage.DeleteAsync(id, cancellationToken);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>Entries whose front matter or body mention the media item (by its id, as its URL contains it).</summary>
    public async Task<IReadOnlyList<MediaUsage>> UsageAsync(Guid id, CancellationToken cancellationToken)
    {
        var key = id.ToString();
        var compact = id.ToString("N");
        return await db.Entries.AsNoTracking()
            .Where(e => e.Body.Contains(key) || e.FrontMatter.Contains(key) || e.Body.Contains(compact) || e.FrontMatter.Contains(compact))
            .OrderBy(e => e.Section).ThenBy(e => e.Slug)
            .Select(e => new MediaUsage(e.Id, e.Section, e.Slug, e.Title))
            .ToListAsync(cancellationToken);
    }

    private static Dictionary<string, string[]> Validate(MediaInput input)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Max(string field, string? value, int max)
        {
            if (value is not null && value.Length > max)
            {
                errors[field] = [$"{field} may be at most {max} characters"];
            }
        }

        Max("title", input.Title, 200);
        Max("alt", input.Alt, 300);
        Max("caption", input.Caption, 500);
        Max("credit", input.Credit, 200);
        if (!string.IsNullOrEmpty(input.Folder) && !FolderPattern().IsMatch(input.Folder))
        {
            errors["folder"] = ["folder must be lowercase ASCII names separated by '/', like parks/gusu"];
        }

        var tags = input.Tags ?? [];
        if (tags.Count > 20 || tags.Any(t => t.Length > 32))
        {
            errors["tags"] = ["at most 20 tags of at most 32 characters"];
        }

        if (input.FocalX is < 0 or > 1 || input.FocalX is double.NaN)
        {
            errors["focalX"] = ["focalX must be between 0 (left) and 1 (right)"];
        }

        if (input.FocalY is < 0 or > 1 || input.FocalY is double.NaN)
        {
            errors["focalY"] = ["focalY must be between 0 (top) and 1 (bottom)"];
        }

        return errors;
    }

    private static void Apply(MediaItem item, MediaInput input)
    {
        // A field left out (null) keeps its value; a field sent empty clears it, as the manager's form does when an editor
        // empties a caption.
        item.Title = input.Title is null ? item.Title : Blank(input.Title);
        item.Alt = input.Alt is null ? item.Alt : Blank(input.Alt);
        item.Caption = input.Caption is null ? item.Caption : Blank(input.Caption);
        item.Credit = input.Credit is null ? item.Credit : Blank(input.Credit);
        item.Folder = input.Folder ?? item.Folder;
        item.Tags = input.Tags is null ? item.Tags : string.Join(',', input.Tags.Select(t => t.Trim().Replace(",", "", StringComparison.Ordinal)).Where(t => t.Length > 0).Distinct());
        item.FocalX = input.FocalX ?? item.FocalX;
        item.FocalY = input.FocalY ?? item.FocalY;
    }

    internal static List<string> SplitTags(string? tags) =>
        string.IsNullOrWhiteSpace(tags) ? [] : [.. tags.Split([',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()];

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    private static async Task<bool> CopyWithinAsync(Stream source, Stream target, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
            {
                return false;
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return true;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*$")]
    private static partial Regex FolderPattern();
}

/// <summary>An entry that uses a media item.</summary>
public sealed record MediaUsage(Guid EntryId, string Section, string Slug, string Title);
