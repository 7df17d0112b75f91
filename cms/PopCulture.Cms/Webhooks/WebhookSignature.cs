using System.Security.Cryptography;
using System.Text;

namespace PopCulture.Cms.Webhooks;

/// <summary>Secrets for new subscriptions, and the <c>X-PopCulture-Signature</c> value a receiver checks.</summary>
public static class WebhookSignature
{
    public const string Header = "X-PopCulture-Signature";
    public const string EventHeader = "X-PopCulture-Event";
    public const string DeliveryHeader = "X-PopCulture-Delivery";

    /// <summary>A new secret: 32 random bytes, URL-safe, with a prefix that tells what it is when it turns up somewhere.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary><c>sha256=</c> and the lower-case hex HMAC-SHA256 of <paramref name="body"/> keyed with the secret's UTF-8 bytes.</summary>
    public static string Compute(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }
}
