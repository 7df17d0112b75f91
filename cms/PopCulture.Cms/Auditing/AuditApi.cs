namespace PopCulture.Cms.Auditing;

/// <summary>The audit log, readable by admins.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app) => app;
}
