using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace PopCulture.Site.Output;

/// <summary>
/// The output folder as a symbolic link to one of two slots. A build writes what changed into the slot that is not
/// live and then repoints the link in one rename: readers see the old site or the new one, never a mix, and a build that
/// dies leaves the live slot untouched. Afterwards the other slot is brought level by hard links, so the next build
/// again starts from a copy of the live site. One build at a time holds the folder's lock, across processes.
/// </summary>
public sealed class SiteOutput : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly string[] SlotNames = ["a", "b"];

    /// <summary>How long a build waits for another one writing the same folder before it gives up with the error.</summary>
    private static readonly TimeSpan MaxLockWait = TimeSpan.FromMinutes(30);

    private readonly string _output;
    private readonly string _slots;
    private readonly FileStream _lock;
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<string> _written = [];
    private readonly ConcurrentBag<string> _deleted = [];
    private readonly List<Task> _trash = [];
    private readonly bool _legacy;
    private string? _live;
    private string? _target;
    private bool _targetFromLive;
    private ulong _committed;

    private SiteOutput(string output, FileStream lockFile)
    {
        _output = output;
        _lock = lockFile;
        _slots = Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.slots");
        Directory.CreateDirectory(_slots);
        foreach (var leftover in Directory.EnumerateDirectories(_slots, "old-*"))
        {
            // Set aside by a build that was killed before it finished deleting them; we hold the lock, so they are ours.
            _trash.Add(Task.Run(() => DeleteTree(leftover)));
        }

        var link = new DirectoryInfo(output).LinkTarget;
        if (link is not null && Array.IndexOf(SlotNames, Path.GetFileName(link)) >= 0 && Directory.Exists(SlotPath(Path.GetFileName(link))))
        {
            _live = Path.GetFileName(link);
            LiveBuildId = ReadStamp(_live);
        }
        else
        {
            // A plain folder from an older version or another tool: replaced whole by the first build.
            _legacy = link is null && Directory.Exists(output);
        }
    }

    /// <summary>The id of the build the live site came from; null when unknown (no build yet, or another tool's folder).</summary>
    public ulong? LiveBuildId { get; }

    /// <summary>Whether this build has written or deleted anything yet.</summary>
    public bool HasChanges => _target is not null;

    /// <summary>Takes the output folder's lock, waiting while another build holds it.</summary>
    public static async Task<SiteOutput> OpenAsync(string outputDirectory, CancellationToken cancellationToken)
    {
        var output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(output) ?? throw new ArgumentException("output folder has no parent", nameof(outputDirectory));
        Directory.CreateDirectory(parent);
        var lockPath = Path.Combine(parent, $".{Path.GetFileName(output)}.lock");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        FileStream lockFile;
        while (true)
        {
            try
            {
                lockFile = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                break;
            }
            catch (IOException) when (!cancellationToken.IsCancellationRequested && waited.Elapsed < MaxLockWait)
            {
                // Another build is writing this folder; ours follows it. (The lock goes with its process, so a killed
                // build never leaves one behind; what keeps failing past the limit is reported, not waited on forever.)
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
            }
        }

        try
        {
            return new SiteOutput(output, lockFile);
        }
        catch
        {
            // A slots folder that cannot be made is the disk's error to report now, not another build to wait for.
            await lockFile.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Prepares the slot to write: a copy of the live site to change (<paramref name="fromLive"/>), or an empty slot
    /// for a build that writes every file.
    /// </summary>
    public void Begin(bool fromLive)
    {
        lock (_folders)
        {
            if (_target is null)
            {
                BeginSlot(fromLive);
            }
        }
    }

    private void BeginSlot(bool fromLive)
    {
        var target = _live == SlotNames[0] ? SlotNames[1] : SlotNames[0];
        var copy = fromLive && _live is not null;
        var ready = copy && LiveBuildId is not null && ReadStamp(target) == LiveBuildId && Directory.Exists(SlotPath(target));
        File.Delete(StampPath(target)); // from here until the commit, the slot is unfinished
        if (!ready)
        {
            Clear(target);
            if (copy)
            {
                Clone(SlotPath(_live!), SlotPath(target));
            }
            else
            {
                Directory.CreateDirectory(SlotPath(target));
            }
        }

        _targetFromLive = copy;
        _target = target;
    }

    /// <summary>The file a site path is written to: <c>/parks/</c> → <c>parks/index.html</c>.</summary>
    public static string RelativePathOf(string sitePath)
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

        return relative.Replace('/', Path.DirectorySeparatorChar);
    }

    public async Task WriteTextAsync(string sitePath, string text, CancellationToken cancellationToken) =>
        await File.WriteAllTextAsync(Prepare(sitePath), text, Utf8, cancellationToken).ConfigureAwait(false);

    public async Task WriteBytesAsync(string sitePath, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        await File.WriteAllBytesAsync(Prepare(sitePath), bytes, cancellationToken).ConfigureAwait(false);

    public void CopyFile(string sitePath, string source) => File.Copy(source, Prepare(sitePath));

    public void Delete(string sitePath)
    {
        var path = Path.Combine(SlotPath(_target ?? throw new InvalidOperationException("call Begin first")), RelativePathOf(sitePath));
        DeleteAndPrune(path, SlotPath(_target));
        _deleted.Add(sitePath);
    }

    /// <summary>Makes the written slot the live site, in one rename of the link.</summary>
    public void Commit(ulong buildId)
    {
        var target = _target ?? throw new InvalidOperationException("nothing to commit: call Begin first");
        File.WriteAllText(StampPath(target), buildId.ToString("x16", CultureInfo.InvariantCulture));
        var relativeTarget = Path.Combine(Path.GetFileName(_slots), target);
        if (_legacy)
        {
            var aside = Path.Combine(_slots, $"old-{Guid.NewGuid():N}");
            Directory.Move(_output, aside);
            Directory.CreateSymbolicLink(_output, relativeTarget);
            _trash.Add(Task.Run(() => DeleteTree(aside)));
        }
        else if (_live is null && !Path.Exists(_output))
        {
            Directory.CreateSymbolicLink(_output, relativeTarget);
        }
        else
        {
            FileLinks.Repoint(_output, relativeTarget);
        }

        _committed = buildId;
    }

    /// <summary>
    /// Brings the slot that was live level with the new one (in the background: readers no longer see it), then
    /// releases the lock. Await it before the process exits.
    /// </summary>
    public Task FinishAsync() =>
        Task.Run(async () =>
        {
            try
            {
                if (_committed == 0)
                {
                    Abandon();
                    return;
                }

                var live = _target!;
                var other = _live is { } previous ? previous : (live == SlotNames[0] ? SlotNames[1] : SlotNames[0]);
                File.Delete(StampPath(other));
                if (_live is null || !Directory.Exists(SlotPath(other)))
                {
                    Clear(other);
                    Clone(SlotPath(live), SlotPath(other));
                }
                else
                {
                    Replay(SlotPath(live), SlotPath(other));
                }

                File.WriteAllText(StampPath(other), _committed.ToString("x16", CultureInfo.InvariantCulture));
            }
            finally
            {
                await Task.WhenAll(_trash).ConfigureAwait(false);
                Dispose();
            }
        });

    /// <summary>
    /// Undoes an uncommitted build's changes to its slot by linking the live files back, so a failed build does not cost
    /// the next one a full copy. A build killed outright cannot do this; the next build then copies the live slot anew.
    /// </summary>
    private void Abandon()
    {
        if (_target is null || !_targetFromLive || _live is null || LiveBuildId is not { } live)
        {
            return;
        }

        var from = SlotPath(_live);
        var to = SlotPath(_target);
        foreach (var sitePath in _written.Concat(_deleted))
        {
            var relative = RelativePathOf(sitePath);
            var destination = Path.Combine(to, relative);
            RemoveFile(destination);
            var source = Path.Combine(from, relative);
            if (File.Exists(source))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                FileLinks.LinkOrCopy(source, destination);
            }
            else
            {
                DeleteAndPrune(destination, to);
            }
        }

        File.WriteAllText(StampPath(_target), live.ToString("x16", CultureInfo.InvariantCulture));
    }

    public void Dispose() => _lock.Dispose();

    private void Replay(string from, string to)
    {
        foreach (var sitePath in _written)
        {
            var relative = RelativePathOf(sitePath);
            var destination = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Delete(destination);
            FileLinks.LinkOrCopy(Path.Combine(from, relative), destination);
        }

        foreach (var sitePath in _deleted)
        {
            DeleteAndPrune(Path.Combine(to, RelativePathOf(sitePath)), to);
        }
    }

    private static void Clone(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var folder in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, folder)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            FileLinks.LinkOrCopy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }

    /// <summary>Moves a slot aside and deletes it in the background: deleting ten thousand files takes seconds.</summary>
    private void Clear(string slot)
    {
        var path = SlotPath(slot);
        if (Directory.Exists(path))
        {
            var aside = Path.Combine(_slots, $"old-{Guid.NewGuid():N}");
            Directory.Move(path, aside);
            _trash.Add(Task.Run(() => DeleteTree(aside)));
        }
    }

    private static void DeleteTree(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // A killed build's leftover that an earlier run had already half deleted: the goal, no folder, is reached.
        }
    }

    private string Prepare(string sitePath)
    {
        var path = Path.Combine(SlotPath(_target ?? throw new InvalidOperationException("call Begin first")), RelativePathOf(sitePath));
        var folder = Path.GetDirectoryName(path)!;
        // GetOrAdd stores the value only after the folder exists, so a parallel writer never sees it half made.
        _folders.GetOrAdd(folder, static f => Directory.CreateDirectory(f).Exists);

        // The file may be a hard link shared with the live slot: replace it, never write through it.
        File.Delete(path);
        _written.Add(sitePath);
        return path;
    }

    private static void RemoveFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            // Its folder is gone too: the goal, no file, is reached.
        }
    }

    private static void DeleteAndPrune(string path, string root)
    {
        RemoveFile(path);
        var folder = Path.GetDirectoryName(path);
        while (folder is not null && folder.Length > root.Length && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
            folder = Path.GetDirectoryName(folder);
        }
    }

    private string SlotPath(string slot) => Path.Combine(_slots, slot);

    private string StampPath(string slot) => Path.Combine(_slots, slot + ".stamp");

    private ulong? ReadStamp(string slot) =>
        File.Exists(StampPath(slot)) && ulong.TryParse(File.ReadAllText(StampPath(slot)), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}
