using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace PopCulture.Site.Templates;

/// <summary>Serves a theme's partials from memory: read once per build, shared by all parallel renders.</summary>
internal sealed class InMemoryFileProvider(IReadOnlyDictionary<string, byte[]> files) : IFileProvider
{
    public IFileInfo GetFileInfo(string subpath) =>
        files.TryGetValue(subpath.TrimStart('/'), out var bytes)
            ? new MemoryFileInfo(subpath.TrimStart('/'), bytes)
            : new NotFoundFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class MemoryFileInfo(string name, byte[] bytes) : IFileInfo
    {
        public bool Exists => true;

        public long Length => bytes.Length;

        public string? PhysicalPath => null;

        public string Name => name;

        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => new MemoryStream(bytes, writable: false);
    }
}
