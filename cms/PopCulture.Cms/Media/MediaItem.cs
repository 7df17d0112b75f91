namespace PopCulture.Cms.Media;

/// <summary>An uploaded file of the media library: what it is (sniffed), where it is used, and how editors describe it.</summary>
public sealed class MediaItem
{
    public Guid Id { get; set; }

    /// <summary><c>image</c>, <c>pdf</c> or <c>video</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>The type found by sniffing the bytes, never the client's claim.</summary>
    public required string ContentType { get; set; }

    /// <summary>The generated name of the stored file (<c>original.jpg</c>); the client's name never reaches the disk.</summary>
    public required string StoredName { get; set; }

    /// <summary>The client's file name, for display only.</summary>
    public string? OriginalName { get; set; }

    public long Bytes { get; set; }

    public int? Width { get; set; }

    public int? Height { get; set; }

    /// <summary>SHA-256 of the stored bytes, hex: the ETag, and the key of derived variants.</summary>
    public required string Sha256 { get; set; }

    public string Folder { get; set; } = "";

    public string? Title { get; set; }

    /// <summary>Required for images before published content may use them.</summary>
    public string? Alt { get; set; }

    public string? Caption { get; set; }

    public string? Credit { get; set; }

    /// <summary>Comma-separated tags.</summary>
    public string Tags { get; set; } = "";

    /// <summary>Where the subject is, 0–1 from the left and top: crops keep it in frame.</summary>
    public double FocalX { get; set; } = 0.5;

    public double FocalY { get; set; } = 0.5;

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
