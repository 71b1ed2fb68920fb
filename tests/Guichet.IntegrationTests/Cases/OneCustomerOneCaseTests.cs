using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Guichet.Core.Agents;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Cases;

/// <summary>C1, C2, C4 across channels: the Lufthansa story of seeds/001, and merging customers with its undo.</summary>
public abstract class OneCustomerOneCaseTests(GuichetServer server)
{
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 15, 0, 0, TimeSpan.FromHours(1));

    private async Task<JsonNode> MailAsync(string subject, string body, string id)
    {
        var raw = $"From: Claire Bernard <claire.bernard@example.fr>\r\nTo: service-client@guichet.test\r\nSubject: {subject}\r\nMessage-ID: <{id}>\r\n\r\n{body}\r\n";
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(raw));
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        return await ApiJson.ReadAsync(await server.Api.PostAsync("/api/inbound/email", content, TestContext.Current.CancellationToken));
    }

    private async Task<JsonNode> FacebookAsync(string eventId, string kind, string text) =>
        (await SocialWebhook.PostAsync(server, new { eventId, kind, postId = "lh-post-7", author = new { handle = "claire.bernard.75", name = "Claire Bernard" }, text, time = Friday.AddDays(3) })).Body;

    [Fact]
    public async Task The_lufthansa_story_ends_with_one_customer_one_case_one_owner_and_every_contact_in_order()
    {
        server.SkipIfUnavailable();
        await server.AddAgentAsync("sofia.bagages@guichet.test", "Sofia Bagages", AgentRole.Agent);

        // Two emails: the second, a week later, joins the first by its subject.
        var first = await MailAsync("Bagage perdu vol LH1234", "Mon bagage n'est pas arrivé à Paris.", "lh-1@example.fr");
        var caseId = first.Str("caseId");
        var second = await MailAsync("RE: Bagage perdu vol LH1234", "Toujours aucune nouvelle de mon bagage.", "lh-2@example.fr");
        Assert.Equal(("appended", caseId), (second.Str("outcome"), second.Str("caseId")));

        // She calls; the agent would have said "send us an email": recorded as a defect, the case carries on, and it is now hers.
        var (_, call) = await server.Api.PostJsonAsync("/api/channels/phone/calls", new
        {
            caseId = long.Parse(caseId, System.Globalization.CultureInfo.InvariantCulture), caller = "+33 6 98 76 54 32", start = Friday.AddDays(2), end = Friday.AddDays(2).AddMinutes(6),
            agent = "sofia.bagages@guichet.test", outcome = "redirected", notes = "Cliente renvoyée vers le formulaire bagages.",
        });
        Assert.Equal(caseId, call.Str("caseId"));

        // A public comment under the company's post: a complaint, so a case, for a customer Guichet cannot link on its own.
        var comment = await FacebookAsync("fb-c-1", "comment", "Bagage perdu depuis 10 jours, toujours aucune réponse. Inadmissible.");
        Assert.Equal("complaint", comment.Str("class"));
        var socialCase = comment.Str("caseId");
        Assert.NotEqual(caseId, socialCase);

        // The agent recognises her and folds the public complaint into her case: one customer, one case.
        var (merged, _) = await server.Api.PostJsonAsync($"/api/cases/{caseId}/merge", new { from = long.Parse(socialCase, System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);

        // Her private message now lands in that same case.
        var message = await FacebookAsync("fb-m-1", "message", "Je vous envoie mon numéro de dossier : FRALH98765.");
        Assert.Equal(caseId, message.Str("caseId"));

        var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal("Sofia Bagages", c.Str("owner.name"));
        var customerId = c.Str("customer.id");
        var (_, customer) = await server.Api.GetJsonAsync($"/api/customers/{customerId}");
        Assert.Equal(["email:claire.bernard@example.fr", "phone:+33698765432", "social:facebook:claire.bernard.75"],
            customer["identities"]!.AsArray().Select(i => $"{i!.Str("kind")}:{i!.Str("value")}").Order(StringComparer.Ordinal));
        Assert.Single(customer["cases"]!.AsArray(), k => k!.Str("status") != "closed");
        var (_, folded) = await server.Api.GetJsonAsync($"/api/cases/{socialCase}");
        Assert.Equal("closed", folded.Str("status"));
        Assert.Empty(folded["messages"]!.AsArray());

        // Every contact, in order, on every channel, and the defect on the timeline.
        var contacts = c["messages"]!.AsArray().Where(m => m!.Str("direction") == "in").Select(m => m!.Str("channel")).ToList();
        Assert.Equal(["email", "email", "phone", "social", "social"], contacts);
        Assert.Contains(c["events"]!.AsArray(), e => e!.Str("kind") == "redirectedElsewhere");
        Assert.Contains(c["events"]!.AsArray(), e => e!.Str("kind") == "caseMerged");
        Assert.Equal("5", c.Str("contactCount"));
    }

    [Fact]
    public async Task Merging_two_customers_moves_their_identities_and_cases_and_undo_puts_back_exactly_what_moved()
    {
        server.SkipIfUnavailable();
        var (_, a) = await server.Api.PostJsonAsync("/api/cases", new { customer = new { name = "Hugo Lemaire", email = "hugo.lemaire@example.fr" }, channel = "email", subject = "Modem", body = "Le modem clignote." });
        var (_, b) = await server.Api.PostJsonAsync("/api/cases", new { customer = new { name = "H. Lemaire", phone = "+33 6 44 55 66 77" }, channel = "phone", subject = "Facture", body = "Facture trop élevée." });
        var into = a.Str("customer.id");
        var from = b.Str("customer.id");

        var (merged, merge) = await server.Api.PostJsonAsync($"/api/customers/{into}/merge", new { from = long.Parse(from, System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var (_, together) = await server.Api.GetJsonAsync($"/api/customers/{into}");
        Assert.Equal(2, together["identities"]!.AsArray().Count);
        Assert.Equal(2, together["cases"]!.AsArray().Count);
        var (_, gone) = await server.Api.GetJsonAsync($"/api/customers/{from}");
        Assert.Equal(into, gone.Str("mergedIntoId"));
        // A call from the merged number now finds the kept customer's open case.
        var (_, call) = await server.Api.PostJsonAsync("/api/channels/phone/calls", new { caller = "06 44 55 66 77", start = Friday, outcome = "missed" });
        Assert.Contains(call.Str("caseId"), new[] { a.Str("id"), b.Str("id") });

        var (undone, _) = await server.Api.PostJsonAsync($"/api/customers/merges/{merge.Str("id")}/undo", new { });
        Assert.Equal(HttpStatusCode.OK, undone.StatusCode);
        var (_, apart) = await server.Api.GetJsonAsync($"/api/customers/{into}");
        Assert.Equal(["email:hugo.lemaire@example.fr"], apart["identities"]!.AsArray().Select(i => $"{i!.Str("kind")}:{i!.Str("value")}"));
        var (_, back) = await server.Api.GetJsonAsync($"/api/customers/{from}");
        Assert.Equal("", back.Str("mergedIntoId"));
        Assert.Equal(b.Str("id"), back["cases"]!.AsArray().Single()!.Str("id"));
        (await server.Api.PostJsonAsync($"/api/customers/merges/{merge.Str("id")}/undo", new { })).AssertProblemNames(409, "state");
        (await server.Api.PostJsonAsync($"/api/customers/{into}/merge", new { from = long.Parse(into, System.Globalization.CultureInfo.InvariantCulture) })).AssertProblemNames(400, "from");
    }

    [Fact]
    public async Task From_the_case_page_an_agent_folds_a_case_by_its_reference_and_can_undo_the_customer_merge()
    {
        server.SkipIfUnavailable();
        var (_, kept) = await server.Api.PostJsonAsync("/api/cases", new { customer = new { name = "Iris Noël", email = "iris.noel@example.fr" }, channel = "email", subject = "Box en panne", body = "Plus d'internet." });
        var (_, other) = await server.Api.PostJsonAsync("/api/cases", new { customer = new { name = "Iris N.", phone = "+33 6 01 02 03 04" }, channel = "phone", subject = "Internet coupé", body = "Appel : plus d'internet." });
        using var agent = await Browserless.SignInAsync(server, "merge.agent@guichet.test", "Inès Fusion");
        var page = $"/cases/{kept.Str("id")}";
        var (status, _, location) = await agent.PostFormAsync(page, $"/ui/cases/{kept.Str("id")}/merge", new() { ["reference"] = $"[{other.Str("reference")}]" });
        Assert.Equal((HttpStatusCode.Redirect, page), (status, location));
        var (_, folded) = await server.Api.GetJsonAsync($"/api/cases/{other.Str("id")}");
        Assert.Equal("closed", folded.Str("status"));

        var (_, html, _) = await agent.GetAsync(page);
        var undo = System.Text.RegularExpressions.Regex.Match(html, "/ui/customers/merges/(\\d+)/undo");
        Assert.True(undo.Success, "the customer panel offers to undo the merge");
        var (undone, _, _) = await agent.PostFormAsync(page, undo.Value, new());
        Assert.Equal(HttpStatusCode.Redirect, undone);
        var (_, back) = await server.Api.GetJsonAsync($"/api/customers/{other.Str("customer.id")}");
        Assert.Equal("", back.Str("mergedIntoId"));

        var (missing, _, to) = await agent.PostFormAsync(page, $"/ui/cases/{kept.Str("id")}/merge", new() { ["reference"] = "G-1999-999999" });
        Assert.Contains("error=", to, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, missing);
    }
}

public sealed class OneCustomerOneCaseOnSqlite(SqliteServer server) : OneCustomerOneCaseTests(server), IClassFixture<SqliteServer>;
public sealed class OneCustomerOneCaseOnPostgres(PostgresServer server) : OneCustomerOneCaseTests(server), IClassFixture<PostgresServer>;
