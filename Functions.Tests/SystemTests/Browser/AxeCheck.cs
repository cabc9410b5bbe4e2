using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace NetworkFunctions.Tests.SystemTests.Browser;

/// <summary>
/// axe-core on a page as shown, against WCAG 2.1 A and AA (the Danish web-accessibility law's level): every violation
/// is written to the test's output, and the serious and critical ones are returned for the test to fail on.
/// </summary>
public static class AxeCheck
{
    static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    static readonly string[] Blocking = ["serious", "critical"];

    public static async Task<IReadOnlyList<string>> BlockingAsync(IPage page, string name, ITestOutputHelper output, bool frames = true)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(output);
        AxeResult result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] }, Iframes = frames }).WaitAsync(TimeSpan.FromSeconds(60));
        output.WriteLine($"{name}: {result.Violations.Length} violations, {result.Passes.Length} rules passed");
        var blocking = new List<string>();
        foreach (AxeResultItem violation in result.Violations)
        {
            string line = $"{violation.Impact} {violation.Id}: {violation.Help} ({string.Join("; ", violation.Nodes.Take(3).Select(n => n.Target?.ToString()))})";
            output.WriteLine("  " + line);
            if (Blocking.Contains(violation.Impact))
            {
                blocking.Add($"{name}: {line}");
            }
        }

        return blocking;
    }
}
