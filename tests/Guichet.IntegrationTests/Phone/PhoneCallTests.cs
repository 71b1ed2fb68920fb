using System.Net;
using Guichet.Core.Agents;
using Guichet.Testing;

namespace Guichet.IntegrationTests.Phone;

/// <summary>The hotline (H4): calls from a phone system and from agents, defects, first-contact resolution.</summary>
public abstract class PhoneCallTests(GuichetServer server)
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 30, 9, 2, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task A_call_opens_a_case_for_an_unknown_caller_and_a_later_call_finds_them_by_number_however_written()
    {
        server.SkipIfUnavailable();
        await server.AddAgentAsync("lea.phone@guichet.test", "Léa Phone", AgentRole.Agent);
        var (created, call) = await server.Api.PostJsonAsync("/api/channels/phone/calls", new
        {
            caller = "+33 6 12 34 56 78", callee = "+33 1 80 00 00 00", start = Morning, end = Morning.AddMinutes(7),
            agent = "Lea.Phone@guichet.test", outcome = "followUp", notes = "Le tuyau du skimmer manque dans le colis.", callId = "pbx-1001",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(("+33612345678", "true"), (call.Str("caller"), call.Str("openedTheCase")));
        var caseId = call.Str("caseId");
        var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal(("phone", "open", "Léa Phone"), (c.Str("channel"), c.Str("status"), c.Str("owner.name")));
        // A person answered: the first-response promise of the dated acknowledgment is kept (P1, C4).
        Assert.Contains(c["promises"]!.AsArray(), p => p!.Str("state") == "kept");
        Assert.False(string.IsNullOrEmpty(c.Str("firstAnsweredAt")), "the first human answer is recorded, for channel parity (M3)");
        Assert.Contains(c["events"]!.AsArray(), e => e!.Str("kind") == "callLogged" && e!.Str("to") == "followUp" && e!.Str("detail") == "7 min");

        // The phone system retries its webhook: logged once.
        var (again, same) = await server.Api.PostJsonAsync("/api/channels/phone/calls", new { caller = "+33612345678", start = Morning, end = Morning.AddMinutes(7), outcome = "followUp", callId = "pbx-1001" });
        Assert.Equal((HttpStatusCode.OK, "true", call.Str("id")), (again.StatusCode, same.Str("duplicate"), same.Str("id")));

        // She calls back from the same phone written the French way: same customer, same open case.
        var (_, second) = await server.Api.PostJsonAsync("/api/channels/phone/calls", new { caller = "06 12 34 56 78", start = Morning.AddHours(2), end = Morning.AddHours(2).AddMinutes(1), outcome = "missed", callId = "pbx-1002" });
        Assert.Equal((caseId, "false"), (second.Str("caseId"), second.Str("openedTheCase")));
        var (_, after) = await server.Api.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal("2", after.Str("contactCount"));
    }

    [Fact]
    public async Task A_caller_sent_to_another_channel_is_a_defect_on_the_case_and_a_call_that_settles_a_new_case_is_a_first_contact_resolution()
    {
        server.SkipIfUnavailable();
        var agentId = await server.AddAgentAsync("marc.phone@guichet.test", "Marc Phone", AgentRole.Agent);
        var before = (await server.Api.GetJsonAsync("/api/metrics/phone")).Body;

        var (_, redirected) = await server.Api.PostJsonAsync("/api/channels/phone/calls", new { caller = "+33 7 11 22 33 44", start = Morning, end = Morning.AddMinutes(3), agent = "marc.phone@guichet.test", outcome = "redirected" });
        var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{redirected.Str("caseId")}");
        Assert.Contains(c["events"]!.AsArray(), e => e!.Str("kind") == "redirectedElsewhere");
        Assert.Equal("open", c.Str("status"));

        var (_, settled) = await server.Api.PostJsonAsync("/api/channels/phone/calls", new { caller = "+33 7 55 66 77 88", start = Morning, end = Morning.AddMinutes(4), agent = "marc.phone@guichet.test", outcome = "resolved", notes = "Code Wi-Fi redonné." });
        var (_, done) = await server.Api.GetJsonAsync($"/api/cases/{settled.Str("caseId")}");
        Assert.Equal("resolved", done.Str("status"));

        var (_, figures) = await server.Api.GetJsonAsync("/api/metrics/phone");
        int Delta(string field) => int.Parse(figures.Str(field), System.Globalization.CultureInfo.InvariantCulture) - int.Parse(before.Str(field), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((2, 1, 2, 1), (Delta("calls"), Delta("redirected"), Delta("casesOpenedByCall"), Delta("resolvedAtFirstCall")));
        Assert.True(agentId > 0);
    }

    [Fact]
    public async Task An_agent_logs_a_call_on_a_case_and_bad_calls_are_refused_naming_the_field()
    {
        server.SkipIfUnavailable();
        var (_, opened) = await server.Api.PostJsonAsync("/api/cases", new { customer = new { name = "Nora Petit", email = "nora.petit@example.fr" }, channel = "email", subject = "Facture", body = "Double débit." });
        var id = opened.Str("id");
        var (logged, call) = await server.Api.PostJsonAsync($"/api/cases/{id}/calls", new { start = Morning, end = Morning.AddMinutes(5), outcome = "followUp", notes = "Rappelée : remboursement lancé." });
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        Assert.Equal(id, call.Str("caseId"));
        var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{id}");
        Assert.Contains(c["messages"]!.AsArray(), m => m!.Str("channel") == "phone" && m!.Str("body") == "Rappelée : remboursement lancé.");

        // The same from the case page: the agent picks how the call ended, its length and notes.
        using var agent = await Browserless.SignInAsync(server, "rita.phone@guichet.test", "Rita Phone");
        var (status, _, location) = await agent.PostFormAsync($"/cases/{id}", $"/ui/cases/{id}/calls", new() { ["outcome"] = "redirected", ["minutes"] = "3", ["notes"] = "Je lui ai dit d'écrire au service bagages." });
        Assert.Equal((HttpStatusCode.Redirect, $"/cases/{id}"), (status, location));
        var (_, page, _) = await agent.GetAsync($"/cases/{id}");
        Assert.Contains("Défaut : client renvoyé vers un autre canal", page, StringComparison.Ordinal);
        Assert.Contains("Renvoyé vers un autre canal (défaut) · 3 min", page, StringComparison.Ordinal);

        (await server.Api.PostJsonAsync($"/api/cases/{id}/calls", new { start = Morning })).AssertProblemNames(400, "outcome");
        (await server.Api.PostJsonAsync($"/api/cases/{id}/calls", new { start = Morning, end = Morning.AddMinutes(-1), outcome = "resolved" })).AssertProblemNames(400, "end");
        (await server.Api.PostJsonAsync("/api/channels/phone/calls", new { caller = "+33612345678", start = Morning, outcome = "resolved", agent = "nobody@guichet.test" })).AssertProblemNames(400, "agent");
        (await server.Api.PostJsonAsync("/api/channels/phone/calls", new { start = Morning, outcome = "resolved" })).AssertProblemNames(400, "caller");
        (await server.Api.PostJsonAsync("/api/cases/999999/calls", new { start = Morning, outcome = "resolved" })).AssertProblemNames(404, "id");
    }
}

public sealed class PhoneCallsOnSqlite(SqliteServer server) : PhoneCallTests(server), IClassFixture<SqliteServer>;
public sealed class PhoneCallsOnPostgres(PostgresServer server) : PhoneCallTests(server), IClassFixture<PostgresServer>;
