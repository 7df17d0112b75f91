using System.Globalization;
using PopCulture.Cms.Content;

namespace PopCulture.Cms.Search;

/// <summary>Reads and checks a search's query string, naming every parameter at fault.</summary>
internal static class SearchQueryReader
{
    /// <summary>Longer than any real search; a bound on the work one request can ask for.</summary>
    public const int MaxQueryLength = 100;
    public const int MaxValueLength = 100;
    public const int MaxPage = 100;

    private static readonly string[] Common = ["q", "section", "type", "tag", "page", "pageSize"];

    public static SearchRequest? Read(IQueryCollection query, bool management, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var key in query.Keys)
        {
            var known = key.StartsWith("facet.", StringComparison.Ordinal)
                ? EntryMapping.FacetNames.Contains(key[6..])
                : Common.Contains(key) || (management && key == "status");
            if (!known)
            {
                errors[key] = [$"unknown parameter; use q, section, type, tag, {(management ? "status, " : "")}page, pageSize or {string.Join(", ", EntryMapping.FacetNames.Select(f => "facet." + f))}"];
            }
            else if (query[key].Count > 1)
            {
                errors[key] = [$"{key} may be given once"];
            }
        }

        var text = query["q"].ToString().Trim();
        if (text.Length > MaxQueryLength)
        {
            errors["q"] = [$"q may be at most {MaxQueryLength} characters"];
        }

        var page = ReadInt(query, "page", 1, MaxPage, 1, errors);
        var pageSize = ReadInt(query, "pageSize", DeliveryApi.DefaultPageSize, DeliveryApi.MaxPageSize, 1, errors);
        var filters = new Dictionary<string, string>(StringComparer.Ordinal);
        AddFilter(query, "section", "section", errors, filters);
        AddFilter(query, "type", "type", errors, filters);
        AddFilter(query, "tag", "tag", errors, filters);
        foreach (var name in EntryMapping.FacetNames)
        {
            AddFilter(query, "facet." + name, name, errors, filters);
        }

        // Accept 0-6月 for 0–6月, as front matter and the delivery API do.
        if (filters.TryGetValue("age_band", out var band))
        {
            filters["age_band"] = PopCulture.Site.Content.Vocabulary.FindAgeBand(band)?.Label ?? band;
        }

        string? status = null;
        if (management && query["status"].ToString() is { Length: > 0 } statusText)
        {
            if (ManageContentApi.ParseStatus(statusText) is { } parsed)
            {
                status = ManageDocument.StatusName(parsed);
            }
            else
            {
                errors["status"] = ["status must be draft, in-review, scheduled, published or archived"];
            }
        }

        return errors.Count > 0 ? null : new SearchRequest(text, filters, page, pageSize, Status: status);
    }

    private static void AddFilter(IQueryCollection query, string key, string facet, Dictionary<string, string[]> errors, Dictionary<string, string> filters)
    {
        var value = query[key].ToString();
        if (value.Length == 0)
        {
            return;
        }

        if (value.Length > MaxValueLength)
        {
            errors[key] = [$"{key} may be at most {MaxValueLength} characters"];
            return;
        }

        filters[facet] = value;
    }

    private static int ReadInt(IQueryCollection query, string name, int fallback, int max, int min, Dictionary<string, string[]> errors)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            errors[name] = [$"{name} must be a whole number from {min} to {max}"];
            return fallback;
        }

        return value;
    }
}
