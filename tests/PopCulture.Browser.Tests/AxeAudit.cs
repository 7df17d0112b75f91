using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace PopCulture.Browser.Tests;

/// <summary>axe-core run in a page, from the npm package: nothing is fetched, and a page's CSP does not stand in its way.</summary>
internal static class AxeAudit
{
    private static readonly Lazy<string> Script = new(() => File.ReadAllText(QualityTools.AxeScript));

    /// <summary>Runs axe-core over <paramref name="page"/> and fails listing each violation with the elements at fault.</summary>
    public static async Task AssertCleanAsync(IPage page, string what, ITestOutputHelper output)
    {
        var found = await ViolationsAsync(page);
        output.WriteLine($"axe on {what}: {(found.Length == 0 ? "no violations" : "violations")}");
        Assert.True(found.Length == 0, $"axe-core on {what}:\n{found}");
    }

    /// <summary>axe-core's violations on <paramref name="page"/>, one line each with the elements at fault below; empty when none.</summary>
    public static async Task<string> ViolationsAsync(IPage page)
    {
        // Evaluated rather than added as a script tag: the manager's CSP refuses inline scripts, as it should.
        await page.EvaluateAsync(Script.Value);
        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({
              id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + n.failureSummary.replace(/\s+/g, ' ')),
            }))
            """);
        var text = new StringBuilder();
        foreach (var violation in violations.EnumerateArray())
        {
            text.Append(CultureInfo.InvariantCulture, $"{violation.GetProperty("id")} ({violation.GetProperty("impact")}): {violation.GetProperty("help")}\n");
            foreach (var node in violation.GetProperty("nodes").EnumerateArray())
            {
                text.Append(CultureInfo.InvariantCulture, $"    {node.GetString()}\n");
            }
        }

        return text.ToString();
    }
}
