using System.Collections.Concurrent;
using System.Text;

namespace PopCulture.Site.Output;

/// <summary>
/// Writes a build into a staging folder beside the output and swaps it in only when the build succeeds,
/// so a failed build leaves the previous site untouched.
/// </summary>
public sealed class StagedOutput : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);
    private readonly string _output;
    private bool _committed;

    public StagedOutput(string outputDirectory)
    {
        _output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(_output) ?? throw new ArgumentException("output folder has no parent", nameof(outputDirectory));
        Directory.CreateDirectory(parent);
        StagingDirectory = Path.Combine(parent, $".{Path.GetFileName(_output)}.staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(StagingDirectory);
    }

    public string StagingDirectory { get; }

    /// <summary>The file a site path is written to: <c>/parks/</c> → <c>parks/index.html</c>.</summary>
    public string PathOf(string sitePath)
    {
        ArgumentNullException.ThrowIfNull(sitePath);
        var relative = sitePath.TrimStart('/');
        if (relative.Length == 0 || relative.EndsWith('/'))
        {
            relative += "index.html";
        }

        if (relative.Split('/').Any(part => part is ".." or "." or ""))
        {
            throw new ArgumentException($"site path '{sitePath}' is not a plain path", nameof(sitePath));
        }

        return Path.Combine(StagingDirectory, relative.Replace('/', Path.DirectorySeparatorChar));
    }

    public async Task WriteTextAsync(string sitePath, string text, CancellationToken cancellationToken)
    {
        var path = Prepare(sitePath);
        await File.WriteAllTextAsync(path, text, Utf8, cancellationToken).ConfigureAwait(false);
    }

    public async Task WriteBytesAsync(string sitePath, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var path = Prepare(sitePath);
        await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
    }

    public Stream Create(string sitePath) => new FileStream(Prepare(sitePath), FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);

    public void CopyFile(string sitePath, string source) => File.Copy(source, Prepare(sitePath), overwrite: true);

    /// <summary>
    /// Swaps the staged build in place of the output folder. The previous output is renamed aside and deleted in the
    /// background: deleting ten thousand files costs seconds that no reader should wait for.
    /// </summary>
    /// <returns>The deletion of the previous output, to await before the process exits.</returns>
    public Task Commit()
    {
        var old = $"{StagingDirectory}.old";
        var hadOutput = Directory.Exists(_output);
        if (hadOutput)
        {
            Directory.Move(_output, old);
        }

        try
        {
            Directory.Move(StagingDirectory, _output);
        }
        catch (IOException)
        {
            if (hadOutput)
            {
                Directory.Move(old, _output);
            }

            throw;
        }

        _committed = true;
        return hadOutput ? Task.Run(() => DeleteQuietly(old)) : Task.CompletedTask;
    }

    /// <summary>Deletes previous outputs a crashed process renamed aside but never finished deleting.</summary>
    public static void RemoveLeftovers(string outputDirectory)
    {
        var output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(output);
        if (parent is null || !Directory.Exists(parent))
        {
            return;
        }

        foreach (var leftover in Directory.EnumerateDirectories(parent, $".{Path.GetFileName(output)}.staging-*.old"))
        {
            DeleteQuietly(leftover);
        }
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Another build in this folder got there first: the goal, an absent folder, is reached.
        }
    }

    /// <summary>Removes the staging folder unless it was committed.</summary>
    public void Dispose()
    {
        if (!_committed && Directory.Exists(StagingDirectory))
        {
            Directory.Delete(StagingDirectory, recursive: true);
        }
    }

    private string Prepare(string sitePath)
    {
        var path = PathOf(sitePath);
        var folder = Path.GetDirectoryName(path)!;
        if (_folders.TryAdd(folder, true))
        {
            Directory.CreateDirectory(folder);
        }

        return path;
    }
}
