using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PopCulture.Cms.Content;
using PopCulture.Cms.Workflow;

namespace PopCulture.Cms.Manager;

/// <summary>How the manager shows times, sections, workflow states and build states in the request's language.</summary>
public sealed class ManagerDisplay(IOptions<ManagerOptions> options, IStringLocalizer<ManagerText> text)
{
    private static readonly string[] LocalFormats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFF"];

    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    /// <summary>The offices' time zone id, as configured.</summary>
    public string ZoneId => _zone.Id;

    /// <summary>An instant in the offices' time zone, to the minute; empty for none.</summary>
    public string Time(DateTimeOffset? at) =>
        at is { } value ? TimeZoneInfo.ConvertTime(value, _zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>An instant as an HTML <c>datetime</c> attribute value.</summary>
    public static string MachineTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>
    /// A <c>datetime-local</c> field's value (<c>2026-05-01T09:30</c>, seconds optional) read as a time in the offices'
    /// zone; null when empty or not such a value.
    /// </summary>
    public DateTimeOffset? ParseLocal(string? value)
    {
        if (!DateTime.TryParseExact(value, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        // A time skipped by a daylight-saving change has no instant; it is refused like a malformed one.
        if (_zone.IsInvalidTime(local))
        {
            return null;
        }

        return new DateTimeOffset(local, _zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>An instant as a <c>datetime-local</c> value in the offices' zone; empty for none.</summary>
    public string LocalInput(DateTimeOffset? at) =>
        at is { } value ? TimeZoneInfo.ConvertTime(value, _zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>A section's name for people; sections the resources do not name show as they are stored.</summary>
    public string Section(string section)
    {
        var name = text["Section." + (section.Length == 0 ? DeliveryApi.RootSection : section)];
        return name.ResourceNotFound ? section : name.Value;
    }

    public string State(WorkflowStatus status) => text["State." + ManageDocument.StatusName(status)];

    /// <summary>A build's reason in the manager's language (<see cref="BuildReasons"/>).</summary>
    public string BuildReason(string reason) => BuildReasons.Translate(reason, text);

    /// <summary>running, succeeded or failed, in words.</summary>
    public string BuildState(string status)
    {
        var name = text["Build." + status];
        return name.ResourceNotFound ? status : name.Value;
    }
}
