using System.Collections.Concurrent;
using PopCulture.Site.Incremental;

namespace PopCulture.Site.Output;

/// <summary>
/// Writes a build's files into the output slot only where they differ from the live site, and keeps the hash of every
/// file for the next build's manifest. A rebuild that changes nothing writes nothing.
/// </summary>
public sealed class OutputWriter(SiteOutput output, PageCache cache, bool fromLive)
{
    private readonly ConcurrentDictionary<string, UInt128> _files = new(StringComparer.Ordinal);
    private int _written;

    /// <summary>Every file of this build by site path, with the hash of its content or its source.</summary>
    public IReadOnlyDictionary<string, UInt128> Files => _files;

    public int Written => _written;

    /// <summary>A hash standing for a file's content without reading it: where it is, its length and when it last changed.</summary>
    public static UInt128 SourceHash(string physicalPath)
    {
        var info = new FileInfo(physicalPath);
        return new ContentHash().Add(info.FullName).Add(info.Length).Add(info.LastWriteTimeUtc.Ticks).Value;
    }

    public Task PageAsync(string url, string html, CancellationToken cancellationToken) => TextAsync(url, html, cancellationToken);

    public async Task TextAsync(string sitePath, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = ContentHash.Of(text);
        if (Unchanged(sitePath, hash))
        {
            return;
        }

        await output.WriteTextAsync(sitePath, text, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _written);
    }

    /// <summary>A file made from <paramref name="inputs"/> (a QR sign): made again only when they change.</summary>
    public async Task GeneratedAsync(string sitePath, UInt128 inputs, Func<string> make, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(make);
        if (Unchanged(sitePath, inputs))
        {
            return;
        }

        await output.WriteTextAsync(sitePath, make(), cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _written);
    }

    /// <summary>A binary file known by the hash of what it is made from (a search shard): made only when that changes.</summary>
    public async Task BytesAsync(string sitePath, UInt128 inputs, Func<byte[]> make, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(make);
        if (Unchanged(sitePath, inputs))
        {
            return;
        }

        await output.WriteBytesAsync(sitePath, make(), cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _written);
    }

    public void Copy(string sitePath, UInt128 hash, string source)
    {
        if (Unchanged(sitePath, hash))
        {
            return;
        }

        output.CopyFile(sitePath, source);
        Interlocked.Increment(ref _written);
    }

    /// <summary>Keeps a page the cache vouched for, as the live site has it.</summary>
    public void Keep(string sitePath)
    {
        var previous = cache.PreviousFile(sitePath);
        if (previous != UInt128.Zero)
        {
            _files.TryAdd(sitePath, previous);
        }
    }

    /// <summary>Deletes what the live site has and this build does not.</summary>
    public void DeleteMissing(BuildManifest? previous)
    {
        if (previous is null)
        {
            return; // a build without a manifest starts from an empty slot
        }

        foreach (var sitePath in previous.Files.Keys.Where(p => !_files.ContainsKey(p)))
        {
            output.Begin(fromLive);
            output.Delete(sitePath);
        }
    }

    private bool Unchanged(string sitePath, UInt128 hash)
    {
        _files[sitePath] = hash;
        if (fromLive && cache.PreviousFile(sitePath) == hash)
        {
            return true;
        }

        output.Begin(fromLive);
        return false;
    }
}
