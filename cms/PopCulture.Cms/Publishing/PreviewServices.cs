using Microsoft.AspNetCore.DataProtection;

namespace PopCulture.Cms.Publishing;

/// <summary>Registers draft previews: their options, the token signer and the renderer.</summary>
public static class PreviewServices
{
    public static IServiceCollection AddPreview(this IServiceCollection services)
    {
        services.AddOptions<PreviewOptions>().BindConfiguration(PreviewOptions.SectionName)
            .Validate(o => o.IsValid(), "PopCulture:Preview:Lifetime must be positive and at most 7 days")
            .ValidateOnStart();
        // The key ring the sign-in cookies use (kept in the store, see CmsServices): a link signed on one node opens on any.
        services.AddDataProtection();
        services.AddSingleton<PreviewTokens>();
        services.AddSingleton<PreviewRenderer>();
        services.AddScoped<PreviewLinks>();
        return services;
    }
}
