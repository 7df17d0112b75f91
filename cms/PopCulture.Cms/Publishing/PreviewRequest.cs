namespace PopCulture.Cms.Publishing;

/// <summary>Asks for a preview link; without a body the link lives <see cref="PreviewOptions.Lifetime"/>.</summary>
public sealed record PreviewRequest(int? ExpiresInHours);
