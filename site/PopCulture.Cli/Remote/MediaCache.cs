using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using PopCulture.Site.Content;

namespace PopCulture.Cli.Remote;

/// <summary>
/// Media files of a remote build in a local folder named by their SHA-256 (<c>ab/ab12….png</c>): a file already there
/// is never fetched again, a new one is streamed to disk, checked against the manifest's length and hash, then renamed
/// into place.
/// </summary>
internal sealed partial class MediaCache(RemoteClient client, string folder)
{
    /// <summary>Downloads at once: enough to hide latency without crowding the CMS.</summary>
    private const int Parallelism = 4;

    /// <summary>Fetches what is missing and returns every file of <paramref name="media"/>; failures are reported per file.</summary>
    public async Task<IReadOnlyDictionary<string, MediaFile>> FetchAsync(
        IReadOnlyList<SourceMedia> media, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var files = new ConcurrentDictionary<string, MediaFile>(StringComparer.Ordinal);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(media, parallel, async (file, ct) =>
        {
            var path = PathOf(file);
            try
            {
                if (!File.Exists(path) || new FileInfo(path).Length != file.Length)
                {
                    await DownloadAsync(file, path, ct).ConfigureAwait(false);
                }

                files[file.Key] = new MediaFile(file.Key, path, file.Length);
            }
            catch (RemoteSourceException e)
            {
                diagnostics.Error(e.Url, 0, e.Message);
            }
        }).ConfigureAwait(false);

        return new Dictionary<string, MediaFile>(files, StringComparer.Ordinal);
    }

    /// <summary>The key's URL path, each segment escaped (names may be Chinese or hold spaces).</summary>
    public static string RelativeUrl(string key) => "api/v1/source/media/" + string.Join('/', key.Split('/').Select(Uri.EscapeDataString));

    private async Task DownloadAsync(SourceMedia file, string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var relative = RelativeUrl(file.Key);
            var length = await client.DownloadAsync(relative, temporary, file.Length, hash, cancellationToken).ConfigureAwait(false);
            if (length != file.Length)
            {
                throw new RemoteSourceException(client.Absolute(relative), $"the download is {length} bytes; the manifest says {file.Length}");
            }

            if (!string.Equals(Convert.ToHexStringLower(hash.GetHashAndReset()), file.Sha256, StringComparison.Ordinal))
            {
                throw new RemoteSourceException(client.Absolute(relative), "the download does not match the manifest's SHA-256 (did the file change on the CMS during the build?)");
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private string PathOf(SourceMedia file)
    {
        // The extension stays, for tools that look at it; anything odd is left off rather than trusted.
        var extension = Path.GetExtension(file.Key);
        extension = SafeExtension().IsMatch(extension) ? extension.ToLowerInvariant() : "";
        return Path.Combine(folder, file.Sha256[..2], file.Sha256 + extension);
    }

    [GeneratedRegex("^\\.[A-Za-z0-9]{1,10}$")]
    private static partial Regex SafeExtension();
}
