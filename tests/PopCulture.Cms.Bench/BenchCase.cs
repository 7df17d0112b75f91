using System.Diagnostics;
using System.Globalization;

namespace PopCulture.Cms.Bench;

/// <summary>One page measured: GET it (the whole answer read) after warm-up, many times, and report the spread.</summary>
internal sealed record BenchCase(string Name, string Url)
{
    public async Task<BenchResult> RunAsync(HttpClient client, int warmup, int iterations)
    {
        for (var i = 0; i < warmup; i++)
        {
            await GetAsync(client);
        }

        var times = new double[iterations];
        var bytes = 0;
        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            bytes = await GetAsync(client);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(times);
        return new BenchResult(Name, times[times.Length / 2], times[(int)Math.Ceiling(times.Length * 0.95) - 1], times[^1], bytes);
    }

    private async Task<int> GetAsync(HttpClient client)
    {
        using var response = await client.GetAsync(Url);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {Url}: {(int)response.StatusCode}");
        }

        return body.Length;
    }
}

/// <summary>A case's median, 95th percentile and slowest time in milliseconds, and the size of its page.</summary>
internal sealed record BenchResult(string Name, double Median, double P95, double Max, int Bytes)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"{Name,-34} {Median,9:F1} {P95,9:F1} {Max,9:F1} {Bytes / 1024.0,9:F0}");
}
