using System.Net;
using System.Text.RegularExpressions;
using Guichet.Core.Cases;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Portal;

/// <summary>The public portal (H2): a contact form without an account, then a private page per case behind an unguessable link.</summary>
public abstract partial class PortalTests(GuichetServer server)
{
    private async Task<(string Token, long CaseId)> WriteInAsync(Browserless visitor, string name, string email, string subject)
    {
        var (status, _, location) = await visitor.PostFormAsync("/contact", "/contact", new()
        {
            ["_handler"] = "portal-contact", ["Form.Name"] = name, ["Form.Email"] = email, ["Form.Language"] = "fr",
            ["Form.Subject"] = subject, ["Form.Body"] = "Mon colis est arrivé ouvert et vide.",
        });
        Assert.Equal(HttpStatusCode.Redirect, status);
        var token = FollowLink().Match(location!).Groups[1].Value;
        Assert.Equal(43, token.Length);
        var caseId = await server.ReadDbAsync(db => db.Cases.Where(c => c.Subject == subject).Select(c => c.Id).SingleAsync());
        return (token, caseId);
    }

    [Theory]
    [InlineData("", "Bonjour, je n'ai pas reçu le remboursement de ma facture de novembre.", "fr")]
    [InlineData("", "Hello, I was charged twice on my November invoice and need a refund.", "en")]
    [InlineData("en", "Bonjour, je n'ai pas reçu le remboursement de ma facture.", "en")]
    public async Task The_answer_is_in_the_language_the_customer_chose_else_in_their_messages_never_their_browsers(string chosen, string body, string expected)
    {
        server.SkipIfUnavailable();
        using var visitor = Browserless.Anonymous(server);
        var email = $"langue.{Guid.NewGuid():N}@example.fr";
        var request = new HttpRequestMessage(HttpMethod.Get, "/contact");
        // An English browser: it must not decide (issue 24).
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        (await visitor.SendAsync(request)).EnsureSuccessStatusCode();
        var (status, _, _) = await visitor.PostFormAsync("/contact", "/contact", new()
        {
            ["_handler"] = "portal-contact", ["Form.Name"] = "Camille Langue", ["Form.Email"] = email, ["Form.Language"] = chosen,
            ["Form.Subject"] = "Facture de novembre", ["Form.Body"] = body,
        });
        Assert.Equal(HttpStatusCode.Redirect, status);
        var language = await server.ReadDbAsync(db => db.Cases.Where(c => c.Customer.Identities.Any(i => i.Value == email)).Select(c => c.Customer.Language).SingleAsync());
        Assert.Equal(expected, language);
    }

