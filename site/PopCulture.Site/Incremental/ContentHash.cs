using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace PopCulture.Site.Incremental;

/// <summary>
/// 128-bit content hashes for the build cache: fast (XXH128) rather than cryptographic, because they decide what to
/// re-render, not whom to trust. Zero is reserved for "unknown", which never matches.
/// </summary>
public sealed class ContentHash
{
    private readonly XxHash128 _hash = new();

    public static UInt128 Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return NonZero(XxHash128.HashToUInt128(MemoryMarshal.AsBytes(text.AsSpan())));
    }

    public static UInt128 Of(ReadOnlySpan<byte> bytes) => NonZero(XxHash128.HashToUInt128(bytes));

    /// <summary>Adds a string, length-prefixed so that ("ab", "c") and ("a", "bc") differ.</summary>
    public ContentHash Add(string? text)
    {
        text ??= "\0null";
        Add(text.Length);
        _hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
        return this;
    }

    public ContentHash Add(long value)
    {
        _hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<long>(in value)));
        return this;
    }

    public ContentHash Add(UInt128 value)
    {
        _hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<UInt128>(in value)));
        return this;
    }

    public ContentHash AddBytes(ReadOnlySpan<byte> bytes)
    {
        Add(bytes.Length);
        _hash.Append(bytes);
        return this;
    }

    public UInt128 Value => NonZero(_hash.GetCurrentHashAsUInt128());

    private static UInt128 NonZero(UInt128 value) => value == UInt128.Zero ? UInt128.One : value;
}
