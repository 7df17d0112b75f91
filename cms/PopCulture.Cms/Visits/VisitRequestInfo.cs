namespace PopCulture.Cms.Visits;

/// <summary>A visit request as editors read it.</summary>
public sealed record VisitRequestInfo(
    long Id, DateTimeOffset ReceivedAt, string Hall, string HallTitle, string School, string Contact, string Phone, string? Email,
    string? Grade, int Students, DateOnly PreferredDate, string? Message)
{
    public static VisitRequestInfo From(VisitRequest r) =>
        new(r.Id, r.ReceivedAt, r.Hall, r.HallTitle, r.School, r.Contact, r.Phone, r.Email, r.Grade, r.Students, r.PreferredDate, r.Message);
}
