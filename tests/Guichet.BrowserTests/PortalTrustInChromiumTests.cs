using Guichet.Testing;
using Microsoft.Playwright;

namespace Guichet.BrowserTests;

/// <summary>
/// Issue 21 in a real browser: someone types a known customer's address and the subject of their
/// open case on the public form; the page says the message was added and shows nothing of the case;
/// a hostile referer on the language switch brings the browser home, not elsewhere.
/// </summary>
public sealed class PortalTrustInChromiumTests(ChromiumFixture chromium, SqliteServer server) : IClassFixture<ChromiumFixture>, IClassFixture<SqliteServer>
{
    [Fact]
    public async Task A_stranger_typing_a_customers_address_sees_nothing_of_their_case()
    {
        Assert.SkipWhen(chromium.SkipReason is not null, chromium.SkipReason ?? "");
        var (response, _) = await server.Api.PostJsonAsync("/api/cases", new
        {
            customer = new { name = "Nora Privée", email = "nora.privee@example.fr", language = "fr" },
            channel = "email", subject = "Litige facture 8841", body = "Mon numéro de carte se termine par 4242 et je conteste la facture.",
        });
        response.EnsureSuccessStatusCode();

        await using var context = await chromium.Browser!.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/contact");
        await page.FillAsync("#name", "Un inconnu");
        await page.FillAsync("#email", "nora.privee@example.fr");
        await page.FillAsync("#subject", "Litige facture 8841");
        await page.FillAsync("#body", "Que contient ce dossier ?");
        await page.ClickAsync("button[type=submit]");

        await Assertions.Expect(page.Locator("#joined")).ToContainTextAsync("envoyé par e-mail");
        Assert.EndsWith("/contact?joined=1", page.Url, StringComparison.Ordinal);
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("4242", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nora", text, StringComparison.Ordinal);
        await ChromiumFixture.ScreenshotAsync(page, "portal-joined.png");

        await page.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["Referer"] = $"http://{server.BaseAddress.Authority}//evil.example/" });
        await page.GotoAsync("/ui/lang/en");
        Assert.Equal(server.BaseAddress.Authority, new Uri(page.Url).Authority);
    }
}
