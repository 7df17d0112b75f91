using System.Globalization;

namespace PopCulture.Site.Content;

/// <summary>
/// When a place is open, structured so a page can say "open now": always, or ranges per weekday (Monday first).
/// The <c>opening_hours</c> text stays what readers see; this only drives the "现在开放" line.
/// </summary>
public sealed record OpeningHours(bool Always, IReadOnlyList<IReadOnlyList<TimeRange>> Days)
{
    /// <summary>The weekday keys in front matter, Monday first, the order of <see cref="Days"/>.</summary>
    public static readonly IReadOnlyList<string> DayKeys = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public static readonly OpeningHours AlwaysOpen = new(true, [.. DayKeys.Select(_ => (IReadOnlyList<TimeRange>)[new TimeRange(0, 24 * 60)])]);

    /// <summary>
    /// The hours as the page script reads them from <c>data-hours</c>: <c>always</c>, or seven days Monday first
    /// separated by <c>|</c>, each a comma-separated list of <c>from-to</c> minutes (empty when closed).
    /// </summary>
    public string Code => Always
        ? "always"
        : string.Join('|', Days.Select(d => string.Join(',', d.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.From}-{r.To}")))));
}
