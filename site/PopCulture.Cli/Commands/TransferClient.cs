using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json;
using PopCulture.Site.Content;

namespace PopCulture.Cli.Commands;

/// <summary>
/// Talks to a CMS's transfer API: downloads an export and unpacks it into a folder, or zips a folder and imports it.
/// Prints a summary to <c>output</c>, problems as <c>path:line: message</c> lines to <c>errors</c>; returns the exit code.
/// </summary>
internal sealed class TransferClient(HttpClient http, TextWriter output, TextWriter errors)
{
    /// <summary>An export unpacks to at most <see cref="ContentZip.MaxTotalBytes"/>; the zip itself cannot be much bigger.</summary>
    private const long MaxDownloadBytes = ContentZip.MaxTotalBytes + (16 * 1024 * 1024);

    public async Task<int> ExportAsync(string directory, string? section, CancellationToken cancellationToken)
    {
        if (File.Exists(directory) || (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any()))
        {
            await errors.WriteLineAsync($"{directory}: must be an empty folder or not exist yet").ConfigureAwait(false);
            return 1;
        }

        var url = section is null ? "api/v1/manage/export" : $"api/v1/manage/export?section={Uri.EscapeDataString(section)}";
        var temp = Path.GetTempFileName();
        try
        {
            using (var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
            {
                if (!response.IsSuccessStatusCode)
                {
                    await ReportFailureAsync("export", response, cancellationToken).ConfigureAwait(false);
                    return 1;
                }

                if (!await DownloadAsync(response, temp, cancellationToken).ConfigureAwait(false))
                {
                    await errors.WriteLineAsync($"export failed: the download is larger than {MaxDownloadBytes / (1024 * 1024)} MB").ConfigureAwait(false);
                    return 1;
                }
            }

            var existed = Directory.Exists(directory);
            ContentZip.Extraction extracted;
            var zip = new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
            await using (zip.ConfigureAwait(false))
            {
                extracted = await ContentZip.ExtractAsync(zip, directory, cancellationToken).ConfigureAwait(false);
            }

            if (extracted.Problems.Count > 0)
            {
                Undo(directory, existed);
                foreach (var problem in extracted.Problems)
                {
                    await errors.WriteLineAsync(problem).ConfigureAwait(false);
                }

                await errors.WriteLineAsync($"export failed: the archive was refused; {directory} was left empty").ConfigureAwait(false);
                return 1;
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"exported {extracted.Files} files ({extracted.Bytes / 1024.0:0.0} KB) to {directory}")).ConfigureAwait(false);
            return 0;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task<int> ImportAsync(string directory, bool publish, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            await errors.WriteLineAsync($"{directory}: no such folder").ConfigureAwait(false);
            return 1;
        }

        var temp = Path.GetTempFileName();
        try
        {
            int files;
            var zip = new FileStream(temp, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 4096, useAsync: true);
            await using (zip.ConfigureAwait(false))
            {
                files = await ZipFolderAsync(directory, zip, cancellationToken).ConfigureAwait(false);
                zip.Position = 0;
                using var content = new StreamContent(zip);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
                var url = $"api/v1/manage/import?publish={(publish ? "true" : "false")}";
                using var response = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    await ReportFailureAsync("import", response, cancellationToken).ConfigureAwait(false);
                    return 1;
                }

                using var summary = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
                int Count(string name) => summary.RootElement.GetProperty(name).GetInt32();
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"imported {files} files from {directory}: {Count("created")} created, {Count("updated")} updated, {Count("dataFiles")} data files, {Count("mediaFiles")} media files{(publish ? ", published" : ", as drafts")}"))
                    .ConfigureAwait(false);
                return 0;
            }
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Zips <paramref name="folder"/> into <paramref name="zip"/> in the content/ layout, leaving out dot-files and links.</summary>
    /// <remarks>The CLI's own: the CMS builds its export from the database (ContentExporter), not from a folder.</remarks>
    private static async Task<int> ZipFolderAsync(string folder, Stream zip, CancellationToken cancellationToken)
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

    private static async Task<bool> DownloadAsync(HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            var target = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true);
            await using (target.ConfigureAwait(false))
            {
                var buffer = new byte[81920];
                long total = 0;
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                    if (total > MaxDownloadBytes)
                    {
                        return false;
                    }

                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return true;
    }

    /// <summary>Prints a failed response: a validation problem's lines one per line, else its status, title and detail.</summary>
    private async Task ReportFailureAsync(string verb, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        string? title = null;
        string? detail = null;
        try
        {
            using var problem = JsonDocument.Parse(text);
            var root = problem.RootElement;
            title = root.TryGetProperty("title", out var t) ? t.GetString() : null;
            detail = root.TryGetProperty("detail", out var d) ? d.GetString() : null;
            if (root.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in fields.EnumerateObject())
                {
                    foreach (var message in field.Value.EnumerateArray())
                    {
                        // The CMS names the zip's own problems and the importer's path:line lines under "file".
                        await errors.WriteLineAsync(field.Name == "file" ? message.GetString() : $"{field.Name}: {message.GetString()}").ConfigureAwait(false);
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not problem details (a proxy's error page, say): the status line says enough.
        }

        var status = string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode} {title ?? response.ReasonPhrase}");
        // A refused import (4xx) changed nothing; after a server error the CMS's own transaction decides, so say nothing.
        var nothing = verb == "import" && (int)response.StatusCode < 500 ? "; nothing was changed" : "";
        await errors.WriteLineAsync($"{verb} failed: {status}{(detail is null ? "" : $": {detail}")}{nothing}").ConfigureAwait(false);
    }

    /// <summary>Removes what a refused extraction wrote: the folder was empty or absent before.</summary>
    private static void Undo(string directory, bool existed)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        if (!existed)
        {
            Directory.Delete(directory, recursive: true);
            return;
        }

        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo folder)
            {
                folder.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }
    }
}
