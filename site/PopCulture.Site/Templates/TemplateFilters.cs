using Fluid;
using Fluid.Values;
using PopCulture.Site.Model;

namespace PopCulture.Site.Templates;

/// <summary>The filters PopCulture adds to Liquid, registered as a group like Fluid's own <c>WithStringFilters()</c>.</summary>
public static class TemplateFilters
{
    /// <summary>Adds <c>asset_url</c>, <c>relative_url</c> and <c>absolute_url</c>.</summary>
    public static FilterCollection WithPopCultureFilters(this FilterCollection filters, SiteUrls urls, IReadOnlyDictionary<string, string> assets)
    {
        ArgumentNullException.ThrowIfNull(filters);
        filters.AddFilter("asset_url", (input, _, _) =>
        {
            var name = input.ToStringValue().TrimStart('/');
            if (!assets.TryGetValue(name, out var path))
            {
                throw new InvalidOperationException($"asset_url: the theme has no asset '{name}' under assets/");
            }

            return new StringValue(urls.Link(path));
        });
        filters.AddFilter("relative_url", (input, _, _) => new StringValue(urls.Link(input.ToStringValue())));
        filters.AddFilter("absolute_url", (input, _, _) => new StringValue(urls.Absolute(input.ToStringValue())));
        return filters;
    }
}
