using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace PopCulture.Cms.Publishing;

/// <summary>
/// Preview tokens: the entry id and the working-copy revision, encrypted and signed with the app's data-protection
/// key ring for this purpose only, with the expiry inside. A token cannot be forged, altered or used after expiry.
/// </summary>
public sealed class PreviewTokens(IDataProtectionProvider provider, TimeProvider clock)
{
    private const string Purpose = "PopCulture.Cms.Preview.v1";

    // A real token is about 150 characters; longer input is refused before any decoding.
    private const int MaxTokenChars = 512;
    private const int PayloadBytes = 20;

    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    public string Issue(Guid entryId, int revision, DateTimeOffset expiresAt)
    {
        var payload = new byte[PayloadBytes];
        entryId.TryWriteBytes(payload);
        BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(16), revision);
        return Base64Url.EncodeToString(_protector.Protect(payload, expiresAt));
    }

    /// <summary>The entry and revision a token names, or null when it is malformed, tampered with or expired.</summary>
    public (Guid EntryId, int Revision)? Read(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenChars)
        {
            return null;
        }

        try
        {
            var payload = _protector.Unprotect(Base64Url.DecodeFromChars(token), out var expiration);
            if (payload.Length != PayloadBytes || expiration <= clock.GetUtcNow())
            {
                return null;
            }

            return (new Guid(payload.AsSpan(0, 16)), BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(16)));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
