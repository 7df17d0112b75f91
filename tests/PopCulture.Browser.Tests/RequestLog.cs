using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace PopCulture.Browser.Tests;

/// <summary>
/// Every request a browser context makes, in order, with its sizes; and those that went anywhere but the site's own
/// origin, which fail the test (the site must work from plain static hosting, with nothing from other hosts).
/// </summary>
public sealed class RequestLog
{
    private readonly Uri _site;
    private readonly ConcurrentDictionary<IRequest, int> _sequence = new();
    // What each finished request cost is asked of the browser only when a test reads the log: those calls go over the
    // same connection and CPU as the page, and made as requests finished they slowed the very steps a test times.
    private readonly ConcurrentQueue<Lazy<Task<FetchedResource>>> _done = new();
    private readonly ConcurrentQueue<Uri> _offsite = new();
    private int _issued;
    private int _finished;

    public RequestLog(IBrowserContext context, Uri site)
    {
        ArgumentNullException.ThrowIfNull(context);
        _site = site;
        context.Request += (_, request) => OnRequest(request);
        context.RequestFinished += (_, request) => OnDone(new(() => FinishedAsync(request, failure: null)));
        context.RequestFailed += (_, request) => OnDone(new(() => FinishedAsync(request, request.Failure ?? "failed")));
    }

    /// <summary>How many requests the browser has issued so far; pass it to <see cref="SinceAsync"/> to see what a step fetched.</summary>
    public int Issued => Volatile.Read(ref _issued);

    /// <summary>Requests to any origin but the site's, in the order they were made.</summary>
    public IReadOnlyList<Uri> Offsite => [.. _offsite];

    /// <summary>Waits until every request issued so far has finished or failed, so a step's cost is complete.</summary>
    public async Task WhenIdleAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Volatile.Read(ref _finished) < Issued)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Issued - Volatile.Read(ref _finished)} requests still open after {timeout}");
            }

            // Playwright reports completions as events, with nothing to await: poll briefly.
            await Task.Delay(20);
        }

        await Task.WhenAll(_done.Select(d => d.Value));
    }

    /// <summary>The requests issued from <paramref name="mark"/> on that have completed, in the order they were issued.</summary>
    public async Task<IReadOnlyList<FetchedResource>> SinceAsync(int mark)
    {
        var all = await Task.WhenAll(_done.Select(d => d.Value));
        return [.. all.Where(r => r.Sequence >= mark).OrderBy(r => r.Sequence)];
    }

    private static bool IsNetwork(Uri url) => url.Scheme is "http" or "https" or "ws" or "wss";

    private void OnRequest(IRequest request)
    {
        _sequence[request] = Interlocked.Increment(ref _issued) - 1;
        var url = new Uri(request.Url);
        if (IsNetwork(url) && (url.Host != _site.Host || url.Port != _site.Port))
        {
            _offsite.Enqueue(url);
        }
    }

    private void OnDone(Lazy<Task<FetchedResource>> resource)
    {
        _done.Enqueue(resource);
        Interlocked.Increment(ref _finished);
    }

    private async Task<FetchedResource> FinishedAsync(IRequest request, string? failure)
    {
        var sequence = _sequence.GetValueOrDefault(request, int.MaxValue);
        var response = failure is null ? await request.ResponseAsync() : null;
        long body = 0, transfer = 0;
        if (response is not null)
        {
            var sizes = await request.SizesAsync();
            // Chromium reports a negative size for some memory-cache hits: nothing came over the wire.
            transfer = Math.Max(0, sizes.ResponseBodySize);
            try
            {
                body = (await response.BodyAsync()).LongLength;
            }
            catch (PlaywrightException)
            {
                // Redirects and some cached responses have no body to read; the transfer size still counts.
            }
        }

        return new FetchedResource(sequence, new Uri(request.Url), request.Method, request.ResourceType, response?.Status, body, transfer, failure);
    }
}
