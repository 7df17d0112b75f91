using System.IO.Compression;
using PopCulture.Site.Content;

namespace PopCulture.Cms.Content;

/// <summary>
/// Unpacks an uploaded zip into an empty folder, trusting nothing in it: names that could leave the folder, links,
/// device files, too many entries, too many bytes and zip bombs are refused before anything is written.
/// </summary>
public static class ZipContent
{
    public const int MaxEntries = 20_000;

    public const long MaxTotalBytes = 256L * 1024 * 1024;

    /// <summary>Text compresses 3 to 10 times; far beyond this, an entry is a bomb rather than content.</summary>
    public const int MaxCompressionRatio = 100;

    /// <summary>Entries up to this size are not ratio-checked: a small file of repeated characters is harmless.</summary>
    public const long RatioCheckedFromBytes = 64 * 1024;

    private const int MaxNameLength = 1024;
    private const int MaxSegmentLength = 255;
    private const int MaxReportedProblems = 20;

    /// <summary>Unpacks <paramref name="zip"/> (seekable) into <paramref name="folder"/>; returns the problems, empty when it worked.</summary>
    public static async Task<IReadOnlyList<string>> ExtractAsync(Stream zip, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ZipArchive archive;
        try
        {
            archive = await ZipArchive.CreateAsync(zip, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        }
        catch (InvalidDataException)
        {
            return ["not a zip archive"];
        }

        await using (archive)
        {
            var problems = Check(archive.Entries);
            if (problems.Count > 0)
            {
                return problems;
            }

            var root = Path.GetFullPath(folder);
            Directory.CreateDirectory(root);
            var remaining = MaxTotalBytes;
            foreach (var entry in archive.Entries)
            {
                var target = Path.GetFullPath(Path.Combine(root, entry.FullName));
                if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    return [$"{entry.FullName}: the name leads outside the content folder"]; // Check refuses these; never rely on it alone
                }

                if (entry.FullName.EndsWith('/'))
                {
                    Directory.CreateDirectory(target);
                    continue;
                }

                try
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    var written = await CopyAsync(entry, target, Math.Min(entry.Length, remaining), cancellationToken);
                    if (written < 0)
                    {
                        return [$"{entry.FullName}: holds more data than its header declares, or the archive is larger than {MaxTotalBytes / (1024 * 1024)} MB unpacked"];
                    }

                    remaining -= written;
                }
                catch (InvalidDataException)
                {
                    return [$"{entry.FullName}: the entry is damaged or compressed with an unsupported method"];
                }
                catch (IOException)
                {
                    return [$"{entry.FullName}: could not be unpacked (a file and a folder of the same name?)"];
                }
            }
        }

        return [];
    }

    private static List<string> Check(System.Collections.ObjectModel.ReadOnlyCollection<ZipArchiveEntry> entries)
    {
        if (entries.Count > MaxEntries)
        {
            return [$"the archive has {entries.Count} entries; at most {MaxEntries} are allowed"];
        }

        var problems = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        long total = 0;
        foreach (var entry in entries)
        {
            var problem = NameProblem(entry.FullName) ?? TypeProblem(entry);
            if (problem is null && !names.Add(entry.FullName.TrimEnd('/')))
            {
                problem = "the name appears twice (letter case aside)";
            }

            if (problem is null && IsText(entry.FullName) && entry.Length > FolderContentSource.MaxFileBytes)
            {
                problem = $"content and data files may be at most {FolderContentSource.MaxFileBytes / (1024 * 1024)} MB";
            }

            if (problem is null && entry.Length > RatioCheckedFromBytes && entry.Length > entry.CompressedLength * MaxCompressionRatio)
            {
                problem = $"unpacks to more than {MaxCompressionRatio} times its compressed size";
            }

            if (problem is not null && problems.Count < MaxReportedProblems)
            {
                problems.Add($"{entry.FullName}: {problem}");
            }

            total += entry.Length;
        }

        if (total > MaxTotalBytes)
        {
            problems.Add($"the archive unpacks to {total / (1024 * 1024)} MB; at most {MaxTotalBytes / (1024 * 1024)} MB are allowed");
        }

        return problems;
    }

    /// <summary>Why a name is refused: only plain relative paths with forward slashes are taken.</summary>
    internal static string? NameProblem(string name)
    {
        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            return $"names must be 1 to {MaxNameLength} characters long";
        }

        if (name.Contains('\\', StringComparison.Ordinal))
        {
            return "names must use '/' between folders, not '\\'";
        }

        if (name[0] == '/' || name.Contains(':', StringComparison.Ordinal))
        {
            return "names must be relative paths, without a leading '/' or a drive letter";
        }

        if (name.Any(char.IsControl))
        {
            return "names must not contain control characters";
        }

        var segments = name.EndsWith('/') ? name[..^1].Split('/') : name.Split('/');
        if (segments.Any(s => s is "" or "." or ".."))
        {
            return "names must not contain '..', '.' or empty folder names";
        }

        return segments.Any(s => s.Length > MaxSegmentLength) ? $"folder and file names must be at most {MaxSegmentLength} characters long" : null;
    }

    /// <summary>Files the importer reads whole into memory: Markdown and YAML.</summary>
    private static bool IsText(string name) =>
        name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why an entry's Unix file type is refused: only regular files and folders are unpacked.</summary>
    private static string? TypeProblem(ZipArchiveEntry entry)
    {
        // Zips made on Unix keep st_mode in the high 16 bits; others leave them 0.
        var type = (entry.ExternalAttributes >> 16) & 0xF000;
        return type switch
        {
            0 or 0x8000 or 0x4000 => null,
            0xA000 => "symbolic links are not allowed",
            _ => "only files and folders are allowed",
        };
    }

    /// <summary>Copies an entry's data, at most <paramref name="limit"/> bytes; -1 when there is more.</summary>
    private static async Task<long> CopyAsync(ZipArchiveEntry entry, string target, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long written = 0;
        await using var source = await entry.OpenAsync(cancellationToken);
        await using var file = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true);
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            written += read;
            if (written > limit)
            {
                return -1;
            }

            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return written;
    }
}
