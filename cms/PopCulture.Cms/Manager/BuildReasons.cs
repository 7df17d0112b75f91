using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace PopCulture.Cms.Manager;

/// <summary>
/// The build queue words its reasons in English (the builds API gives them as they are); the manager shows each in
/// its own language, matched by shape, and keeps a reason it does not know as it came.
/// </summary>
public static partial class BuildReasons
{
    public static string Translate(string reason, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(text);
        return reason switch
        {
            "start-up" => text["Build.Reason.Startup"],
            "content published on another node" => text["Build.Reason.OtherNode"],
            _ when FullRebuild().Match(reason) is { Success: true } m => text["Build.Reason.Full", m.Groups[1].Value],
            _ when Media().Match(reason) is { Success: true } m => text["Build.Reason.Media", m.Groups[1].Value],
            _ when Import().Match(reason) is { Success: true } m => text["Build.Reason.Import", m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value],
            _ when Schedule().Match(reason) is { Success: true } m => text["Build.Reason.Schedule", m.Groups[1].Value, m.Groups[2].Value],
            _ when Workflow().Match(reason) is { Success: true } m => text["Build.Reason." + m.Groups[1].Value, m.Groups[2].Value],
            _ => reason,
        };
    }

    [GeneratedRegex(@"^full rebuild asked for by (.+)$")]
    private static partial Regex FullRebuild();

    [GeneratedRegex(@"^media ([0-9a-f]{32}) described$")]
    private static partial Regex Media();

    [GeneratedRegex(@"^import by (.+): (\d+) created, (\d+) updated$")]
    private static partial Regex Import();

    [GeneratedRegex(@"^schedule: (\d+) published, (\d+) expired$")]
    private static partial Regex Schedule();

    // WorkflowService asks for a build after the moves that change what is published.
    [GeneratedRegex(@"^(publish|unpublish|approve|reject|restore|schedule-expiry) ([a-z0-9-]+/[^\s]+)$")]
    private static partial Regex Workflow();
}
