namespace PopCulture.Cms.Visits;

/// <summary>What the hall page's form sends. Every field is checked by <see cref="VisitRequestRules"/> before it is stored.</summary>
public sealed record VisitRequestInput(
    string? Hall,
    string? School,
    string? Contact,
    string? Phone,
    string? Email,
    string? Grade,
    int? Students,
    string? PreferredDate,
    string? Message,
    bool? Consent,
    string? Website);
