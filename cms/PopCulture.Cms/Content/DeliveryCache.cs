using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;
using PopCulture.Cms.Publishing;

namespace PopCulture.Cms.Content;

/// <summary>
/// Serialised delivery responses keyed by the published-content version and the normalised request, with strong
/// ETags and Last-Modified for conditional GETs. A publish moves the version on, so nothing stale is served.
/// </summary>
public sealed class DeliveryCache(IMemoryCache cache, SiteStateCache state)
{
    /// <summary>Browsers and CDNs may reuse a response this long before revalidating with its ETag.</summary>
    private const string CacheControl = "public, max-age=60";

    // Header values are formatted once per cached response, not per request.
    private sealed record Entry(byte[] Body, string ETag, int Status, string LastModified, DateTimeOffset ChangedAt);

    /// <summary>Answers from cache, or runs <paramref name="produce"/> (status and body) once per version and key.</summary>
    public async Task<IResult> GetAsync(HttpContext context, string key, Func<CancellationToken, Task<(int Status, byte[] Body)>> produce)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(produce);
        var cancellationToken = context.RequestAborted;
        var (version, changedAt) = await state.CurrentAsync(cancellationToken);
        var cacheKey = $"delivery:{version}:{key}";
        if (!cache.TryGetValue(cacheKey, out Entry? entry) || entry is null)
        {
            var (status, body) = await produce(cancellationToken);
            entry = new Entry(body, $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"", status, changedAt.ToString("R", System.Globalization.CultureInfo.InvariantCulture), changedAt);
            cache.Set(cacheKey, entry, new MemoryCacheEntryOptions { Size = body.Length + 256, SlidingExpiration = TimeSpan.FromMinutes(10) });
        }

        return new CachedResult(entry);
    }

    private sealed class CachedResult(Entry entry) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            var (body, etag, status, changedAt) = (entry.Body, entry.ETag, entry.Status, entry.ChangedAt);
            if (status == StatusCodes.Status200OK)
            {
                response.Headers.ETag = etag;
                response.Headers.CacheControl = CacheControl;
                response.Headers.LastModified = entry.LastModified;
                if (IsNotModified(httpContext.Request, etag, changedAt))
                {
                    response.StatusCode = StatusCodes.Status304NotModified;
                    return;
                }
            }

            response.StatusCode = status;
            response.ContentType = status == StatusCodes.Status200OK ? "application/json; charset=utf-8" : "application/problem+json; charset=utf-8";
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, httpContext.RequestAborted);
        }

        private static bool IsNotModified(HttpRequest request, string etag, DateTimeOffset changedAt)
        {
            if (request.Headers.IfNoneMatch.Count == 0 && request.Headers.IfModifiedSince.Count == 0)
            {
                return false;
            }

            var requestHeaders = request.GetTypedHeaders();
            if (requestHeaders.IfNoneMatch is { Count: > 0 } tags)
            {
                return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag.Value == etag);
            }

            // Only an exact-second comparison: Last-Modified has no finer resolution.
            return requestHeaders.IfModifiedSince is { } since && changedAt.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
        }
    }
}
