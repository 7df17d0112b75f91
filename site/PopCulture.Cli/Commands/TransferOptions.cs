using System.CommandLine;

namespace PopCulture.Cli.Commands;

/// <summary>The folder argument and the options both commands share.</summary>
internal sealed class TransferOptions
{
    public Argument<string> Folder { get; } = new("folder");

    public Option<string> Cms { get; } = new("--cms") { Description = "the CMS's address, https://cms.example.org", Required = true };

    public Option<string?> Token { get; } = new("--token") { Description = $"an API token (default: ${TransferCommands.TokenVariable})" };

    public void AddTo(Command command, string folderDescription)
    {
        Folder.Description = folderDescription;
        command.Arguments.Add(Folder);
        command.Options.Add(Cms);
        command.Options.Add(Token);
    }
}
