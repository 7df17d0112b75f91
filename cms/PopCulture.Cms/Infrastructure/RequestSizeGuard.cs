using Microsoft.AspNetCore.Http.Metadata;

namespace PopCulture.Cms.Infrastructure;

/// <summary>
/// Refuses a body whose declared length is over the endpoint's limit with 413 problem details before anything reads
/// it. Kestrel enforces the same limits on the wire (chunked bodies included); this answers early and the same way
/// on every server.
/// </summary>
public static class RequestSizeGuard
{
    public static IApplicationBuilder UseRequestSizeGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? CmsServices.MaxRequestBytes;
            if (context.Request.ContentLength is { } length && length > limit)
            {
                await Results.Problem(
                    statusCode: StatusCodes.Status413PayloadTooLarge,
                    title: "Payload Too Large",
                    detail: $"the request body is {length} bytes; this endpoint accepts at most {limit}").ExecuteAsync(context);
                return;
            }

            await next(context);
        });
}
