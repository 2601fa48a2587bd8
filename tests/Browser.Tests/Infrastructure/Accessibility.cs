using System.Text.Json;
using Microsoft.Playwright;
using ProctorWise.TestSupport;

namespace ProctorWise.Browser.Tests.Infrastructure;

/// <summary>
/// axe-core (the web client's npm dev dependency) run inside the page: its serious and critical violations.
/// It is evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
/// </summary>
public static class Accessibility
{
    private static readonly Lazy<string> s_axe = new(() =>
    {
        var path = Path.Combine(RepositoryPaths.Root, "src", "Api", "ClientApp", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException($"{path} is missing: run npm ci in src/Api/ClientApp (axe-core is a dev dependency).");
    });

    /// <summary>"rule: selectors" for every serious or critical violation on the page as it is now.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.EvaluateAsync(s_axe.Value);
        var found = await page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const result = await window.axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '));
            }
            """);
        return [.. found.EnumerateArray().Select(v => v.GetString() ?? string.Empty)];
    }

    /// <summary>Fails with the violations listed when there is any.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var violations = await SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, "axe-core found serious violations:\n" + string.Join('\n', violations));
    }
}
