using System.Text.RegularExpressions;

namespace PopCulture.Cms.Media;

/// <summary>Media in a local (or shared, mounted) folder: <c>{root}/{id}/{name}</c>, written atomically.</summary>
public sealed partial class LocalMediaStorage(string root) : IMediaStorage
{
    public async Task SaveAsync(Guid id, string name, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(id, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + $".{Guid.NewGuid():N}.tmp";
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        // Readers see the whole file or none of it.
        File.Move(temporary, path, overwrite: true);
    }

    public Stream? OpenRead(Guid id, string name)
    {
        var path = PathOf(id, name);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    public Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(root, id.ToString("N"));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    private string PathOf(Guid id, string name)
    {
        if (!SafeName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a generated media file name", nameof(name));
        }

        return Path.Combine(root, id.ToString("N"), name);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*\\.[a-z0-9]{2,5}$")]
    private static partial Regex SafeName();
}
