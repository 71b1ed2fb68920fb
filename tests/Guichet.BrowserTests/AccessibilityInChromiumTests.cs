using Deque.AxeCore.Playwright;
using Guichet.Testing;
using Microsoft.Playwright;

namespace Guichet.BrowserTests;

/// <summary>
/// Issue 24 (W11): axe-core finds no serious or critical violation on the pages an agent lives in
/// (inbox, case, promises, alerts, dashboard, new case) and those a customer sees (contact form,
/// follow page, chat widget), on the demo data, at desktop and phone widths.
/// </summary>
public sealed class AccessibilityInChromiumTests(ChromiumFixture chromium, SqliteDemoServer server) : IClassFixture<ChromiumFixture>, IClassFixture<SqliteDemoServer>
{
    [Fact]
    public async Task Axe_finds_no_serious_or_critical_violation_on_the_workspace_and_the_customer_pages()
    {
        Assert.SkipWhen(chromium.SkipReason is not null, chromium.SkipReason ?? "");
        var found = new List<string>();
        foreach (var width in new[] { 1440, 390 })
        {
            await using var customer = await chromium.Browser!.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), Locale = "fr-FR", ViewportSize = new() { Width = width, Height = 900 } });
            var visitor = await customer.NewPageAsync();
            await visitor.GotoAsync("/contact");
            found.AddRange(await ViolationsAsync(visitor, $"contact@{width}"));
            await visitor.FillAsync("#name", $"Alice Accessible {width}");
            await visitor.FillAsync("#email", $"alice.{width}@example.fr");
            await visitor.FillAsync("#subject", "Question sur ma commande");
            await visitor.FillAsync("#body", "Bonjour, où en est ma commande ?");
            await visitor.ClickAsync("button[type=submit]");
            await visitor.WaitForURLAsync("**/suivi/**");
            found.AddRange(await ViolationsAsync(visitor, $"follow@{width}"));
            await visitor.GotoAsync("/chat/demo");
            await visitor.ClickAsync("#guichet-chat-open");
            await Assertions.Expect(visitor.Locator("#guichet-chat")).ToHaveAttributeAsync("data-ready", "true");
            found.AddRange(await ViolationsAsync(visitor, $"chat@{width}"));

            await using var lead = await chromium.Browser!.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), Locale = "fr-FR", ViewportSize = new() { Width = width, Height = 900 } });
            var page = await lead.NewPageAsync();
            await page.GotoAsync("/");
            found.AddRange(await ViolationsAsync(page, $"sign-in@{width}"));
            await page.FillAsync("#email", "marc@demo.guichet");
            await page.FillAsync("#password", "guichet");
            await page.ClickAsync("button[type=submit]");
            await Assertions.Expect(page.Locator("#cases")).ToBeVisibleAsync();
            found.AddRange(await ViolationsAsync(page, $"inbox@{width}"));
            var first = await page.Locator("#cases tbody tr a").First.GetAttributeAsync("href");
            foreach (var path in new[] { first!, "/promises", "/notifications", "/dashboard", "/cases/new", "/views/new", "/search?q=commande" })
            {
                await page.GotoAsync(path);
                found.AddRange(await ViolationsAsync(page, $"{path}@{width}"));
            }
        }
        Assert.True(found.Count == 0, $"{found.Count} serious or critical violation(s):\n{string.Join("\n", found)}");
    }

    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string where)
    {
        var results = await page.RunAxe();
        return results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{where}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}");
    }
}
