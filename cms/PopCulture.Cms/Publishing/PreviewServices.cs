namespace PopCulture.Cms.Publishing;

/// <summary>Registers draft previews: their options, the token signer and the renderer.</summary>
public static class PreviewServices
{
    public static IServiceCollection AddPreview(this IServiceCollection services)
    {
        services.AddOptions<PreviewOptions>().BindConfiguration(PreviewOptions.SectionName)
            .Validate(o => o.IsValid(), "PopCulture:Preview:Lifetime must be positive and at most 7 days")
            .ValidateOnStart();
        // Signs with the key ring CmsServices keeps in the store, the sign-in cookies' own: a link signed on one node opens on any.
        services.AddSingleton<PreviewTokens>();
        services.AddSingleton<PreviewRenderer>();
        services.AddScoped<PreviewLinks>();
        return services;
    }
}
