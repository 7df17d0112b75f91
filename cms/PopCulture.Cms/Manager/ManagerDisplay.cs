using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PopCulture.Cms.Content;
using PopCulture.Cms.Workflow;

namespace PopCulture.Cms.Manager;

/// <summary>How the manager shows times, sections, workflow states and build states in the request's language.</summary>
public sealed class ManagerDisplay(IOptions<ManagerOptions> options, IStringLocalizer<ManagerText> text)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    /// <summary>An instant in the offices' time zone, to the minute; empty for none.</summary>
    public string Time(DateTimeOffset? at) =>
        at is { } value ? TimeZoneInfo.ConvertTime(value, _zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>An instant as an HTML <c>datetime</c> attribute value.</summary>
    public static string MachineTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>A section's name for people; sections the resources do not name show as they are stored.</summary>
    public string Section(string section)
    {
        var name = text["Section." + (section.Length == 0 ? DeliveryApi.RootSection : section)];
        return name.ResourceNotFound ? section : name.Value;
    }

    public string State(WorkflowStatus status) => text["State." + ManageDocument.StatusName(status)];

    /// <summary>running, succeeded or failed, in words.</summary>
    public string BuildState(string status)
    {
        var name = text["Build." + status];
        return name.ResourceNotFound ? status : name.Value;
    }
}
