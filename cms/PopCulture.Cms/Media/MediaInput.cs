namespace PopCulture.Cms.Media;

/// <summary>How an editor describes a media item (on upload, as form fields; on update, as JSON).</summary>
public sealed record MediaInput(string? Title, string? Alt, string? Caption, string? Credit, string? Folder, IReadOnlyList<string>? Tags, double? FocalX, double? FocalY);
