using Guichet.Testing;
using Microsoft.Playwright;

namespace Guichet.BrowserTests;

/// <summary>Issue 9: a team lead opens the dashboard on the demo data; every chart is drawn by the locally served Chart.js.</summary>
public sealed class DashboardInChromiumTests(ChromiumFixture chromium, SqliteDemoServer server) : IClassFixture<ChromiumFixture>, IClassFixture<SqliteDemoServer>
{
    private const int Charts = 8;

    [Fact]
    public async Task A_lead_sees_every_chart_of_the_dashboard_drawn_and_a_screenshot_is_kept()
    {
        Assert.SkipWhen(chromium.SkipReason is not null, chromium.SkipReason ?? "");
        await using var context = await chromium.Browser!.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), Locale = "fr-FR", ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        // Script errors, and any request that failed (the browser's own favicon.ico guess aside).
        page.Console += (_, message) => { if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) { problems.Add(message.Text); } };
        page.Response += (_, response) => { if (response.Status >= 400 && !response.Url.EndsWith("/favicon.ico", StringComparison.Ordinal)) { problems.Add($"{response.Status} {response.Url}"); } };
        page.PageError += (_, error) => problems.Add(error);
        // Nothing may come from elsewhere: the charting library is Guichet's own copy.
        var foreign = new List<string>();
        page.Request += (_, request) => { if (!request.Url.StartsWith(server.BaseAddress.ToString(), StringComparison.Ordinal)) { foreign.Add(request.Url); } };

        await ChromiumFixture.SignInAsync(page, "marc@demo.guichet", "guichet");
        await page.ClickAsync("#dashboard-link");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tableau de bord");
        await Assertions.Expect(page.Locator("canvas[data-rendered=true]")).ToHaveCountAsync(Charts);
        // Drawn, not just created: each canvas has painted pixels.
        var painted = await page.EvaluateAsync<int>("""
            () => [...document.querySelectorAll('canvas[data-rendered=true]')].filter(c => {
                const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                for (let i = 3; i < data.length; i += 4) { if (data[i] !== 0) return true; }
                return false;
            }).length
            """);
        Assert.Equal(Charts, painted);
        // The demo's answered survey and its cases are in the figures.
        await Assertions.Expect(page.Locator("#surveys")).ToContainTextAsync("100");
        Assert.NotEqual("0", await page.Locator("#tile-cases").InnerTextAsync());

        var screenshot = await ChromiumFixture.ScreenshotAsync(page, "dashboard.png");
        TestContext.Current.SendDiagnosticMessage($"Dashboard screenshot: {screenshot}");
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot shows a drawn page");

        Assert.Empty(problems);
        Assert.Empty(foreign);
    }
}
