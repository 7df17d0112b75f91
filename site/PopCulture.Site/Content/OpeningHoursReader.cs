using System.Globalization;
using System.Text.RegularExpressions;

namespace PopCulture.Site.Content;

/// <summary>
/// Reads the optional structured <c>hours:</c> of a place: <c>always</c>, or a mapping of weekdays (<c>mon</c>…<c>sun</c>)
/// to <c>closed</c> or ranges such as <c>09:00-17:00</c> or <c>09:00-11:30, 13:30-17:00</c>. Days left out are closed.
/// Every problem is reported at the line of the key at fault.
/// </summary>
public static partial class OpeningHoursReader
{
    private const int Day = 24 * 60;

    public static OpeningHours? Read(FieldReader reader, string key)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (!reader.Has(key))
        {
            return null;
        }

        if (!reader.HoldsMapping(key))
        {
            var text = reader.Text(key);
            if (text is null)
            {
                return null;
            }

            if (text == "always")
            {
                return OpeningHours.AlwaysOpen;
            }

            reader.Error(key,
                $"'{key}' must be 'always' or a mapping of weekdays ({string.Join(", ", OpeningHours.DayKeys)}) to 'HH:MM-HH:MM' or 'closed' (found '{text}')");
            return null;
        }

        var days = reader.Map(key)!;
        var ok = true;
        var week = new List<IReadOnlyList<TimeRange>>(OpeningHours.DayKeys.Count);
        var listed = 0;
        foreach (var day in OpeningHours.DayKeys)
        {
            if (days.Has(day))
            {
                listed++;
            }

            var ranges = ReadDay(days, key, day);
            ok &= ranges is not null;
            week.Add(ranges ?? []);
        }

        foreach (var unknown in days.Unused().Keys)
        {
            days.Error(unknown, $"'{key}.{unknown}' is not a weekday: use {string.Join(", ", OpeningHours.DayKeys)}");
            ok = false;
        }

        if (listed == 0 && ok)
        {
            days.ErrorHere($"'{key}' lists no weekday: give {string.Join(", ", OpeningHours.DayKeys)} (days left out are closed), or write 'always'");
            ok = false;
        }

        return ok ? new OpeningHours(false, week) : null;
    }

    /// <summary>The ranges of one day; empty when closed or not listed; null after reporting a problem.</summary>
    private static List<TimeRange>? ReadDay(FieldReader days, string key, string day)
    {
        if (!days.Has(day))
        {
            return [];
        }

        if (!days.HoldsText(day))
        {
            days.Text(day); // reports that it must be text
            return null;
        }

        var text = days.Text(day);
        if (text is null)
        {
            days.Error(day, $"'{key}.{day}' is empty: write 'closed' or ranges like '09:00-17:00'");
            return null;
        }

        if (text == "closed")
        {
            return [];
        }

        var ranges = new List<TimeRange>();
        foreach (var part in text.Split([',', '，'], StringSplitOptions.TrimEntries))
        {
            var match = RangePattern().Match(part);
            if (!match.Success)
            {
                days.Error(day, $"'{key}.{day}' must be 'closed' or ranges like '09:00-17:00' or '09:00-11:30, 13:30-17:00' (found '{part}')");
                return null;
            }

            var from = Minutes(match.Groups[1].Value, match.Groups[2].Value);
            var to = Minutes(match.Groups[3].Value, match.Groups[4].Value);
            if (from is null or >= Day || to is null)
            {
                days.Error(day, $"'{key}.{day}': '{part}' is not a time of day (hours 0–24, minutes 00–59; 24:00 only as an end)");
                return null;
            }

            if (to <= from)
            {
                days.Error(day, $"'{key}.{day}': '{part}' ends before it starts; hours past midnight go on the next day's line");
                return null;
            }

            if (ranges.Count > 0 && from < ranges[^1].To)
            {
                days.Error(day, $"'{key}.{day}': '{part}' starts before the range before it ends; list ranges in order without overlap");
                return null;
            }

            ranges.Add(new TimeRange(from.Value, to.Value));
        }

        return ranges;
    }

    private static int? Minutes(string hours, string minutes)
    {
        var h = int.Parse(hours, CultureInfo.InvariantCulture);
        var m = int.Parse(minutes, CultureInfo.InvariantCulture);
        return h > 24 || m > 59 || (h == 24 && m > 0) ? null : (h * 60) + m;
    }

    [GeneratedRegex(@"^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$")]
    private static partial Regex RangePattern();
}
