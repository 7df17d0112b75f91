using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PopCulture.Cli.Remote;

/// <summary>
/// GETs from the CMS with every failure turned into a <see cref="RemoteSourceException"/> naming the URL. JSON answers
/// are kept on disk with their ETag and revalidated with If-None-Match, so an unchanged CMS answers 304 to a second build.
/// </summary>
internal sealed class RemoteClient(HttpClient http, string responseCache)
{
    /// <summary>The largest JSON answer read: a page of 100 items of at most 1 MB each, with room to spare.</summary>
    public const long MaxJsonBytes = 256L * 1024 * 1024;

    private const int MaxProblemBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // A missing or null field is a broken answer, not a null to trip over later.
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The absolute form of a URL relative to the CMS address, for messages.</summary>
    public string Absolute(string relative) => new Uri(http.BaseAddress!, relative).ToString();

    public async Task<T> GetJsonAsync<T>(string relative, CancellationToken cancellationToken)
        where T : class
    {
        var url = Absolute(relative);
        var body = Path.Combine(responseCache, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url))));
        var etagFile = body + ".etag";
        using var request = new HttpRequestMessage(HttpMethod.Get, relative);
        var known = File.Exists(body) && File.Exists(etagFile) ? await File.ReadAllTextAsync(etagFile, cancellationToken).ConfigureAwait(false) : null;
        if (known is not null && EntityTagHeaderValue.TryParse(known, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        using (var response = await SendAsync(request, url, cancellationToken).ConfigureAwait(false))
        {
            if (response.StatusCode != HttpStatusCode.NotModified || known is null)
            {
                await EnsureSuccessAsync(response, url, cancellationToken).ConfigureAwait(false);
                Directory.CreateDirectory(responseCache);
                // The old ETag goes first: a crash between the two writes must not pair it with the new body.
                File.Delete(etagFile);
                var temporary = $"{body}.{Guid.NewGuid():N}.tmp";
                try
                {
                    await SaveAsync(response, temporary, MaxJsonBytes, hash: null, url, cancellationToken).ConfigureAwait(false);
                    File.Move(temporary, body, overwrite: true);
                }
                finally
                {
                    File.Delete(temporary);
                }

                if (response.Headers.ETag is { } etag)
                {
                    await File.WriteAllTextAsync(etagFile, etag.ToString(), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        try
        {
            var stream = new FileStream(body, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync<T>(stream, Json, cancellationToken).ConfigureAwait(false)
                    ?? throw new JsonException("the answer is null");
            }
        }
        catch (JsonException e)
        {
            File.Delete(etagFile); // never revalidate a broken answer
            throw new RemoteSourceException(url, $"invalid JSON from the CMS: {e.Message}", e);
        }
    }

    /// <summary>
    /// Streams a GET into a new file at <paramref name="path"/> and returns its length; stops past <paramref name="maxBytes"/>.
    /// <paramref name="hash"/>, when given, sees every byte. The caller verifies and renames the file into place.
    /// </summary>
    public async Task<long> DownloadAsync(string relative, string path, long maxBytes, IncrementalHash? hash, CancellationToken cancellationToken)
    {
        var url = Absolute(relative);
        using var request = new HttpRequestMessage(HttpMethod.Get, relative);
        using var response = await SendAsync(request, url, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, url, cancellationToken).ConfigureAwait(false);
        return await SaveAsync(response, path, maxBytes, hash, url, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string url, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new RemoteSourceException(url, $"cannot reach the CMS: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RemoteSourceException(url, string.Create(CultureInfo.InvariantCulture, $"the CMS did not answer within {http.Timeout.TotalSeconds:0} s"), e);
        }
    }

    /// <summary>A non-2xx answer becomes "status title: detail" from its problem details, or its reason phrase.</summary>
    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string url, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        string? title = null;
        string? detail = null;
        try
        {
            var text = await ReadPrefixAsync(response, cancellationToken).ConfigureAwait(false);
            using var problem = JsonDocument.Parse(text);
            if (problem.RootElement.ValueKind == JsonValueKind.Object)
            {
                title = problem.RootElement.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                detail = problem.RootElement.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            }
        }
        catch (Exception e) when (e is JsonException or IOException or HttpRequestException)
        {
            // Not problem details (a proxy's error page, say): the status line says enough.
        }

        var status = (int)response.StatusCode;
        var hint = status is 401 or 403 ? " (a CMS behind sign-in needs --token)" : "";
        throw new RemoteSourceException(url, string.Create(CultureInfo.InvariantCulture,
            $"the CMS answered {status} {title ?? response.ReasonPhrase}{(detail is null ? "" : $": {detail}")}{hint}"));
    }

    private static async Task<string> ReadPrefixAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[MaxProblemBytes];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }

            return Encoding.UTF8.GetString(buffer, 0, length);
        }
    }

    private static async Task<long> SaveAsync(HttpResponseMessage response, string path, long maxBytes, IncrementalHash? hash, string url, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw new RemoteSourceException(url, $"the answer is {response.Content.Headers.ContentLength} bytes; at most {maxBytes} were expected");
        }

        long total = 0;
        var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await using (target.ConfigureAwait(false))
            {
                var buffer = new byte[81920];
                while (await ReadAsync(source, buffer, url, cancellationToken).ConfigureAwait(false) is var read and > 0)
                {
                    total += read;
                    if (total > maxBytes)
                    {
                        throw new RemoteSourceException(url, $"the answer is longer than the {maxBytes} bytes expected");
                    }

                    hash?.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return total;
    }

    /// <summary>Reads from the network, telling a broken connection (the CMS's fault) from a local disk error.</summary>
    private static async Task<int> ReadAsync(Stream source, byte[] buffer, string url, CancellationToken cancellationToken)
    {
        try
        {
            return await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new RemoteSourceException(url, $"the download broke off: {e.Message}", e);
        }
    }
}
