namespace PopCulture.Cms.Webhooks;

/// <summary>What is wrong with a webhook URL, so the API and the manager word the same verdict each in their own language.</summary>
public enum WebhookUrlProblem
{
    None,

    /// <summary>Empty, or longer than <see cref="WebhookRules.MaxUrlLength"/>.</summary>
    Missing,

    NotHttp,

    HasCredentials,

    HasFragment,
}
