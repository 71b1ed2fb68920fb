using Guichet.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Guichet.BrowserTests;

/// <summary>
/// Issue 24 (W1, W2) with two server nodes on one PostgreSQL and three browsers: a customer on
/// node B, an agent on node A, a lead on node B. What the customer writes shows on node A's
/// inbox and case page within 2 s, with nobody reloading; the two agents see each other on the
/// case, and the reply written second is held with what changed, then leaves on confirmation.
/// </summary>
public sealed class LiveInChromiumTests(ChromiumFixture chromium, PostgresServer server) : IClassFixture<ChromiumFixture>, IClassFixture<PostgresServer>
{
    private static readonly LocatorAssertionsToContainTextOptions WithinTwoSeconds = new() { Timeout = 2000 };

    [Fact]
    public async Task Two_nodes_one_database_the_customers_words_arrive_live_and_the_second_reply_is_held()
    {
        Assert.SkipWhen(chromium.SkipReason is not null, chromium.SkipReason ?? "");
        server.SkipIfUnavailable();
        using (await Browserless.SignInAsync(server, "ines.live@guichet.test", "Inès Direct")) { }
        using (await Browserless.SignInAsync(server, "marc.live@guichet.test", "Marc Second", role: Core.Agents.AgentRole.Lead)) { }
        var nodeB = await server.StartAnotherHostAsync(server.Clock.GetUtcNow());
        try
        {
            var b = nodeB.Urls.First();
            await using var agentContext = await chromium.Browser!.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), Locale = "fr-FR" });
            await using var leadContext = await chromium.Browser!.NewContextAsync(new() { BaseURL = b, Locale = "fr-FR" });
            await using var customerContext = await chromium.Browser!.NewContextAsync(new() { BaseURL = b, Locale = "fr-FR" });
            var ines = await SignedInAsync(agentContext, "ines.live@guichet.test");
            await Assertions.Expect(ines.Locator("h1")).ToContainTextAsync("Boîte de réception");

            // The customer writes through the portal on node B; node A's open inbox shows the case.
            var customer = await customerContext.NewPageAsync();
            await customer.GotoAsync("/contact");
            await customer.FillAsync("#name", "Lucie Directe");
            await customer.FillAsync("#email", "lucie.directe@example.fr");
            await customer.FillAsync("#subject", "Remboursement du vol annulé AF1234");
            await customer.FillAsync("#body", "Bonjour, mon vol AF1234 a été annulé et je n'ai pas été remboursée.");
            await customer.ClickAsync("button[type=submit]");
            await customer.WaitForURLAsync("**/suivi/**");
            await Assertions.Expect(ines.Locator("#cases")).ToContainTextAsync("Remboursement du vol annulé AF1234", WithinTwoSeconds);

            // Inès opens it on node A; Marc opens it on node B: each sees the other.
            await ines.Locator("#cases a", new() { HasText = "Remboursement du vol annulé AF1234" }).ClickAsync();
            await ines.WaitForURLAsync("**/cases/**");
            var casePath = new Uri(ines.Url).AbsolutePath;
            var marc = await SignedInAsync(leadContext, "marc.live@guichet.test");
            await marc.GotoAsync(casePath);
            var seenByMarc = await marc.Locator("#reply-form input[name=Seen]").InputValueAsync();
            await Assertions.Expect(ines.Locator("#presence")).ToContainTextAsync("Marc Second lit ce dossier", WithinTwoSeconds);
            await Assertions.Expect(marc.Locator("#presence")).ToContainTextAsync("Inès Direct lit ce dossier", WithinTwoSeconds);

            // The customer adds a word on the follow page (node B): Inès's timeline shows it, her draft stays.
            await ines.FillAsync("#reply", "Bonjour Lucie Directe, votre remboursement est lancé.");
            await Assertions.Expect(marc.Locator("#presence")).ToContainTextAsync("Inès Direct écrit une réponse", WithinTwoSeconds);
            await customer.FillAsync("#reply", "J'ajoute : le billet était au nom de ma fille.");
            await customer.ClickAsync("button[type=submit]");
            await Assertions.Expect(ines.Locator("#timeline")).ToContainTextAsync("au nom de ma fille", WithinTwoSeconds);
            await Assertions.Expect(ines.Locator("#reply")).ToHaveValueAsync("Bonjour Lucie Directe, votre remboursement est lancé.");

            // Marc reads the customer's addition (live on his page too), answers first; Inès's reply is
            // held with his words, then leaves when she confirms.
            await Assertions.Expect(marc.Locator("#timeline")).ToContainTextAsync("au nom de ma fille", WithinTwoSeconds);
            await Assertions.Expect(marc.Locator("#reply-form input[name=Seen]")).Not.ToHaveValueAsync(seenByMarc);
            await marc.FillAsync("#reply", "Bonjour Lucie Directe, je m'occupe du remboursement au nom de votre fille.");
            await marc.ClickAsync("#reply-form button[type=submit]");
            await Assertions.Expect(ines.Locator("#timeline")).ToContainTextAsync("je m'occupe du remboursement", WithinTwoSeconds);
            await ines.ClickAsync("#reply-form button[type=submit]");
            await Assertions.Expect(ines.Locator("#held")).ToContainTextAsync("Marc Second a répondu");
            await Assertions.Expect(ines.Locator("#reply")).ToHaveValueAsync("Bonjour Lucie Directe, votre remboursement est lancé.");
            await ChromiumFixture.ScreenshotAsync(ines, "case-held.png");
            await ines.ClickAsync("#reply-form button[type=submit]");
            await Assertions.Expect(ines.Locator("#held")).ToHaveCountAsync(0);
            await Assertions.Expect(ines.Locator("#timeline")).ToContainTextAsync("votre remboursement est lancé");
        }
        finally
        {
            await nodeB.StopAsync(TestContext.Current.CancellationToken);
            await nodeB.DisposeAsync();
        }
    }

    private static async Task<IPage> SignedInAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await ChromiumFixture.SignInAsync(page, email);
        return page;
    }
}
