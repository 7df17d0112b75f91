using PopCulture.Site.Content;

namespace PopCulture.Site.Tests;

/// <summary>The structured <c>hours:</c> of a park: what it accepts, and a <c>path:line</c> error for each way it can be wrong.</summary>
public class OpeningHoursTests
{
    private const string Head = "---\ntype: park\ntitle: 园\nsample: true\ndistrict: 姑苏区\ncoordinates: { lat: 31.3, lng: 120.6 }\nopening_hours: 全天开放\nlevel: 村（社区）\nexhibits: [{ name: 展板 }]\n";

    // The first line of what a test appends after Head: the file's line 10.
    private const int FirstLine = 10;

    private static (ParkFields? Park, string[] Problems) Parse(string hours)
    {
        var diagnostics = new DiagnosticBag();
        var location = new ItemParser.Location("content/parks/p.md", "parks", "p", false, null);
        var item = ItemParser.Parse(location, (Head + hours + "\n---\n正文\n").ReplaceLineEndings("\n"), diagnostics);
        return (item?.Fields as ParkFields, [.. diagnostics.Snapshot().Select(d => d.ToString())]);
    }

    [Fact]
    public void Always_is_open_every_minute_of_every_day()
    {
        var (park, problems) = Parse("hours: always");

        Assert.Empty(problems);
        Assert.True(park!.Hours!.Always);
        Assert.Equal("always", park.Hours.Code);
        Assert.All(park.Hours.Days, d => Assert.Equal([new TimeRange(0, 1440)], d));
    }

    [Fact]
    public void Weekdays_take_ranges_or_closed_and_days_left_out_are_closed()
    {
        var (park, problems) = Parse("hours:\n  mon: closed\n  tue: \"09:00-17:00\"\n  wed: 9:00–11:30, 13:30-17:00\n  sat: 08:30-24:00");

        Assert.Empty(problems);
        var hours = park!.Hours!;
        Assert.False(hours.Always);
        Assert.Empty(hours.Days[0]);
        Assert.Equal([new TimeRange(540, 1020)], hours.Days[1]);
        Assert.Equal([new TimeRange(540, 690), new TimeRange(810, 1020)], hours.Days[2]);
        Assert.Empty(hours.Days[6]);
        Assert.Equal("|540-1020|540-690,810-1020|||510-1440|", hours.Code);
        Assert.Equal("9:00–11:30", hours.Days[2][0].ToString());
    }

    [Fact]
    public void Without_hours_a_park_has_none_and_its_text_stays()
    {
        var (park, problems) = Parse("");

        Assert.Empty(problems);
        Assert.Null(park!.Hours);
        Assert.Equal("全天开放", park.OpeningHours);
    }

    [Theory]
    [InlineData("hours: sometimes", 0, "'hours' must be 'always' or a mapping of weekdays (mon, tue, wed, thu, fri, sat, sun) to 'HH:MM-HH:MM' or 'closed' (found 'sometimes')")]
    [InlineData("hours:\n  mon: closed\n  mom: 09:00-17:00", 2, "'hours.mom' is not a weekday: use mon, tue, wed, thu, fri, sat, sun")]
    [InlineData("hours:\n  tue:", 1, "'hours.tue' is empty: write 'closed' or ranges like '09:00-17:00'")]
    [InlineData("hours:\n  wed: nine to five", 1, "'hours.wed' must be 'closed' or ranges like '09:00-17:00' or '09:00-11:30, 13:30-17:00' (found 'nine to five')")]
    [InlineData("hours:\n  thu: 09:00-25:00", 1, "'hours.thu': '09:00-25:00' is not a time of day (hours 0–24, minutes 00–59; 24:00 only as an end)")]
    [InlineData("hours:\n  thu: 24:00-24:00", 1, "'hours.thu': '24:00-24:00' is not a time of day (hours 0–24, minutes 00–59; 24:00 only as an end)")]
    [InlineData("hours:\n  fri: 22:00-02:00", 1, "'hours.fri': '22:00-02:00' ends before it starts; hours past midnight go on the next day's line")]
    [InlineData("hours:\n  sat: 09:00-12:00, 11:00-17:00", 1, "'hours.sat': '11:00-17:00' starts before the range before it ends; list ranges in order without overlap")]
    [InlineData("hours:\n  sun: [09:00-17:00]", 1, "'hours.sun' must be text")]
    [InlineData("hours: {}", 0, "'hours' lists no weekday: give mon, tue, wed, thu, fri, sat, sun (days left out are closed), or write 'always'")]
    public void Every_mistake_is_reported_at_its_line_with_the_field(string hours, int lineAfterHead, string message)
    {
        var (park, problems) = Parse(hours);

        Assert.Equal([$"content/parks/p.md:{FirstLine + lineAfterHead}: {message}"], problems);
        Assert.Null(park?.Hours);
    }

    [Fact]
    public void Errors_name_the_field_for_the_cms()
    {
        var diagnostics = new DiagnosticBag();
        var location = new ItemParser.Location("content/parks/p.md", "parks", "p", false, null);
        ItemParser.Parse(location, Head + "hours:\n  mon: 17:00-09:00\n---\n", diagnostics);

        Assert.Equal("hours.mon", Assert.Single(diagnostics.Snapshot()).Field);
    }
}
