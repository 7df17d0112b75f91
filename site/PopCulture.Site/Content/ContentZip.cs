using System.Collections.ObjectModel;
using System.IO.Compression;

namespace PopCulture.Site.Content;

/// <summary>
/// Unpacks a zip in the <c>content/</c> folder layout into a folder, trusting nothing in it: names that could leave the
/// folder, links, device files, too many entries, too many bytes and zip bombs are refused before anything is written.
/// </summary>
/// <remarks>
/// The one implementation behind the CMS's import (zips uploaded by anyone holding a token) and the CLI's export
/// (zips downloaded from a CMS that may not be the one you think): both unpack untrusted archives by the same rules.
/// </remarks>
public static class ContentZip
{
    /// <summary>The most entries an archive may have; the repository's content is a few hundred.</summary>
    public const int MaxEntries = 20_000;

    /// <summary>The most bytes an archive may unpack to, counted as they are written, not as the headers claim.</summary>
    public const long MaxTotalBytes = 256L * 1024 * 1024;

    /// <summary>Text compresses 3 to 10 times; far beyond this, an entry is a bomb rather than content.</summary>
    public const int MaxCompressionRatio = 100;

    /// <summary>Entries up to this size are not ratio-checked: a small file of repeated characters is harmless.</summary>
    public const long RatioCheckedFromBytes = 64 * 1024;

    private const int MaxNameLength = 1024;
    private const int MaxSegmentLength = 255;
    private const int MaxReportedProblems = 20;
    private const long Megabyte = 1024 * 1024;

    /// <summary>What an extraction wrote, or why it wrote nothing: <paramref name="Problems"/> is empty when it worked.</summary>
    public sealed record Extraction(int Files, long Bytes, IReadOnlyList<string> Problems);

    /// <summary>The size limits an extraction enforces; tests shrink them so a refusal needs no huge archive.</summary>
    internal sealed record Limits(int Entries, long TotalBytes, long TextFileBytes)
    {
        /// <summary>The limits the CMS and the CLI use. Text files are capped at what the generator will read.</summary>
        public static Limits Default { get; } = new(MaxEntries, MaxTotalBytes, FolderContentSource.MaxFileBytes);
    }

    /// <summary>
    /// Unpacks <paramref name="zip"/> (seekable) into <paramref name="folder"/>, which should be empty or absent.
    /// When problems are returned the folder may hold part of the archive; the caller clears it.
    /// </summary>
    public static Task<Extraction> ExtractAsync(Stream zip, string folder, CancellationToken cancellationToken) =>
        ExtractAsync(zip, folder, Limits.Default, cancellationToken);

    /// <summary>Unpacks <paramref name="zip"/> into <paramref name="folder"/> within <paramref name="limits"/>.</summary>
    internal static async Task<Extraction> ExtractAsync(Stream zip, string folder, Limits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(limits);
        ZipArchive archive;
        try
        {
            archive = await ZipArchive.CreateAsync(zip, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            return Failed("not a zip archive");
        }

        await using (archive.ConfigureAwait(false))
        {
            // Every entry is checked before the first byte is written, so a refused archive leaves nothing half-trusted.
            var problems = Check(archive.Entries, limits);
            if (problems.Count > 0)
            {
                return new Extraction(0, 0, problems);
            }

            var root = Path.GetFullPath(folder);
            Directory.CreateDirectory(root);
            var remaining = limits.TotalBytes;
            var files = 0;
            foreach (var entry in archive.Entries)
            {
                var target = Path.GetFullPath(Path.Combine(root, entry.FullName));
                if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    return Failed($"{entry.FullName}: the name leads outside the folder"); // Check refuses these; never rely on it alone
                }

                if (entry.FullName.EndsWith('/'))
                {
                    Directory.CreateDirectory(target);
                    continue;
                }

                try
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    // The headers' sizes were checked, but they may lie: the copy stops at the declared length.
                    var written = await CopyAsync(entry, target, Math.Min(entry.Length, remaining), cancellationToken).ConfigureAwait(false);
                    if (written < 0)
                    {
                        return Failed($"{entry.FullName}: holds more data than its header declares, or the archive is larger than {Size(limits.TotalBytes)} unpacked");
                    }

                    remaining -= written;
                    files++;
                }
                catch (InvalidDataException)
                {
                    return Failed($"{entry.FullName}: the entry is damaged or compressed with an unsupported method");
                }
                catch (IOException)
                {
                    // The exception's own message names server paths; clients get a description instead.
                    return Failed($"{entry.FullName}: could not be unpacked (a file and a folder of the same name?)");
                }
            }

            return new Extraction(files, limits.TotalBytes - remaining, []);
        }
    }

    private static Extraction Failed(string problem) => new(0, 0, [problem]);

    /// <summary>Every problem the central directory shows (up to a few dozen), so one attempt reports them all.</summary>
    private static List<string> Check(ReadOnlyCollection<ZipArchiveEntry> entries, Limits limits)
    {
        if (entries.Count > limits.Entries)
        {
            return [$"the archive has {entries.Count} entries; at most {limits.Entries} are allowed"];
        }

        var problems = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        long total = 0;
        foreach (var entry in entries)
        {
            var problem = NameProblem(entry.FullName) ?? TypeProblem(entry);
            // Names differing only in case would overwrite each other on Windows and macOS.
            if (problem is null && !names.Add(entry.FullName.TrimEnd('/')))
            {
                problem = "the name appears twice (letter case aside)";
            }

            if (problem is null && IsText(entry.FullName) && entry.Length > limits.TextFileBytes)
            {
                problem = $"content and data files may be at most {Size(limits.TextFileBytes)}";
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

        if (total > limits.TotalBytes)
        {
            problems.Add($"the archive unpacks to {Size(total)}; at most {Size(limits.TotalBytes)} are allowed");
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

    /// <summary>Files the generator and the importer read whole into memory: Markdown and YAML.</summary>
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

    /// <summary>Megabytes, rounded up so an excess never reads as the limit; bytes below one (the small limits of tests).</summary>
    private static string Size(long bytes) =>
        bytes >= Megabyte ? $"{(bytes + Megabyte - 1) / Megabyte} MB" : $"{bytes} bytes";

    /// <summary>Copies an entry's data, at most <paramref name="limit"/> bytes; -1 when there is more.</summary>
    private static async Task<long> CopyAsync(ZipArchiveEntry entry, string target, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long written = 0;
        var source = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            // CreateNew: never write through a file an earlier entry or anyone else put there.
            var file = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    written += read;
                    if (written > limit)
                    {
                        return -1;
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return written;
    }
}
