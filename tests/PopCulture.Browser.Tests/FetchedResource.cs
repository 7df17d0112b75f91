namespace PopCulture.Browser.Tests;

/// <summary>One request the browser made, with what it cost.</summary>
/// <param name="Sequence">Order in which the browser issued it, from 0 in its session.</param>
/// <param name="Url">What was asked for.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="ResourceType">Playwright's kind of request: document, script, fetch, image…</param>
/// <param name="Status">The HTTP status, or null when no response came.</param>
/// <param name="BodyBytes">The response body as the page sees it (decoded).</param>
/// <param name="TransferBytes">The response body as it came over the wire (compressed where the server compressed it); 0 when it came from the cache.</param>
/// <param name="Failure">Why no response came (network error, aborted), or null.</param>
public sealed record FetchedResource(
    int Sequence, Uri Url, string Method, string ResourceType, int? Status, long BodyBytes, long TransferBytes, string? Failure)
{
    public override string ToString() =>
        $"{Method} {Url} {Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Failure} ({ResourceType}, {TransferBytes} B over the wire, {BodyBytes} B decoded)";
}
