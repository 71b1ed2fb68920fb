using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Guichet.Core.Agents;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Audit;

/// <summary>Issue 10's audit trail: who saw, changed or exported what, refusals and sign-ins included; append-only in the database.</summary>
public abstract class AuditTrailTests(GuichetServer server)
{
    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(Browserless browser, HttpMethod method, string url, string? json = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        using var response = await browser.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Views_changes_exports_and_refusals_are_recorded_and_filtered_by_case_and_person()
    {
        server.SkipIfUnavailable();
        var (opened, @case) = await server.Api.PostJsonAsync("/api/cases", new { customer = new { name = "Client Audit", email = "client.audit@example.fr" }, channel = "email", subject = "Remboursement", body = "Où en est mon remboursement ?" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var caseId = @case.Str("id");
        using var agent = await Browserless.SignInAsync(server, "agent.audit@guichet.test", "Agent Audit");
        using var lead = await Browserless.SignInAsync(server, "lead.audit@guichet.test", "Lead Audit", role: AgentRole.Lead);
        using var auditor = await Browserless.SignInAsync(server, "auditor.audit@guichet.test", "Auditor Audit", role: AgentRole.Auditor);
        var agentId = await server.ReadDbAsync(db => db.Agents.Where(a => a.Email == "agent.audit@guichet.test").Select(a => a.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(agent, HttpMethod.Get, $"/cases/{caseId}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(agent, HttpMethod.Get, $"/api/cases/{caseId}")).Status);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(agent, HttpMethod.Post, $"/api/cases/{caseId}/notes", "{\"text\":\"Vu avec la compta.\"}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(agent, HttpMethod.Get, "/api/metrics/effort?format=csv")).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(lead, HttpMethod.Get, "/api/metrics/effort?format=csv")).Status);

        // Agents do not read the trail; auditors do.
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(agent, HttpMethod.Get, $"/api/audit?case={caseId}")).Status);
        var (status, body) = await SendAsync(auditor, HttpMethod.Get, $"/api/audit?case={caseId}&pageSize=100");
        Assert.Equal(HttpStatusCode.OK, status);
        var lines = JsonNode.Parse(body)!["items"]!.AsArray().Select(l => (Action: l!.Str("action"), Route: l!.Str("route"), Actor: l!.Str("actorName"), Status: l!.Str("status"))).ToList();
        Assert.Contains(("viewed", "GET /cases/{Id:long}", "Agent Audit", "200"), lines);
        Assert.Contains(("viewed", "GET /api/cases/{id:long}", "Agent Audit", "200"), lines);
        Assert.Contains(("changed", "POST /api/cases/{id:long}/notes", "Agent Audit", "201"), lines);
        Assert.All(JsonNode.Parse(body)!["items"]!.AsArray(), l => Assert.Equal(@case.Str("customer.id"), l!.Str("customerId")));

        (status, body) = await SendAsync(auditor, HttpMethod.Get, $"/api/audit?person={agentId}&pageSize=100");
        var mine = JsonNode.Parse(body)!["items"]!.AsArray();
        Assert.Contains(mine, l => l!.Str("action") == "exported" && l!.Str("status") == "403");
        Assert.Contains(mine, l => l!.Str("action") == "signedIn");
        Assert.All(mine, l => Assert.Equal(agentId.ToString(System.Globalization.CultureInfo.InvariantCulture), l!.Str("actorId")));
        (status, body) = await SendAsync(auditor, HttpMethod.Get, "/api/audit?action=exported&pageSize=100");
        Assert.Contains(JsonNode.Parse(body)!["items"]!.AsArray(), l => l!.Str("actorName") == "Lead Audit" && l!.Str("status") == "200");
        (await server.Api.GetJsonAsync("/api/audit?case=abc")).AssertProblemNames(400, "case");

        // A wrong password is a line too, under the address tried.
        using var visitor = Browserless.Anonymous(server);
        await visitor.PostFormAsync("/login", "/login", new() { ["email"] = "agent.audit@guichet.test", ["password"] = "wrong" });
        Assert.True(await server.ReadDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == Core.Audit.AuditAction.SignInRefused && e.ActorName == "agent.audit@guichet.test")));
    }

    [Fact]
    public async Task The_email_intake_keeps_its_own_record_and_writes_no_line_per_message()
    {
        server.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var before = await server.ReadDbAsync(db => db.AuditEntries.CountAsync(ct));
        var raw = "From: Relais <relais.audit@example.fr>\r\nTo: support@guichet.test\r\nSubject: Colis en retard\r\nMessage-ID: <audit-intake@example.fr>\r\n\r\nBonjour.\r\n";
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(raw));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("message/rfc822");
        using var response = await server.Api.PostAsync("/api/inbound/email", content, ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        // The message's own record says when it came and what became of it; the trail stays for people's acts.
        Assert.True(await server.ReadDbAsync(db => db.InboundEmails.AnyAsync(e => e.MessageIdHeader == "<audit-intake@example.fr>", ct)));
        Assert.Equal(before, await server.ReadDbAsync(db => db.AuditEntries.CountAsync(ct)));
    }

    [Fact]
    public async Task The_database_refuses_to_rewrite_or_delete_a_line()
    {
        server.SkipIfUnavailable();
        using var agent = await Browserless.SignInAsync(server, "erase.audit@guichet.test", "Would Erase");
        var id = await server.ReadDbAsync(db => db.AuditEntries.OrderByDescending(e => e.Id).Select(e => e.Id).FirstAsync());
        await Assert.ThrowsAnyAsync<Exception>(() => server.ReadDbAsync(db => db.AuditEntries.Where(e => e.Id == id).ExecuteUpdateAsync(u => u.SetProperty(e => e.ActorName, "nobody"))));
        await Assert.ThrowsAnyAsync<Exception>(() => server.ReadDbAsync(db => db.AuditEntries.Where(e => e.Id == id).ExecuteDeleteAsync()));
        Assert.Equal("Would Erase", await server.ReadDbAsync(db => db.AuditEntries.Where(e => e.Id == id).Select(e => e.ActorName).SingleAsync()));
    }
}

public sealed class AuditTrailOnSqlite(SqliteServer server) : AuditTrailTests(server), IClassFixture<SqliteServer>;
public sealed class AuditTrailOnPostgres(PostgresServer server) : AuditTrailTests(server), IClassFixture<PostgresServer>;
