namespace PopCulture.Cms.Publishing;

/// <summary>A preview link to share: anyone holding it sees the draft until it expires or the draft is published.</summary>
public sealed record PreviewLink(string Url, DateTimeOffset ExpiresAt);
