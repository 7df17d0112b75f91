using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using PopCulture.Cms.Media;

namespace PopCulture.Cms.Manager;

/// <summary>
/// Lets a posted upload be as large as the media options allow (a video may be far larger than the server's default
/// request limit), before antiforgery reads the form; the media service still checks every file's own limit.
/// </summary>
public sealed class MediaUploadLimit(IOptions<MediaOptions> options) : IAuthorizationFilter, IOrderedFilter
{
    /// <summary>Before the antiforgery check (1000), which reads the form.</summary>
    public int Order => 900;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            return;
        }

        // Room for the form's other fields and the multipart framing beside the largest file.
        var limit = options.Value.LargestUpload + (1024 * 1024);
        if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (context.HttpContext.Features.Get<IFormFeature>()?.Form is null)
        {
            context.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = limit }));
        }
    }
}
