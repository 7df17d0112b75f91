using System.CommandLine;
using System.Net.Http.Headers;

namespace PopCulture.Cli.Commands;

/// <summary><c>popculture export</c> and <c>popculture import</c>: move content between a CMS and a <c>content/</c> folder.</summary>
internal static class TransferCommands
{
    /// <summary>The environment variable read when <c>--token</c> is not given, so tokens stay out of shell history.</summary>
    public const string TokenVariable = "POPCULTURE_TOKEN";

    public static Command Export()
    {
        var options = new TransferOptions();
        var section = new Option<string?>("--section") { Description = "export only this section (_root for the top-level pages)" };
        var command = new Command("export", "download a CMS's content, drafts included, into an empty folder in the content/ layout");
        options.AddTo(command, "folder to create or fill; must be empty");
        command.Options.Add(section);
        command.SetAction((result, ct) => RunAsync(options, result, (client, folder) => client.ExportAsync(folder, result.GetValue(section), ct)));
        return command;
    }

    public static Command Import()
    {
        var options = new TransferOptions();
        var publish = new Option<bool>("--publish") { Description = "put the imported items live (items marked draft: true stay drafts)" };
        var command = new Command("import", "upload a folder in the content/ layout to a CMS; all or nothing, dot-files left out");
        options.AddTo(command, "content folder to upload");
        command.Options.Add(publish);
        command.SetAction((result, ct) => RunAsync(options, result, (client, folder) => client.ImportAsync(folder, result.GetValue(publish), ct)));
        return command;
    }

    private static async Task<int> RunAsync(TransferOptions options, ParseResult result, Func<TransferClient, string, Task<int>> run)
    {
        var cms = result.GetValue(options.Cms)!;
        if (!Uri.TryCreate(cms.EndsWith('/') ? cms : cms + "/", UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            await Console.Error.WriteLineAsync($"--cms: '{cms}' must be an absolute http or https URL").ConfigureAwait(false);
            return 1;
        }

        var token = result.GetValue(options.Token) ?? Environment.GetEnvironmentVariable(TokenVariable);
        if (string.IsNullOrWhiteSpace(token))
        {
            await Console.Error.WriteLineAsync($"--token: give an API token with --token or in {TokenVariable}").ConfigureAwait(false);
            return 1;
        }

        // Big sites take a while to zip and unzip; the server's own limits bound the transfer, not a client timer.
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
        try
        {
            return await run(new TransferClient(http, Console.Out, Console.Error), result.GetValue(options.Folder)!).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            await Console.Error.WriteLineAsync($"cannot reach the CMS at {address}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"{result.GetValue(options.Folder)}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
