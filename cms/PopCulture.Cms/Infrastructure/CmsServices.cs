using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PopCulture.Cms.Auditing;
using PopCulture.Cms.Content;
using PopCulture.Cms.Data;
using PopCulture.Cms.Identity;
using PopCulture.Cms.Publishing;
using PopCulture.Cms.Webhooks;
using PopCulture.Cms.Workflow;

namespace PopCulture.Cms.Infrastructure;

/// <summary>Registers the CMS's services, so <c>Program.cs</c> stays a page long.</summary>
public static class CmsServices
{
    private static readonly Dictionary<string, string> RejectionDetails = new(StringComparer.Ordinal)
    {
        [AuthApi.LoginRateLimit] = "too many sign-in attempts; wait a minute",
        [Visits.VisitRequestsApi.RateLimit] = "too many visit requests from this address; try again in ten minutes",
    };

    /// <summary>The largest JSON body the APIs accept; imports have their own, larger limit.</summary>
    public const long MaxRequestBytes = 2 * 1024 * 1024;

    public static WebApplicationBuilder AddPopCultureCms(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddOptions<CmsOptions>().BindConfiguration(CmsOptions.SectionName)
            .PostConfigure(o =>
            {
                o.ResolvePaths(contentRoot);
                // Without a configured public URL, canonical links point at the CMS's own first address.
                o.BaseUrl ??= (builder.Configuration["urls"] ?? "http://localhost:5000").Split(';')[0]
                    .Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
                    .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).TrimEnd('/') + "/";
            })
            .ValidateDataAnnotations().ValidateOnStart();
        var settings = builder.Configuration.GetSection(CmsOptions.SectionName).Get<CmsOptions>() ?? new CmsOptions();
        settings.ResolvePaths(contentRoot);

        if (settings.Database.Provider == "postgres")
        {
            var connection = builder.Configuration.GetConnectionString("PopCulture")
                ?? throw new InvalidOperationException("PopCulture:Database:Provider is postgres but ConnectionStrings:PopCulture is not set");
            services.AddDbContext<CmsDbContext, PostgresCmsDbContext>(o => o.UseNpgsql(connection));
        }
        else
        {
            Directory.CreateDirectory(settings.DataDirectory);
            var file = Path.GetFullPath(Path.Combine(settings.DataDirectory, "popculture.db"));
            services.AddDbContext<CmsDbContext, SqliteCmsDbContext>(o => o.UseSqlite($"Data Source={file};Cache=Shared;Pooling=True"));
        }

        // Hosted services start in the order they are added: the store is migrated before anything reads it, Data
        // Protection's own service (which loads the key ring) included.
        services.AddHostedService<CmsStartup>();

        // The keys that protect sign-in cookies, antiforgery tokens and preview links live in the store: every node
        // behind a load balancer reads the same ring, and a restart in a fresh container signs nobody out. (The
        // default, a folder in the user's home, is one machine's and is lost with a container.)
        services.AddDataProtection().SetApplicationName("PopCulture.Cms").PersistKeysToDbContext<CmsDbContext>();

        services.AddIdentityCore<CmsUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<CmsDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "PopCulture";
                o.DefaultChallengeScheme = "PopCulture";
            })
            .AddPolicyScheme("PopCulture", "bearer token or manager cookie", o =>
                o.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? BearerTokenHandler.SchemeName
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            // The application cookie (flags, idle timeout, where it redirects) is set up by the manager: Manager/ManagerCookie.cs.
            .AddIdentityCookies();
        services.AddAuthorization(o => o.DefaultPolicy = new AuthorizationPolicyBuilder("PopCulture").RequireAuthenticatedUser().Build());

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only password attempts count: the manager's sign-in page shares this policy, and showing its form is no attempt.
            o.AddPolicy(AuthApi.LoginRateLimit, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // A school sends one request, perhaps a correction: more from one address is a script.
            o.AddPolicy(Visits.VisitRequestsApi.RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 5, Window = TimeSpan.FromMinutes(10), QueueLimit = 0 }));
            o.OnRejected = async (context, cancellationToken) =>
            {
                // The refusal names what its policy limits: a teacher refused a visit request hears nothing of sign-ins.
                var policy = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>()?.PolicyName;
                context.HttpContext.Response.ContentType = "application/problem+json";
                await context.HttpContext.Response.WriteAsJsonAsync(
                    new { type = "https://tools.ietf.org/html/rfc6585#section-4", title = "Too Many Requests", status = 429, detail = RejectionDetails.GetValueOrDefault(policy ?? "", "too many requests; wait a minute") },
                    cancellationToken);
            };
        });

        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = MaxRequestBytes);

        // Behind a reverse proxy, the audit log and the sign-in rate limit need the client's address, not the proxy's;
        // only proxies listed in PopCulture:TrustedProxies are believed.
        services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            foreach (var proxy in builder.Configuration.GetSection("PopCulture:TrustedProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddHttpContextAccessor();
        services.AddMemoryCache(o => o.SizeLimit = 64 * 1024 * 1024);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SiteStateCache>();
        services.AddSingleton<SitePublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<SitePublisher>());
        services.AddHostedService<ScheduledPublisher>();
        services.AddScoped<AccessControl>();
        services.AddScoped<TokenService>();
        services.AddScoped<UserAdmin>();
        services.AddScoped<TokenAdmin>();
        services.AddScoped<OwnPassword>();
        services.AddScoped<AuditLog>();
        services.AddScoped<ContentStore>();
        services.AddScoped<WorkflowService>();
        services.AddScoped<ContentImporter>();
        services.AddScoped<LeaseService>();
        services.AddScoped<AdminSeeder>();
        services.AddSingleton<DeliveryCache>();
        services.AddOptions<Media.MediaOptions>().BindConfiguration(Media.MediaOptions.SectionName)
            .Validate(o => o.MaxImageBytes > 0 && o.MaxPdfBytes > 0 && o.MaxVideoBytes > 0 && o.MaxPixels > 0 && o.MaxSide > 0, "PopCulture:Media limits must be positive")
            .ValidateOnStart();
        // Multipart bodies are capped at 128 MB by default; videos may be larger.
        var media = builder.Configuration.GetSection(Media.MediaOptions.SectionName).Get<Media.MediaOptions>() ?? new Media.MediaOptions();
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = media.LargestUpload + (1024 * 1024));
        services.AddSingleton<Media.IMediaStorage>(new Media.LocalMediaStorage(Path.Combine(settings.DataDirectory, "library")));
        services.AddScoped<Media.MediaService>();
        services.AddSingleton<Media.MediaVariants>();
        services.AddSingleton<Content.CmsItemCache>();
        services.AddWebhooks();
        services.AddPreview();
        Search.SearchServices.AddSearch(services);
        return builder;
    }
}
