using System.CommandLine;
using System.Net.Http.Headers;
using PopCulture.Cli.Commands;
using PopCulture.Site;

namespace PopCulture.Cli.Remote;

/// <summary><c>--cms</c> and <c>--token</c> of build and check: read a CMS's published content instead of a folder.</summary>
internal sealed class RemoteOptions
{
    public Option<string?> Cms { get; } = new("--cms") { Description = "build from this CMS's published content instead of --content (https://cms.example.org)" };

    public Option<string?> Token { get; } = new("--token") { Description = $"API token for a CMS behind sign-in, sent as a bearer token (default: ${TransferCommands.TokenVariable})" };

    public void AddTo(Command command, Option<string> content)
    {
        command.Options.Add(Cms);
        command.Options.Add(Token);
        command.Validators.Add(result =>
        {
            if (result.GetResult(Cms) is not null && result.GetResult(content) is { Implicit: false })
            {
                result.AddError("--cms and --content: give one content source, not both");
            }
        });
    }

    /// <summary>Whether <c>--cms</c> was given.</summary>
    public bool IsRemote(ParseResult result) => result.GetValue(Cms) is not null;

    /// <summary>Builds from the CMS named by <c>--cms</c>; returns the exit code.</summary>
    public async Task<int> RunAsync(ParseResult result, BuildOptions build, CancellationToken cancellationToken)
    {
        var cms = result.GetValue(Cms)!;
        if (!Uri.TryCreate(cms.EndsWith('/') ? cms : cms + "/", UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            await Console.Error.WriteLineAsync($"--cms: '{cms}' must be an absolute http or https URL").ConfigureAwait(false);
            return 1;
        }

        var token = (result.GetValue(Token) ?? Environment.GetEnvironmentVariable(TransferCommands.TokenVariable))?.Trim();
        if (token is { Length: > 0 } && !token.All(c => c is > ' ' and < '\u007f'))
        {
            // Never echo the token: it is a secret even when malformed.
            await Console.Error.WriteLineAsync("--token: a token is printable ASCII without spaces").ConfigureAwait(false);
            return 1;
        }

        // The delivery side is anonymous; a token is only for a CMS that sits behind sign-in.
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        if (token is { Length: > 0 })
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var cache = Path.Combine(
            build.CacheDirectory ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(build.OutputDirectory))!, ".popculture-cache"), "cms");
        var outcome = await BuildReporter.RunAsync(new CmsRemoteSource(http, cache), build, cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded ? 0 : 1;
    }
}
