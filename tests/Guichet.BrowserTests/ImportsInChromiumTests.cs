using System.IO.Compression;
using Guichet.Core.Agents;
using Guichet.Testing;
using Microsoft.Playwright;

namespace Guichet.BrowserTests;

/// <summary>Issue 28 in a real browser: an admin sends a Zendesk export from the imports page, tries it dry first, then imports it and reads what was refused.</summary>
public sealed class ImportsInChromiumTests(ChromiumFixture chromium, SqliteServer server) : IClassFixture<ChromiumFixture>, IClassFixture<SqliteServer>
{
    [Fact]
    public async Task An_admin_tries_a_Zendesk_export_dry_then_imports_it_and_sees_what_was_refused()
    {
        Assert.SkipWhen(chromium.SkipReason is not null, chromium.SkipReason ?? "");
        var zip = Path.Combine(Path.GetTempPath(), $"zendesk-{Guid.NewGuid():N}.zip");
        ZipFile.CreateFromDirectory(Path.Combine(AppContext.BaseDirectory, "Imports", "Samples", "zendesk"), zip);
        try
        {
            using (await Browserless.SignInAsync(server, "imports.admin@guichet.test", "Inès Import", role: AgentRole.Admin)) { }
            await using var context = await chromium.Browser!.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), Locale = "fr-FR" });
            var page = await context.NewPageAsync();
            await ChromiumFixture.SignInAsync(page, "imports.admin@guichet.test");
            await page.ClickAsync("#imports-link");

            // Without a file the form says so; the browser's own check is lifted to reach the server's.
            await page.EvalOnSelectorAsync("#import-file", "e => e.removeAttribute('required')");
            await page.ClickAsync("#import-start");
            await Assertions.Expect(page.Locator("#import-error")).ToContainTextAsync("file");

            await page.SelectOptionAsync("#import-source", "zendesk");
            await page.SetInputFilesAsync("#import-file", zip);
            await page.CheckAsync("#import-dry");
            await page.ClickAsync("#import-start");
            // The page follows the run by itself until it ends.
            var report = page.Locator("#import-report");
            await Assertions.Expect(report).ToContainTextAsync("seraient créés", new() { Timeout = 30_000 });
            await Assertions.Expect(report.Locator("tr", new() { HasText = "case" }).First).ToContainTextAsync("16", new() { Timeout = 30_000 });
            Assert.Equal(404, (int)(await server.Api.GetAsync("/api/imports/lookup?source=zendesk&externalId=4103", TestContext.Current.CancellationToken)).StatusCode);

            await page.SetInputFilesAsync("#import-file", zip);
            await page.ClickAsync("#import-start");
            await Assertions.Expect(page.Locator("#import-refused")).ToContainTextAsync("ticket 4115", new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("#import-refused")).ToContainTextAsync("photo-carton.jpg");
            await Assertions.Expect(page.Locator("#import-runs")).ToContainTextAsync("Terminé");
            await ChromiumFixture.ScreenshotAsync(page, "import-report.png");
            var (_, key) = await server.Api.GetJsonAsync("/api/imports/lookup?source=zendesk&externalId=4103");
            await page.GotoAsync($"/cases/{key.Str("localId")}");
            await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("Zendesk #4103");
        }
        finally
        {
            File.Delete(zip);
        }
    }
}
