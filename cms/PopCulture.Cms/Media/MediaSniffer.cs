using System.Text;

namespace PopCulture.Cms.Media;

/// <summary>
/// Decides what a file is from its bytes alone: the extension and the client's content type are claims, not facts.
/// Also finds HTML or script hidden in an otherwise valid file (a polyglot), which a browser could be tricked into running.
/// </summary>
public static class MediaSniffer
{
    /// <summary>A recognised type: its content type, kind, stored extension and the extensions a client may call it.</summary>
    public sealed record FileType(string ContentType, string Kind, string Extension, string[] Aliases);

    public static readonly FileType Jpeg = new("image/jpeg", "image", ".jpg", [".jpg", ".jpeg", ".jpe"]);
    public static readonly FileType Png = new("image/png", "image", ".png", [".png"]);
    public static readonly FileType Webp = new("image/webp", "image", ".webp", [".webp"]);
    public static readonly FileType Gif = new("image/gif", "image", ".gif", [".gif"]);
    public static readonly FileType Pdf = new("application/pdf", "pdf", ".pdf", [".pdf"]);
    public static readonly FileType Mp4 = new("video/mp4", "video", ".mp4", [".mp4", ".m4v"]);

    // Five letters or more: random compressed pixels contain a given 5-byte marker about once in 70 GB, so honest
    // photos are not refused, while every HTML or script payload a browser would run needs one of these.
    private static readonly byte[][] ScriptMarkers =
        [.. new[] { "<script", "<html", "<!doctype", "<iframe", "<object", "javascript:", "onload=", "onerror=" }.Select(Encoding.ASCII.GetBytes)];

    private static readonly byte[][] PdfActiveMarkers = [.. new[] { "/JavaScript", "/JS", "/Launch", "/EmbeddedFile", "/OpenAction" }.Select(Encoding.ASCII.GetBytes)];

    /// <summary>The type of a file from its first bytes, or null with the reason it is refused.</summary>
    public static (FileType? Type, string? Problem) Identify(ReadOnlySpan<byte> head)
    {
        if (head.Length == 0)
        {
            return (null, "the file is empty");
        }

        if (head.StartsWith((byte[])[0xFF, 0xD8, 0xFF]))
        {
            return (Jpeg, null);
        }

        if (head.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return (Png, null);
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return (Gif, null);
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return (Webp, null);
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return (Pdf, null);
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return (Mp4, null);
        }

        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n').ToUpperInvariant();
        if (text.StartsWith("<SVG", StringComparison.Ordinal) || (text.StartsWith("<?XML", StringComparison.Ordinal) && text.Contains("<SVG", StringComparison.Ordinal)))
        {
            return (null, "SVG files are not accepted: they can carry script. Upload a PNG or JPEG instead");
        }

        return (null, "the file is not a JPEG, PNG, WebP or GIF image, a PDF document or an MP4 video");
    }

    /// <summary>The type a client's file name claims, or null when it has no extension.</summary>
    public static string? ExtensionOf(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return null;
        }

        // Only the last segment, whatever separators the client used; it is compared, never used as a path.
        var name = fileName.Replace('\\', '/').Split('/')[^1];
        var dot = name.LastIndexOf('.');
        return dot < 0 ? null : name[dot..].ToLowerInvariant();
    }

    /// <summary>
    /// True when <paramref name="file"/> hides HTML or script: for images, markers anywhere in the bytes
    /// (case-insensitive); for PDFs, script, launch, auto-open or embedded-file names outside binary streams.
    /// </summary>
    public static async Task<bool> ContainsScriptAsync(Stream file, FileType type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(type);
        if (type == Pdf)
        {
            using var copy = new MemoryStream();
            file.Position = 0;
            await file.CopyToAsync(copy, cancellationToken);
            return PdfHasActiveContent(copy.GetBuffer().AsSpan(0, (int)copy.Length));
        }

        var overlap = ScriptMarkers.Max(m => m.Length) - 1;
        var buffer = new byte[64 * 1024 + overlap];
        var carried = 0;
        int read;
        file.Position = 0;
        while ((read = await file.ReadAsync(buffer.AsMemory(carried, buffer.Length - carried), cancellationToken)) > 0)
        {
            var window = buffer.AsSpan(0, carried + read);
            foreach (var marker in ScriptMarkers)
            {
                if (IndexOfIgnoreCase(window, marker) >= 0)
                {
                    return true;
                }
            }

            // Keep the tail so a marker split across two reads is still found.
            carried = Math.Min(overlap, window.Length);
            window[^carried..].CopyTo(buffer);
        }

        return false;
    }

    /// <summary>Looks for active-content names in a PDF's object syntax, skipping the binary data between stream and endstream.</summary>
    internal static bool PdfHasActiveContent(ReadOnlySpan<byte> pdf)
    {
        var position = 0;
        while (position < pdf.Length)
        {
            var rest = pdf[position..];
            var streamStart = rest.IndexOf("stream"u8);
            var syntax = streamStart < 0 ? rest : rest[..streamStart];
            foreach (var marker in PdfActiveMarkers)
            {
                var at = 0;
                while (at < syntax.Length && syntax[at..].IndexOf(marker) is var found and >= 0)
                {
                    var end = at + found + marker.Length;
                    // A name ends at a delimiter; /JSON or /Launcher are other names.
                    if (end >= syntax.Length || !char.IsAsciiLetterOrDigit((char)syntax[end]))
                    {
                        return true;
                    }

                    at = end;
                }
            }

            if (streamStart < 0)
            {
                return false;
            }

            var afterKeyword = position + streamStart + "stream"u8.Length;
            var streamEnd = pdf[afterKeyword..].IndexOf("endstream"u8);
            position = streamEnd < 0 ? pdf.Length : afterKeyword + streamEnd + "endstream"u8.Length;
        }

        return false;
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> haystack, byte[] needle)
    {
        var first = needle[0];
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            if (haystack[i] != first)
            {
                continue;
            }

            var match = true;
            for (var j = 1; j < needle.Length && match; j++)
            {
                match = Lower(haystack[i + j]) == needle[j];
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }

    private static byte Lower(byte b) => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b;
}