    [Fact]
    public async Task A_customer_writes_from_the_portal_follows_the_case_by_its_private_link_and_writes_again()
    {
        server.SkipIfUnavailable();
        using var visitor = Browserless.Anonymous(server);
        var (status, form, _) = await visitor.GetAsync("/contact");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Nous écrire", form, StringComparison.Ordinal);

        var (token, caseId) = await WriteInAsync(visitor, "Zoé Martin", "zoe.martin@example.fr", "Colis vide");
        var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal("portal", c.Str("channel"));
        // The dated acknowledgment carries the private link, and goes to her address.
        var ack = c["messages"]!.AsArray().Single(m => m!.Str("kind") == "acknowledgment")!;
        Assert.Contains($"/suivi/{token}", ack.Str("body"), StringComparison.Ordinal);
        var ackId = long.Parse(ack.Str("id"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("zoe.martin@example.fr", await server.ReadDbAsync(db => db.Outbox.Where(o => o.MessageId == ackId).Select(o => o.Recipient).SingleAsync()));

        var (shown, encoded, _) = await visitor.GetAsync($"/suivi/{token}?sent=1");
        var page = WebUtility.HtmlDecode(encoded);
        Assert.Equal(HttpStatusCode.OK, shown);
        Assert.Contains(c.Str("reference"), page, StringComparison.Ordinal);
        Assert.Contains("Reçue, en attente de réponse", page, StringComparison.Ordinal);
        Assert.Contains("Première réponse d'une personne", page, StringComparison.Ordinal);
        Assert.Contains("Mon colis est arrivé ouvert et vide.", page, StringComparison.Ordinal);

        // She writes again from the page: same case, a repeat contact.
        var (replied, _, back) = await visitor.PostFormAsync($"/suivi/{token}", $"/suivi/{token}", new() { ["_handler"] = "portal-reply", ["Body"] = "Voici la photo du carton." });
        Assert.Equal((HttpStatusCode.Redirect, $"/suivi/{token}"), (replied, new Uri(server.BaseAddress, back).PathAndQuery));
        var (_, after) = await server.Api.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal("2", after.Str("contactCount"));
        Assert.Contains(after["messages"]!.AsArray(), m => m!.Str("channel") == "portal" && m!.Str("body") == "Voici la photo du carton.");

        // An agent's internal note never shows on her page.
        (await server.Api.PostJsonAsync($"/api/cases/{caseId}/notes", new { text = "Client fidèle, geste possible." })).Response.EnsureSuccessStatusCode();
        var (_, later, _) = await visitor.GetAsync($"/suivi/{token}");
        Assert.DoesNotContain("geste possible", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_link_opens_its_own_case_only_and_guessed_links_open_nothing()
    {
        server.SkipIfUnavailable();
        using var visitor = Browserless.Anonymous(server);
        var (tokenA, caseA) = await WriteInAsync(visitor, "Alice A", "alice.a@example.fr", "Sujet d'Alice");
        var (tokenB, _) = await WriteInAsync(visitor, "Bruno B", "bruno.b@example.fr", "Sujet de Bruno");

        var pageA = WebUtility.HtmlDecode((await visitor.GetAsync($"/suivi/{tokenA}")).Html);
        Assert.Contains("Sujet d'Alice", pageA, StringComparison.Ordinal);
        Assert.DoesNotContain("Sujet de Bruno", pageA, StringComparison.Ordinal);
        Assert.DoesNotContain("bruno.b@example.fr", pageA, StringComparison.Ordinal);

        var guesses = new List<string> { "1", "2", caseA.ToString(System.Globalization.CultureInfo.InvariantCulture), tokenA[..^1], tokenA.ToUpperInvariant(), tokenB + "x", new string('A', 43), "../cases/1", Guid.NewGuid().ToString("N") };
        var reference = await server.ReadDbAsync(db => db.Cases.Where(c => c.Id == caseA).Select(c => c.Reference).SingleAsync());
        guesses.Add(reference);
        foreach (var guess in guesses)
        {
            var (status, html, _) = await visitor.GetAsync($"/suivi/{Uri.EscapeDataString(guess)}");
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.DoesNotContain("Sujet", html, StringComparison.Ordinal);
        }
        // Writing through a guessed link is refused and stores nothing.
        var before = await server.ReadDbAsync(db => db.Messages.CountAsync());
        var (refused, _, _) = await visitor.PostFormAsync($"/suivi/{tokenA}", $"/suivi/{tokenB}x", new() { ["_handler"] = "portal-reply", ["Body"] = "intrus" });
        // (Blazor refuses a post to a form the page does not render: 400; either way nothing is stored.)
        Assert.InRange((int)refused, 400, 404);
        Assert.Equal(before, await server.ReadDbAsync(db => db.Messages.CountAsync()));
        // Only hashes are stored: the table alone opens nothing.
        Assert.False(await server.ReadDbAsync(db => db.PortalAccesses.AnyAsync(a => a.TokenHash == tokenA)));
    }

    [Fact]
    public async Task The_contact_form_names_what_is_missing_and_keeps_what_was_typed()
    {
        server.SkipIfUnavailable();
        using var visitor = Browserless.Anonymous(server);
        var (status, html, _) = await visitor.PostFormAsync("/contact", "/contact", new()
        {
            ["_handler"] = "portal-contact", ["Form.Name"] = "Sans Adresse", ["Form.Email"] = "", ["Form.Subject"] = "Question", ["Form.Body"] = "Texte à garder.",
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        html = WebUtility.HtmlDecode(html);
        Assert.Contains("email address is required", html, StringComparison.Ordinal);
        Assert.Contains("Texte à garder.", html, StringComparison.Ordinal);
        Assert.Equal(0, await server.ReadDbAsync(db => db.Cases.CountAsync(c => c.Subject == "Question" && c.Channel == Guichet.Core.Channel.Portal)));
    }

    [GeneratedRegex("/suivi/([A-Za-z0-9_-]+)")]
    private static partial Regex FollowLink();
}

public sealed class PortalOnSqlite(SqliteServer server) : PortalTests(server), IClassFixture<SqliteServer>;
public sealed class PortalOnPostgres(PostgresServer server) : PortalTests(server), IClassFixture<PostgresServer>;
