namespace PopCulture.Browser.Tests;

/// <summary>How a tool's process ended and what it wrote.</summary>
internal sealed record ToolRun(int ExitCode, string Output, string Error);
