using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace PopCulture.Cms.Webhooks;

/// <summary>Sends one signed delivery and reports how it went; never throws for the receiver's faults.</summary>
public sealed class WebhookSender(IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider clock)
{
    /// <summary>The named client, set up in <see cref="WebhookServices"/> not to follow redirects and not to log.</summary>
    public const string ClientName = "webhooks";

    private const int MaxErrorLength = 500;

    public async Task<WebhookAttemptResult> SendAsync(string url, string secret, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var body = Encoding.UTF8.GetBytes(delivery.Payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Absolute)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(WebhookSignature.Header, WebhookSignature.Compute(secret, body));
        request.Headers.TryAddWithoutValidation(WebhookSignature.EventHeader, delivery.Event);
        request.Headers.TryAddWithoutValidation(WebhookSignature.DeliveryHeader, delivery.Id.ToString());
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("PopCulture-Webhooks", "1"));

        var timeout = options.Value.Timeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var started = clock.GetTimestamp();
        try
        {
            // Only the status matters; the body is never read, so a receiver cannot make the CMS download anything.
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            return new WebhookAttemptResult((int)response.StatusCode, null, clock.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttemptResult(null, $"no response within {timeout.TotalSeconds:0.###} s", clock.GetElapsedTime(started));
        }
        catch (HttpRequestException e)
        {
            var message = e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message;
            return new WebhookAttemptResult(null, message.Length > MaxErrorLength ? message[..MaxErrorLength] : message, clock.GetElapsedTime(started));
        }
    }
}
