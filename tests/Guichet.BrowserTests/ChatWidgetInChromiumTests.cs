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

    [Fact]
    public async Task Nobody_there_the_widget_says_so_asks_who_the_visitor_is_and_the_agent_sees_them_type_live()
    {
        Assert.SkipWhen(chromium.SkipReason is not null, chromium.SkipReason ?? "");
        using (await Browserless.SignInAsync(server, "chat.agent@guichet.test", "Camille Chat")) { }
        await SetEveryonesPresenceAsync(Guichet.Core.Agents.AgentPresence.Offline);
        await server.ReadDbAsync(async db =>
        {
            // An address another customer holds is never taken over by a visitor who types it.
            await server.Api.PostJsonAsync("/api/cases", Contacts.French("deja.client@example.fr"));
            return 0;
        });

        await using var visitorContext = await chromium.Browser!.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), Locale = "fr-FR" });
        var visitor = await visitorContext.NewPageAsync();
        await visitor.Clock.InstallAsync();
        await visitor.GotoAsync("/chat/demo");
        await visitor.ClickAsync("#guichet-chat-open");
        await Assertions.Expect(visitor.Locator("#guichet-chat")).ToHaveAttributeAsync("data-ready", "true");
        await Assertions.Expect(visitor.Locator("#guichet-chat-hours")).ToContainTextAsync("Personne n'est disponible en ce moment");
        await Assertions.Expect(visitor.Locator("#guichet-chat-name")).ToBeVisibleAsync();

        // Who they are, before their first message; said again once it is sent.
        await visitor.FillAsync("#guichet-chat-name", "Lucie Chat");
        await visitor.FillAsync("#guichet-chat-email", "lucie.chat@example.fr");
        await visitor.ClickAsync("#guichet-chat-who-save");
        await visitor.FillAsync("#guichet-chat-text", "Bonjour, ma commande 4411 est arrivée sans la notice.");
        await visitor.ClickAsync("#guichet-chat-send");
        await Assertions.Expect(visitor.Locator("#guichet-chat-log")).ToContainTextAsync("vous répondra au plus tard le");
        await Assertions.Expect(visitor.Locator("#guichet-chat-who summary")).ToContainTextAsync("lucie.chat@example.fr");
        var chat = await server.ReadDbAsync(db => db.Cases.Where(c => c.Channel == Guichet.Core.Channel.Chat).OrderByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Customer.Name, Emails = c.Customer.Identities.Where(i => i.Kind == Guichet.Core.Customers.IdentityKind.Email).Select(i => i.Value).ToList() }).FirstAsync());
        Assert.Equal(("Lucie Chat", "lucie.chat@example.fr"), (chat.Name, Assert.Single(chat.Emails)));

        // The agent opens the case: the visitor typing shows there, and their message arrives without a reload.
        await using var agentContext = await chromium.Browser!.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), Locale = "fr-FR" });
        var agent = await agentContext.NewPageAsync();
        await ChromiumFixture.SignInAsync(agent, "chat.agent@guichet.test");
        await agent.GotoAsync($"/cases/{chat.Id}");
        await Assertions.Expect(agent.Locator("#timeline")).ToContainTextAsync("sans la notice");
        await visitor.FocusAsync("#guichet-chat-text");
        // The agent's page may still be joining the case's live group when the first "typing"
        // leaves (the widget says it at most every few seconds): as a visitor does, keep typing.
        var seen = false;
        foreach (var words in new[] { "Et le carton ", "était ", "abîmé ", "sur ", "le côté " })
        {
            await visitor.Keyboard.TypeAsync(words);
            try
            {
                await Assertions.Expect(agent.Locator("#presence")).ToContainTextAsync("Lucie Chat est en train d'écrire", new() { Timeout = 2000 });
                seen = true;
                break;
            }
            catch (PlaywrightException)
            {
                // Not yet: the next words say it again.
            }
        }
        Assert.True(seen, "The agent never saw the visitor typing.");
        await visitor.FillAsync("#guichet-chat-text", "Et le carton était ouvert.");
        await visitor.Keyboard.PressAsync("Enter");
        await Assertions.Expect(agent.Locator("#timeline")).ToContainTextAsync("Et le carton était ouvert.", new() { Timeout = 2000 });

        // Someone is back: within 20 seconds the widget says so.
        await SetEveryonesPresenceAsync(Guichet.Core.Agents.AgentPresence.Available);
        await visitor.Clock.FastForwardAsync("00:21");
        await Assertions.Expect(visitor.Locator("#guichet-chat-hours")).ToContainTextAsync("Nous sommes de retour");

        // Closed and opened again, the conversation is there.
        await visitor.ClickAsync("#guichet-chat-close");
        await Assertions.Expect(visitor.Locator("#guichet-chat")).ToBeHiddenAsync();
        await visitor.ClickAsync("#guichet-chat-open");
        await Assertions.Expect(visitor.Locator("#guichet-chat-log")).ToContainTextAsync("Et le carton était ouvert.");

        // A visitor typing someone else's address gets nothing of theirs; the case says what was claimed.
        await visitor.ClickAsync("#guichet-chat-who summary");
        await visitor.FillAsync("#guichet-chat-email", "deja.client@example.fr");
        await visitor.ClickAsync("#guichet-chat-who-save");
        await Assertions.Expect(agent.Locator("#timeline")).ToContainTextAsync("Le visiteur dit être deja.client@example.fr", new() { Timeout = 2000 });
        var emails = await server.ReadDbAsync(db => db.CustomerIdentities.Where(i => i.Value == "deja.client@example.fr").Select(i => i.CustomerId).ToListAsync());
        Assert.Single(emails);
        await ChromiumFixture.ScreenshotAsync(agent, "chat-case-live.png");
    }

    private Task SetEveryonesPresenceAsync(Guichet.Core.Agents.AgentPresence presence) => server.ReadDbAsync(async db =>
    {
        await db.Agents.ExecuteUpdateAsync(a => a.SetProperty(x => x.Presence, presence));
        return 0;
    });
}
