using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace PopCulture.Cms.Tests;

/// <summary>
/// Files for the media library tests: valid images made with ImageSharp, minimal PDF and MP4 documents, and hostile
/// or broken files crafted byte by byte (polyglots, decompression bombs, truncated and corrupt files, lies about type).
/// </summary>
internal static class CraftedFiles
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Where the first chunk after IHDR starts: the 8-byte signature, then IHDR's length, type, 13 data bytes and CRC.</summary>
    private const int PngAfterHeader = 8 + 4 + 4 + 13 + 4;

    private const string Script = "<script>fetch('/api/v1/manage/users').then(r => r.text()).then(alert)</script>";

    // ----- Valid files -------------------------------------------------------------------------------------------

    /// <summary>A JPEG of a colour gradient, so the encoder has real content to compress.</summary>
    public static byte[] Jpeg(int width, int height) => Save(Gradient(width, height), (image, stream) => image.SaveAsJpeg(stream));

    /// <summary>A PNG of a colour gradient.</summary>
    public static byte[] Png(int width, int height) => Save(Gradient(width, height), (image, stream) => image.SaveAsPng(stream));

    /// <summary>A WebP (lossy, VP8) of a colour gradient.</summary>
    public static byte[] Webp(int width, int height) => Save(Gradient(width, height), (image, stream) => image.SaveAsWebp(stream));

    /// <summary>A GIF of a colour gradient (quantised to a global palette by the encoder).</summary>
    public static byte[] Gif(int width, int height) => Save(Gradient(width, height), (image, stream) => image.SaveAsGif(stream));

    /// <summary>
    /// A JPEG that a phone would take: EXIF with the GPS position of 苏州 (31°18′N 120°35′E) and orientation 6
    /// ("rotate 90° clockwise to display"), so the pixels are stored <paramref name="width"/> × <paramref name="height"/>
    /// but the picture is meant to be seen <paramref name="height"/> wide.
    /// </summary>
    public static byte[] JpegWithGpsAndOrientation(int width, int height)
    {
        var image = Gradient(width, height);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Orientation, (ushort)6);
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(31, 1), new Rational(18, 1), new Rational(0, 1)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(120, 1), new Rational(35, 1), new Rational(0, 1)]);
        image.Metadata.ExifProfile = exif;
        return Save(image, (i, stream) => i.SaveAsJpeg(stream));
    }

    /// <summary>A PNG of random pixels: it barely compresses, so its size is about width × height × 4 bytes.</summary>
    public static byte[] NoisyPng(int width, int height) => Save(Noise(width, height), (image, stream) => image.SaveAsPng(stream));

    /// <summary>A JPEG of random pixels: large scan data, so cutting it in half cuts the picture, not just a header.</summary>
    public static byte[] NoisyJpeg(int width, int height) => Save(Noise(width, height), (image, stream) => image.SaveAsJpeg(stream));

    /// <summary>
    /// The smallest well-formed PDF with one empty page: header, three objects (catalog, page tree, page), a
    /// cross-reference table whose offsets are computed, not guessed, and the trailer.
    /// </summary>
    public static byte[] Pdf()
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        ];
        var text = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(text.Length); // ASCII only, so characters are bytes
            text.Append(FormattableString.Invariant($"{i + 1} 0 obj\n{objects[i]}\nendobj\n"));
        }

        var xref = text.Length;
        text.Append(FormattableString.Invariant($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n"));
        foreach (var offset in offsets)
        {
            text.Append(FormattableString.Invariant($"{offset:D10} 00000 n \n"));
        }

        text.Append(FormattableString.Invariant($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>
    /// Enough of an MP4 to be recognised: an ISO base media 'ftyp' box (size 0x18, brand isom, minor version 0x200,
    /// compatible brands isom and mp41) followed by a 16-byte 'mdat' box with 8 bytes of payload.
    /// </summary>
    public static byte[] Mp4() =>
    [
        0x00, 0x00, 0x00, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m',
        0x00, 0x00, 0x02, 0x00, (byte)'i', (byte)'s', (byte)'o', (byte)'m', (byte)'m', (byte)'p', (byte)'4', (byte)'1',
        0x00, 0x00, 0x00, 0x10, (byte)'m', (byte)'d', (byte)'a', (byte)'t', 0, 1, 2, 3, 4, 5, 6, 7,
    ];

    // ----- Files that are not media at all -----------------------------------------------------------------------

    /// <summary>An HTML page with a script: served from the CMS's origin it would run with the editor's cookies.</summary>
    public static byte[] HtmlPage() => Encoding.UTF8.GetBytes($"<!DOCTYPE html>\n<html><head><title>x</title></head><body>{Script}</body></html>\n");

    /// <summary>
    /// The start of a Windows executable: the DOS header ("MZ", e_lfanew at 0x3C pointing to 0x40), the "PE\0\0"
    /// signature there, and the usual DOS stub message.
    /// </summary>
    public static byte[] WindowsExecutable()
    {
        var bytes = new byte[512];
        bytes[0] = (byte)'M';
        bytes[1] = (byte)'Z';
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(0x3C), 0x40);
        "PE\0\0"u8.CopyTo(bytes.AsSpan(0x40));
        "This program cannot be run in DOS mode.\r\n"u8.CopyTo(bytes.AsSpan(0x80));
        return bytes;
    }

    /// <summary>Plain UTF-8 text.</summary>
    public static byte[] PlainText() => Encoding.UTF8.GetBytes("这只是一段文字，不是图片。\nJust some notes.\n");

    /// <summary>An SVG is XML that browsers run scripts in when opened directly, so the library refuses it outright.</summary>
    public static byte[] SvgWithScript() => Encoding.UTF8.GetBytes(
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">{Script}<rect width=\"10\" height=\"10\"/></svg>\n");

    // ----- Polyglots: valid images that also carry markup ---------------------------------------------------------

    /// <summary>
    /// A valid GIF with a Comment Extension holding a script, inserted after the header (6 bytes), the logical screen
    /// descriptor (7 bytes) and the global colour table. The extension is 0x21 0xFE, then data sub-blocks (a length
    /// byte and up to 255 bytes each), then a 0x00 terminator; decoders skip it, a sniffing browser may not.
    /// </summary>
    public static byte[] GifWithScriptComment()
    {
        var gif = Gif(16, 16);
        var packed = gif[10];
        var globalTable = (packed & 0x80) != 0 ? 3 * (1 << ((packed & 0x07) + 1)) : 0;
        var text = Encoding.ASCII.GetBytes($"<html>{Script}</html>");
        var comment = new List<byte> { 0x21, 0xFE };
        foreach (var block in text.Chunk(255))
        {
            comment.Add((byte)block.Length);
            comment.AddRange(block);
        }

        comment.Add(0x00);
        return Insert(gif, 6 + 7 + globalTable, [.. comment]);
    }

    /// <summary>A valid PNG with a tEXt chunk ("Comment", a NUL, then a script) right after IHDR, with a correct CRC.</summary>
    public static byte[] PngWithScriptTextChunk() =>
        Insert(Png(16, 16), PngAfterHeader, PngChunk("tEXt", [.. "Comment\0"u8, .. Encoding.ASCII.GetBytes(Script)]));

    /// <summary>A valid JPEG followed, after its End Of Image marker (FF D9), by an HTML page: decoders stop at EOI.</summary>
    public static byte[] JpegWithHtmlAfterEnd() => [.. Jpeg(16, 16), .. HtmlPage()];

    /// <summary>
    /// A valid JPEG with a COM segment holding a script right after Start Of Image: FF FE, a big-endian length that
    /// counts its own two bytes, then the text.
    /// </summary>
    public static byte[] JpegWithScriptComment()
    {
        var text = Encoding.ASCII.GetBytes(Script);
        var segment = new byte[4 + text.Length];
        segment[0] = 0xFF;
        segment[1] = 0xFE;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(text.Length + 2));
        text.CopyTo(segment, 4);
        return Insert(Jpeg(16, 16), 2, segment);
    }

    // ----- Decompression bombs ------------------------------------------------------------------------------------

    /// <summary>
    /// A PNG of about a kilobyte whose IHDR declares <paramref name="width"/> × <paramref name="height"/> 8-bit RGB
    /// pixels (50000² is 7.5 GB decoded, 10 GB as RGBA). The IDAT holds a zlib stream of 1 MB of zeros (rows of
    /// filter type 0, black pixels) that deflate squeezes about a thousandfold; a decoder that allocates by the header
    /// or inflates everything runs out of memory. All CRCs are correct so only the numbers give it away.
    /// </summary>
    public static byte[] BombPng(int width = 50_000, int height = 50_000)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: truecolour RGB
        // compression, filter and interlace methods stay 0
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[1024 * 1024]);
        }

        return [.. PngSignature, .. PngChunk("IHDR", header), .. PngChunk("IDAT", compressed.ToArray()), .. PngChunk("IEND", [])];
    }

    /// <summary>
    /// A 35-byte GIF89a whose logical screen and only frame are 65535 × 65535 (the format's maximum: 4.3 billion
    /// pixels). Layout: "GIF89a"; logical screen descriptor (width, height little-endian, packed 0x80 = a global
    /// colour table of 2 entries, background 0, aspect 0); the table (black, white); an image descriptor (0x2C,
    /// left 0, top 0, width, height, packed 0); LZW minimum code size 2 and one sub-block with the 3-bit codes
    /// clear (4), pixel 0, end (5) packed LSB first into 0x44 0x01; the block terminator; the trailer 0x3B.
    /// </summary>
    public static byte[] BombGif() =>
    [
        .. "GIF89a"u8,
        0xFF, 0xFF, 0xFF, 0xFF, 0x80, 0x00, 0x00,
        0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF,
        0x2C, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x00,
        0x02, 0x02, 0x44, 0x01, 0x00,
        0x3B,
    ];

    // ----- Truncated and corrupt files ----------------------------------------------------------------------------

    /// <summary>A valid noisy JPEG cut in half: the scan data stops midway and there is no End Of Image marker.</summary>
    public static byte[] TruncatedJpeg()
    {
        var jpeg = NoisyJpeg(256, 256);
        return jpeg[..(jpeg.Length / 2)];
    }

    /// <summary>A valid noisy PNG cut in half: the IDAT data stops midway, its CRC and IEND are missing.</summary>
    public static byte[] TruncatedPng()
    {
        var png = NoisyPng(128, 128);
        return png[..(png.Length / 2)];
    }

    /// <summary>A JPEG's Start Of Image and a well-formed JFIF APP0 segment, then 4 KB of random bytes.</summary>
    public static byte[] CorruptJpeg() =>
    [
        0xFF, 0xD8, // SOI
        0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, // APP0
        .. RandomBytes(4096, seed: 1),
    ];

    /// <summary>A PNG signature and a valid IHDR (64 × 64 RGB) with its CRC, then 4 KB of random bytes instead of chunks.</summary>
    public static byte[] CorruptPng()
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, 64);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), 64);
        header[8] = 8;
        header[9] = 2;
        return [.. PngSignature, .. PngChunk("IHDR", header), .. RandomBytes(4096, seed: 2)];
    }

    /// <summary>
    /// A file that looks like a PDF to a sniffer ("%PDF-1.4" header, "%%EOF" at the end) and is
    /// <paramref name="length"/> bytes long, padded with PDF comment lines.
    /// </summary>
    public static byte[] OversizePdf(int length)
    {
        var bytes = new byte[length];
        bytes.AsSpan().Fill((byte)' ');
        "%PDF-1.4\n"u8.CopyTo(bytes);
        for (var i = 80; i < length - 8; i += 80)
        {
            bytes[i] = (byte)'\n';
            bytes[i + 1] = (byte)'%';
        }

        "\n%%EOF\n"u8.CopyTo(bytes.AsSpan(length - 7));
        return bytes;
    }

    // ----- Building blocks ----------------------------------------------------------------------------------------

    /// <summary>A PNG chunk: big-endian data length, the 4-letter type, the data, and the CRC-32 of type and data.</summary>
    public static byte[] PngChunk(string type, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(data);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typeBytes.CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    /// <summary>CRC-32 as PNG defines it (ISO 3309, reflected polynomial 0xEDB88320), bit by bit: the inputs are tiny.</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static byte[] Insert(byte[] file, int at, byte[] extra) => [.. file.AsSpan(0, at), .. extra, .. file.AsSpan(at)];

    /// <summary>Pseudo-random bytes from a fixed seed, so a failing corrupt-file case can be reproduced byte for byte.</summary>
    private static byte[] RandomBytes(int length, int seed)
    {
        // xorshift32: deterministic and good enough to look like noise; not for anything secret.
        var bytes = new byte[length];
        var state = 0x9E3779B9u ^ (uint)seed; // never 0, where xorshift would stay
        for (var i = 0; i < length; i++)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            bytes[i] = (byte)state;
        }

        return bytes;
    }

    private static Image<Rgba32> Gradient(int width, int height)
    {
        var image = new Image<Rgba32>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = new Rgba32((byte)(255 * x / Math.Max(1, width - 1)), (byte)(255 * y / Math.Max(1, height - 1)), 128, 255);
            }
        }

        return image;
    }

    private static Image<Rgba32> Noise(int width, int height) => Image.LoadPixelData<Rgba32>(RandomBytes(width * height * 4, seed: (width * 31) + height), width, height);

    private static byte[] Save(Image<Rgba32> image, Action<Image<Rgba32>, Stream> encode)
    {
        using (image)
        {
            using var stream = new MemoryStream();
            encode(image, stream);
            return stream.ToArray();
        }
    }
}
