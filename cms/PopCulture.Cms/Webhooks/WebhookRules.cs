namespace PopCulture.Cms.Webhooks;

/// <summary>The checks on a <see cref="WebhookRequest"/>, each problem filed under the field at fault.</summary>
public static class WebhookRules
{
    public const int MaxUrlLength = 2000;

    /// <summary>More would make one publish fan out into a flood of requests.</summary>
    public const int MaxSubscriptions = 50;

    /// <summary>The URL, trimmed, or null with a problem under <c>url</c>.</summary>
    public static string? ReadUrl(string? url, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var problem = UrlProblem(url);
        if (problem != WebhookUrlProblem.None)
        {
            errors["url"] = [Describe(problem)];
            return null;
        }

        return url!.Trim();
    }

    /// <summary>What is wrong with <paramref name="url"/> (trimmed), if anything.</summary>
    public static WebhookUrlProblem UrlProblem(string? url)
    {
        var text = url?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxUrlLength)
        {
            return WebhookUrlProblem.Missing;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return WebhookUrlProblem.NotHttp;
        }

        // Credentials in the URL would be shown in every listing; the signature is how a receiver knows the sender.
        if (uri.UserInfo.Length > 0)
        {
            return WebhookUrlProblem.HasCredentials;
        }

        return uri.Fragment.Length > 0 || text.Contains('#', StringComparison.Ordinal) ? WebhookUrlProblem.HasFragment : WebhookUrlProblem.None;
    }

    /// <summary>The API's words for a URL problem.</summary>
    public static string Describe(WebhookUrlProblem problem) => problem switch
    {
        WebhookUrlProblem.Missing => $"url is required, at most {MaxUrlLength} characters",
        WebhookUrlProblem.NotHttp => "url must be an absolute http or https URL",
        WebhookUrlProblem.HasCredentials => "url must not contain a user name or password",
        WebhookUrlProblem.HasFragment => "url must not have a #fragment: it is never sent",
        _ => throw new ArgumentOutOfRangeException(nameof(problem)),
    };

    /// <summary>The events as stored (comma-separated, in the canonical order), or null with a problem under <c>events</c>.</summary>
    public static string? ReadEvents(IReadOnlyList<string?>? events, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var unknown = events?.Where(e => e is null || !WebhookEvents.All.Contains(e, StringComparer.Ordinal)).ToList() ?? [];
        if (events is null || events.Count == 0 || events.Count > WebhookEvents.All.Count * 2 || unknown.Count > 0)
        {
            errors["events"] = [$"events must list one or more of {string.Join(", ", WebhookEvents.All)}"];
            return null;
        }

        return string.Join(',', WebhookEvents.All.Where(e => events.Contains(e, StringComparer.Ordinal)));
    }
}
