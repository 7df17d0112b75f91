namespace PopCulture.Cms.Media;

/// <summary>Where media bytes live. Callers name files by media id and a generated name only; never by a client's path.</summary>
public interface IMediaStorage
{
    Task SaveAsync(Guid id, string name, Stream content, CancellationToken cancellationToken);

    /// <summary>Opens a stored file, or returns null if there is none.</summary>
    Stream? OpenRead(Guid id, string name);

    Task DeleteAsync(Guid id, CancellationToken cancellationToken);
}
