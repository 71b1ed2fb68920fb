using Guichet.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Guichet.BrowserTests;

/// <summary>Live chat (H3) in a real browser: the one-tag widget on a page, a visitor's message, an agent's answer through the API.</summary>
public sealed class ChatWidgetInChromiumTests(ChromiumFixture chromium, SqliteServer server) : IClassFixture<ChromiumFixture>, IClassFixture<SqliteServer>
{
    [Fact]
    public async Task A_visitor_writes_in_the_widget_gets_a_dated_acknowledgment_and_sees_the_agents_answer()
    {
        Assert.SkipWhen(chromium.SkipReason is not null, chromium.SkipReason ?? "");
        await using var context = await chromium.Browser!.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/chat/demo");
        await page.ClickAsync("#guichet-chat-open");
        await Assertions.Expect(page.Locator("#guichet-chat")).ToHaveAttributeAsync("data-ready", "true");

        await page.FillAsync("#guichet-chat-text", "Bonjour, le tuyau de mon skimmer manque dans le colis.");
        await page.ClickAsync("#guichet-chat-send");
        var log = page.Locator("#guichet-chat-log");
        await Assertions.Expect(log).ToContainTextAsync("le tuyau de mon skimmer manque");
        // The chat case's dated acknowledgment appears in the widget (P1).
        await Assertions.Expect(log).ToContainTextAsync("vous répondra au plus tard le");

        var caseId = await server.ReadDbAsync(db => db.Cases.Where(c => c.Channel == Guichet.Core.Channel.Chat).OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync());
        var (response, reply) = await server.Api.PostJsonAsync($"/api/cases/{caseId}/messages", new { direction = "out", body = "Bonjour, il part aujourd'hui : le tuyau se clipse à droite du skimmer." });
        response.EnsureSuccessStatusCode();
        Assert.Equal("chat", reply.Str("channel"));
        await Assertions.Expect(log).ToContainTextAsync("le tuyau se clipse à droite du skimmer");

        // A reload shows the same conversation: the visitor is one customer, with one case.
        await page.ReloadAsync();
        await page.ClickAsync("#guichet-chat-open");
        await Assertions.Expect(page.Locator("#guichet-chat-log")).ToContainTextAsync("le tuyau se clipse à droite du skimmer");
        Directory.CreateDirectory("artifacts");
        await page.ScreenshotAsync(new() { Path = Path.Combine("artifacts", "chat-widget.png") });
        await page.FillAsync("#guichet-chat-text", "Merci !");
        await page.ClickAsync("#guichet-chat-send");
        await Assertions.Expect(page.Locator("#guichet-chat-log")).ToContainTextAsync("Merci !");
        Assert.Equal(2, await server.ReadDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.ContactCount).SingleAsync()));
    }
}
