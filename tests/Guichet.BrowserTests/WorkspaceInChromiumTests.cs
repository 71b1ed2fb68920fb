using Guichet.Testing;
using Microsoft.Playwright;

namespace Guichet.BrowserTests;

/// <summary>An agent in a real browser: sign in, find the case by its due time, reply, get stopped, fix, send.</summary>
public sealed class WorkspaceInChromiumTests(ChromiumFixture chromium, SqliteServer server) : IClassFixture<ChromiumFixture>, IClassFixture<SqliteServer>
{
    [Fact]
    public async Task An_agent_answers_a_case_and_the_send_guard_keeps_their_draft()
    {
        Assert.SkipWhen(chromium.SkipReason is not null, chromium.SkipReason ?? "");
        var (_, created) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("browser@example.fr"));
        using (await Browserless.SignInAsync(server, "chrome@guichet.test", "Inès Navigatrice"))
        {
            // Creates the agent; the browser signs in on its own below.
        }

        await using var context = await chromium.Browser!.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.FillAsync("#email", "chrome@guichet.test");
        await page.FillAsync("#password", Browserless.Password);
        await page.ClickAsync("button[type=submit]");

        var row = page.Locator("#cases tr", new() { HasText = created.Str("reference") });
        await Assertions.Expect(row).ToContainTextAsync("dans 4 j");
        await row.GetByRole(AriaRole.Link, new() { Name = created.Str("reference") }).ClickAsync();
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("mardi 1er décembre à 16:00");

        await page.FillAsync("#reply", "Bonjour [NAME], votre valise arrive demain.");
        await page.ClickAsync("#reply-form button");
        await Assertions.Expect(page.Locator("#errors")).ToContainTextAsync("La réponse contient encore des champs à remplir : [NAME].");
        await Assertions.Expect(page.Locator("#reply")).ToHaveValueAsync("Bonjour [NAME], votre valise arrive demain.");

        await page.FillAsync("#reply", "Bonjour Julien Rio, votre valise arrive demain.");
        await page.ClickAsync("#reply-form button");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("votre valise arrive demain");
        await Assertions.Expect(page.Locator("#promises")).ToContainTextAsync("tenue");
        await Assertions.Expect(page.Locator("#errors")).ToHaveCountAsync(0);
    }
}
