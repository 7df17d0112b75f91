using Microsoft.Extensions.Options;
using PopCulture.Cms;
using PopCulture.Cms.Auditing;
using PopCulture.Cms.Content;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Infrastructure;
using PopCulture.Cms.Manager;
using PopCulture.Cms.Media;
using PopCulture.Cms.Publishing;
using PopCulture.Cms.Search;
using PopCulture.Cms.Visits;
using PopCulture.Cms.Webhooks;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddPopCultureCms();
builder.AddManager();

var app = builder.Build();
app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseBuiltSite();
// Routing after the static site, so the API fallback never shadows a page.
app.UseRouting();
app.UseRequestSizeGuard();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.MapManager();

app.MapOpenApi().AllowAnonymous();
// Scalar would fetch its fonts from a CDN; the CMS makes no outside requests, so it uses the system fonts.
app.MapScalarApiReference(o => o.DisableDefaultFonts()).AllowAnonymous();
app.MapGet("/healthz", (SitePublisher publisher) => TypedResults.Ok(new { status = "ok", lastBuild = publisher.LastResult?.Succeeded }))
    .WithTags("Health").WithName("Health").AllowAnonymous();
app.MapDeliveryApi();
app.MapSourceApi();
app.MapAuthApi();
app.MapManageContentApi();
app.MapRevisionsApi();
app.MapUsersApi();
app.MapTokensApi();
app.MapAuditApi();
app.MapTransferApi();
app.MapMediaApi();
app.MapWebhooksApi();
app.MapPreviewApi();
app.MapBuildsApi();
app.MapSearchApi();
app.MapVisitRequestsApi();
app.MapFallback(context => context.Request.Path.StartsWithSegments("/api")
    ? Results.Problem(statusCode: 404, title: "Not Found", detail: $"no endpoint {context.Request.Path}").ExecuteAsync(context)
    : SiteHosting.NotFoundAsync(context, Path.GetFullPath(app.Services.GetRequiredService<IOptions<CmsOptions>>().Value.SiteDirectory)));

await app.RunAsync();

/// <summary>The CMS entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
