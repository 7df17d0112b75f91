namespace PopCulture.Cms.Visits;

/// <summary>A school's request to bring a class to a youth health education hall, as a teacher sent it from the hall's page.</summary>
public sealed class VisitRequest
{
    public long Id { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The hall's slug in the youth-hall section, and its title when the request came (titles change, requests stay).</summary>
    public required string Hall { get; set; }

    public required string HallTitle { get; set; }

    public required string School { get; set; }

    public required string Contact { get; set; }

    public required string Phone { get; set; }

    public string? Email { get; set; }

    public string? Grade { get; set; }

    public int Students { get; set; }

    public DateOnly PreferredDate { get; set; }

    public string? Message { get; set; }
}
