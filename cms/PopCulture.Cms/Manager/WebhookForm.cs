using Microsoft.Extensions.Localization;
using PopCulture.Cms.Webhooks;

namespace PopCulture.Cms.Manager;

/// <summary>The fields of a webhook form as posted or stored, with the store's refusals worded for the manager.</summary>
public sealed class WebhookForm
{
    public string Url { get; init; } = "";

    public IReadOnlyList<string> Events { get; init; } = [];

    public bool Active { get; init; } = true;

    /// <summary>Problems by field (<c>url</c>, <c>events</c>), in the manager's language.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; private init; } = new Dictionary<string, string>();

    /// <summary>A refusal that belongs to no one field (too many webhooks).</summary>
    public string? Problem { get; init; }

    public WebhookRequest ToRequest() => new(Url, [.. Events], Active);

    public static WebhookForm From(WebhookInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new WebhookForm { Url = info.Url, Events = info.Events, Active = info.Active };
    }

    /// <summary>
    /// This form again with the store's errors. The store words them in English for API clients; the verdict is worked
    /// out again from the same rules (<see cref="WebhookRules"/>) to word it in the manager's language.
    /// </summary>
    public WebhookForm WithErrors(IDictionary<string, string[]>? errors, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var worded = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in (errors ?? new Dictionary<string, string[]>()).Keys)
        {
            worded[field] = field switch
            {
                "url" => text["Ops.Webhooks.Url." + WebhookRules.UrlProblem(Url), WebhookRules.MaxUrlLength],
                "events" => text["Ops.Webhooks.EventsRequired"],
                _ => string.Join(" ", errors![field]),
            };
        }

        return new WebhookForm { Url = Url, Events = Events, Active = Active, Errors = worded, Problem = Problem };
    }
}
