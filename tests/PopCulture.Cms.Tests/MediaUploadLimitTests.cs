using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using PopCulture.Cms.Manager;
using PopCulture.Cms.Media;

namespace PopCulture.Cms.Tests;

/// <summary>The media screen's upload accepts what the media options allow, not the server's smaller default request limit.</summary>
public sealed class MediaUploadLimitTests
{
    [Fact]
    public void A_posted_upload_may_be_as_large_as_the_largest_allowed_file_and_runs_before_antiforgery()
    {
        var options = new MediaOptions { MaxVideoBytes = 300L * 1024 * 1024 };
        var (context, size) = Context("POST");

        new MediaUploadLimit(Options.Create(options)).OnAuthorization(context);

        var limit = options.LargestUpload + (1024 * 1024);
        Assert.Equal(limit, size.MaxRequestBodySize);
        Assert.IsType<FormFeature>(context.HttpContext.Features.Get<IFormFeature>());
        Assert.True(new MediaUploadLimit(Options.Create(options)).Order < new AutoValidateAntiforgeryTokenAttribute().Order);
        var attribute = Assert.Single(typeof(PopCulture.Cms.Manager.Pages.Media.IndexModel).GetCustomAttributes(typeof(TypeFilterAttribute), inherit: false).Cast<TypeFilterAttribute>());
        Assert.Equal((typeof(MediaUploadLimit), 900), (attribute.ImplementationType, attribute.Order));
    }

    [Fact]
    public void A_page_view_keeps_the_servers_limit()
    {
        var (context, size) = Context("GET");

        new MediaUploadLimit(Options.Create(new MediaOptions())).OnAuthorization(context);

        Assert.Equal(30_000_000, size.MaxRequestBodySize);
        Assert.Null(context.HttpContext.Features.Get<IFormFeature>());
    }

    private static (AuthorizationFilterContext Context, BodySize Size) Context(string method)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        var size = new BodySize();
        http.Features.Set<IHttpMaxRequestBodySizeFeature>(size);
        var action = new ActionContext(http, new RouteData(), new ActionDescriptor());
        return (new AuthorizationFilterContext(action, []), size);
    }

    private sealed class BodySize : IHttpMaxRequestBodySizeFeature
    {
        public bool IsReadOnly => false;

        public long? MaxRequestBodySize { get; set; } = 30_000_000;
    }
}
