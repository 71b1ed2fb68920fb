using System.Net;
using Guichet.Core.Agents;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Guichet.BrowserTests;

/// <summary>
/// Issue 10 in a real browser: each row of /people is its own form (its fields tied to it by the
/// form attribute), so what the admin unticks on one row changes that person only; a new token is
/// shown once on /account/tokens.
/// </summary>
public sealed class PeopleInChromiumTests(ChromiumFixture chromium, SqliteServer server) : IClassFixture<ChromiumFixture>, IClassFixture<SqliteServer>
{
    [Fact]
    public async Task An_admin_deactivates_one_person_from_their_row_and_makes_a_token_shown_once()
    {
        Assert.SkipWhen(chromium.SkipReason is not null, chromium.SkipReason ?? "");
        using (await Browserless.SignInAsync(server, "chrome.admin@guichet.test", "Alice Admin", role: AgentRole.Admin))
        {
            // Creates the admin; the browser signs in on its own below.
        }
        var leaving = await AddAsync("zoe.depart@guichet.test", "Zoé Départ");
        var staying = await AddAsync("yann.reste@guichet.test", "Yann Reste");

        await using var context = await chromium.Browser!.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#email", "chrome.admin@guichet.test");
        await page.FillAsync("#password", Browserless.Password);
        await page.ClickAsync("button[type=submit]");
        await page.ClickAsync("#people-link");

        var row = page.Locator($"#person-{leaving}");
        await row.Locator("input[name=active]").UncheckAsync();
        await row.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Enregistré");
        Assert.Equal((false, true), await server.ReadDbAsync(async db =>
            (await db.Agents.Where(a => a.Id == leaving).Select(a => a.Active).SingleAsync(), await db.Agents.Where(a => a.Id == staying).Select(a => a.Active).SingleAsync())));
        await Assertions.Expect(page.Locator($"#person-{leaving} input[name=active]")).Not.ToBeCheckedAsync();
        await ChromiumFixture.ScreenshotAsync(page, "people.png");

        await page.GotoAsync("/account/tokens");
        await page.FillAsync("input[name=TokenName]", "export du soir");
        await page.SelectOptionAsync("select[name=TokenScopeName]", "read");
        await page.ClickAsync("#make-token button");
        await Assertions.Expect(page.Locator("#token-secret")).ToContainTextAsync("gch_");
        var secret = await page.Locator("#token-secret").InnerTextAsync();
        await ChromiumFixture.ScreenshotAsync(page, "tokens.png");
        // Opened again (a GET; a reload would post the form once more): the first characters only.
        await page.GotoAsync("/account/tokens");
        var again = await page.ContentAsync();
        Assert.DoesNotContain(secret, again, StringComparison.Ordinal);
        Assert.Contains(secret[..10], again, StringComparison.Ordinal);
    }

    private async Task<long> AddAsync(string email, string name)
    {
        var (response, body) = await server.Api.PostJsonAsync("/api/agents", new { email, name, role = "agent", password = Browserless.Password });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return long.Parse(body.Str("id"), System.Globalization.CultureInfo.InvariantCulture);
    }
}
