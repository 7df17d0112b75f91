namespace PopCulture.Cms.Search;

/// <summary>Registers the search indexes and their refresher.</summary>
public static class SearchServices
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SearchIndexes>();
        services.AddHostedService<SearchRefresher>();
        return services;
    }
}
