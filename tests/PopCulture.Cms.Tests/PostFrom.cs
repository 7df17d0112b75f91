using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;

namespace PopCulture.Cms.Tests;

/// <summary>
/// A JSON POST sent through the test server directly, so the request can carry a client address as Kestrel would set
/// it (the audit log records it; rate limits count by it).
/// </summary>
public static class PostFrom
{
    public static async Task<(int Status, JsonNode Json)> PostJsonFromAsync(this TestServer server, string address, string path, object input)
    {
        ArgumentNullException.ThrowIfNull(server);
        var body = JsonSerializer.SerializeToUtf8Bytes(input);
        var context = await server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = path;
            c.Request.ContentType = "application/json";
            c.Request.ContentLength = body.Length;
            c.Request.Body = new MemoryStream(body);
            c.Features.Set<IHttpRequestBodyDetectionFeature>(new HasBody());
        });
        return (context.Response.StatusCode, (await JsonNode.ParseAsync(context.Response.Body))!);
    }

    /// <summary>Tells the endpoint there is a body to bind, as the test server's own client does.</summary>
    private sealed class HasBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }
}
