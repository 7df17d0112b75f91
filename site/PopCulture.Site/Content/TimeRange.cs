namespace PopCulture.Site.Content;

/// <summary>Part of a day, in minutes after midnight: from <see cref="From"/> up to (not including) <see cref="To"/>.</summary>
public readonly record struct TimeRange(int From, int To)
{
    /// <summary><c>9:00–17:00</c>: how the page and the script both write a range.</summary>
    public override string ToString() => $"{Clock(From)}–{Clock(To)}";

    private static string Clock(int minutes) => $"{minutes / 60}:{minutes % 60:00}";
}
