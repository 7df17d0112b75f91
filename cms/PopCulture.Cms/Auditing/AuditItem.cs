namespace PopCulture.Cms.Auditing;

/// <summary>One audit entry as admins read it.</summary>
public sealed record AuditItem(DateTimeOffset At, string? UserEmail, string Action, string? Target, string? Detail, string? RemoteAddress);
