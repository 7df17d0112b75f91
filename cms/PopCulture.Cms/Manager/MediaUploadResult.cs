namespace PopCulture.Cms.Manager;

/// <summary>How one file of an upload went: the new item's id, or why it was refused (in the manager's language).</summary>
public sealed record MediaUploadResult(string Name, Guid? Id, string? Error, int Status);
