using System.CommandLine;
using PopCulture.Cli.Commands;

var root = new RootCommand("PopCulture: builds the population-culture public site from content/ and a theme.")
{
    BuildCommands.Build(),
    BuildCommands.Check(),
    ServeCommand.Create(),
    BenchCommand.Create(),
    TransferCommands.Export(),
    TransferCommands.Import(),
};

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
