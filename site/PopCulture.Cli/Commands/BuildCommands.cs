using System.CommandLine;
using PopCulture.Cli.Remote;
using PopCulture.Site;
using PopCulture.Site.Content;

namespace PopCulture.Cli.Commands;

/// <summary><c>popculture build</c> and <c>popculture check</c>.</summary>
internal static class BuildCommands
{
    public static Command Build()
    {
        var options = new SiteOptions();
        var remote = new RemoteOptions();
        var command = new Command("build", "build the static site into the output folder (replaced only if the build succeeds)");
        options.AddTo(command);
        remote.AddTo(command, options.Content);
        command.SetAction((result, ct) => RunAsync(options, remote, result, checkOnly: false, ct));
        return command;
    }

    public static Command Check()
    {
        var options = new SiteOptions();
        var remote = new RemoteOptions();
        var command = new Command("check", "validate content and theme without writing anything");
        options.AddTo(command);
        remote.AddTo(command, options.Content);
        command.SetAction((result, ct) => RunAsync(options, remote, result, checkOnly: true, ct));
        return command;
    }

    private static async Task<int> RunAsync(SiteOptions options, RemoteOptions remote, ParseResult result, bool checkOnly, CancellationToken cancellationToken)
    {
        var content = result.GetValue(options.Content)!;
        var build = options.Read(result, checkOnly);
        if (remote.IsRemote(result))
        {
            return await remote.RunAsync(result, build, cancellationToken).ConfigureAwait(false);
        }

        var outcome = await BuildReporter.RunAsync(new FolderContentSource(content, content.TrimEnd('/')), build, cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded ? 0 : 1;
    }
}
