using System.IO.Compression;

namespace PopCulture.Cli.Commands;

/// <summary>
/// Zips a content folder for import, and unpacks an exported zip into a folder trusting nothing in it: names that
/// could leave the folder, links, too many entries, too many bytes and zip bombs are refused before anything is written.
/// </summary>
/// <remarks>The rules match the CMS's <c>ZipContent</c>; the CLI cannot reference the CMS, so they are repeated here.</remarks>
internal static class TransferZip
{
    public const int MaxEntries = 20_000;

    public const long MaxTotalBytes = 256L * 1024 * 1024;

    /// <summary>Text compresses 3 to 10 times; far beyond this, an entry is a bomb rather than content.</summary>
    public const int MaxCompressionRatio = 100;

    private const long RatioCheckedFromBytes = 64 * 1024;
    private const int MaxNameLength = 1024;
    private const int MaxSegmentLength = 255;
    private const int MaxReportedProblems = 20;

    /// <summary>What an extraction wrote, or why it wrote nothing.</summary>
    public sealed record Extracted(int Files, long Bytes, IReadOnlyList<string> Problems);

    /// <summary>Zips <paramref name="folder"/> into <paramref name="zip"/> in the content/ layout, leaving out dot-files and links.</summary>
    public static async Task<int> CreateAsync(string folder, Stream zip, CancellationToken cancellationToken)
    {
        var walk = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
            IgnoreInaccessible = false,
        };
        var files = Directory.EnumerateFiles(folder, "*", walk)
            .Select(path => (Name: Path.GetRelativePath(folder, path).Replace('\\', '/'), Path: path))
            .Where(file => !file.Name.Split('/').Any(segment => segment.StartsWith('.')))
            .OrderBy(file => file.Name, StringComparer.Ordinal)
            .ToList();
        var archive = await ZipArchive.CreateAsync(zip, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken).ConfigureAwait(false);
        await using (archive.ConfigureAwait(false))
        {
            foreach (var (name, path) in files)
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
                await using (source.ConfigureAwait(false))
                {
                    var target = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
                    await using (target.ConfigureAwait(false))
                    {
                        await source.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }

        return files.Count;
    }

    /// <summary>Unpacks <paramref name="zip"/> (seekable) into <paramref name="folder"/>, which must be empty.</summary>
    public static async Task<Extracted> ExtractAsync(Stream zip, string folder, CancellationToken cancellationToken)
    {
        ZipArchive archive;
        try
        {
            archive = await ZipArchive.CreateAsync(zip, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            return Failed("the download is not a zip archive");
        }

        await using (archive.ConfigureAwait(false))
        {
            var problems = Check(archive.Entries);
            if (problems.Count > 0)
            {
                return new Extracted(0, 0, problems);
            }

            var root = Path.GetFullPath(folder);
            Directory.CreateDirectory(root);
            var remaining = MaxTotalBytes;
            var files = 0;
            foreach (var entry in archive.Entries)
            {
                var target = Path.GetFullPath(Path.Combine(root, entry.FullName));
                if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    return Failed($"{entry.FullName}: the name leads outside the folder");
                }

                if (entry.FullName.EndsWith('/'))
                {
                    Directory.CreateDirectory(target);
                    continue;
                }

                try
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    var written = await CopyAsync(entry, target, Math.Min(entry.Length, remaining), cancellationToken).ConfigureAwait(false);
                    if (written < 0)
                    {
                        return Failed($"{entry.FullName}: holds more data than its header declares, or the archive is larger than {MaxTotalBytes / (1024 * 1024)} MB unpacked");
                    }

                    remaining -= written;
                    files++;
                }
                catch (InvalidDataException)
                {
                    return Failed($"{entry.FullName}: the entry is damaged or compressed with an unsupported method");
                }
            }

            return new Extracted(files, MaxTotalBytes - remaining, []);
        }
    }

    private static Extracted Failed(string problem) => new(0, 0, [problem]);

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

    private static string? NameProblem(string name)
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

    private static async Task<long> CopyAsync(ZipArchiveEntry entry, string target, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long written = 0;
        var source = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
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
