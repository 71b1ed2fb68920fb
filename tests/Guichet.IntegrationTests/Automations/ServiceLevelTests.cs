using System.Net;
using System.Text.Json.Nodes;
using Guichet.Testing;

namespace Guichet.IntegrationTests.Automations;

/// <summary>
/// Issue 27 (W8): a service level's targets are promises on the case, under the policy's name;
/// the next reply's target is renegotiated with the customer before it lapses, and a change of
/// priority moves the targets, telling the customer only when their date gets later.
/// </summary>
public abstract class ServiceLevelTests(GuichetServer server)
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_next_reply_target_is_renegotiated_with_the_customer_before_it_lapses_and_the_report_says_so()
    {
        server.SkipIfUnavailable();
        (await server.Api.PostJsonAsync("/api/service-levels", new { name = "Or", tier = "sla-or" })).AssertProblemNames(400, "firstReplyHours");
        (await server.Api.PostJsonAsync("/api/service-levels", new { name = "Or", priority = "vite", firstReplyHours = 2 })).AssertProblemNames(400, "priority");
        var (made, policy) = await server.Api.PostJsonAsync("/api/service-levels", new { name = "Or", tier = "sla-or", firstReplyHours = 8, nextReplyHours = 4, resolutionHours = 40 });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        try
        {
            var (_, opened) = await server.Api.PostJsonAsync("/api/cases", Gold($"or.{Guid.NewGuid():N}@example.fr"));
            var id = opened.Str("id");
            var c = await CaseAsync(id);
            var first = Promise(c, "firstResponse");
            Assert.Equal("First answer from a person — Or", first.Str("what"));
            Assert.Equal("Resolution — Or", Promise(c, "resolution").Str("what"));
            // The acknowledgment gives the policy's date, not the team's two business days.
            var ack = c["messages"]!.AsArray().Single(m => m!.Str("kind") == "acknowledgment")!;
            Assert.Equal(first.Str("id"), ack.Str("promiseId"));

            await server.AdvanceAsync(TimeSpan.FromMinutes(30));
            (await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body = "Bonjour Julien Rio, nous regardons votre dossier." })).Response.EnsureSuccessStatusCode();
            await server.AdvanceAsync(TimeSpan.FromMinutes(30));
            (await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "in", body = "Et donc ?" })).Response.EnsureSuccessStatusCode();
            c = await CaseAsync(id);
            Assert.Equal("kept", Promise(c, "firstResponse").Str("state"));
            var next = Promise(c, "nextReply");
            Assert.Equal(("Next reply — Or", "open"), (next.Str("what"), next.Str("state")));

            // Nobody answers: before the due time, the customer is given a new date; never a silent lapse.
            var due = DateTimeOffset.Parse(next.Str("dueAt"), System.Globalization.CultureInfo.InvariantCulture);
            await server.AdvanceAsync(due - server.Clock.GetUtcNow() - TimeSpan.FromMinutes(1));
            c = await CaseAsync(id);
            next = c["promises"]!.AsArray().Single(p => p!.Str("id") == next.Str("id"))!;
            Assert.Equal("renegotiated", next.Str("state"));
            Assert.True(DateTimeOffset.Parse(next.Str("dueAt"), System.Globalization.CultureInfo.InvariantCulture) > due);
            Assert.Contains(c["messages"]!.AsArray(), m => m!.Str("kind") == "delayNotice" && m!.Str("promiseId") == next.Str("id"));
            Assert.False(next["silentlyBreached"]!.GetValue<bool>());

            // An answer keeps it; resolving keeps the resolution target without asking about it.
            (await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body = "Bonjour Julien Rio, c'est réglé." })).Response.EnsureSuccessStatusCode();
            (await server.Api.PostJsonAsync($"/api/cases/{id}/resolve", new { })).Response.EnsureSuccessStatusCode();
            c = await CaseAsync(id);
            Assert.Equal(("kept", "kept"), (Promise(c, "nextReply").Str("state"), Promise(c, "resolution").Str("state")));

            (await server.Api.GetJsonAsync("/api/service-levels/report?to=0001-01-01T00:00:00Z")).AssertProblemNames(400, "to");
            // Any offset is read as the instant it names.
            var (_, report) = await server.Api.GetJsonAsync($"/api/service-levels/report?from={Uri.EscapeDataString(GuichetServer.Start.AddDays(-1).ToOffset(TimeSpan.FromHours(1)).ToString("O"))}");
            var mine = report.AsArray().Where(r => r!.Str("policyId") == policy.Str("id")).ToDictionary(r => r!.Str("target"), r => r!);
            Assert.Equal(("1", "0", "0"), (mine["firstResponse"].Str("met"), mine["firstResponse"].Str("renegotiated"), mine["firstResponse"].Str("breached")));
            Assert.Equal(("0", "1", "0"), (mine["nextReply"].Str("met"), mine["nextReply"].Str("renegotiated"), mine["nextReply"].Str("breached")));
            Assert.Equal("1", mine["resolution"].Str("met"));
        }
        finally
        {
            Assert.Equal(HttpStatusCode.NoContent, (await server.Api.DeleteAsync($"/api/service-levels/{policy.Str("id")}", Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task A_priority_change_moves_the_targets_and_tells_the_customer_only_of_a_later_date()
    {
        server.SkipIfUnavailable();
        var (_, urgent) = await server.Api.PostJsonAsync("/api/service-levels", new { name = "Urgent", tier = "sla-prio", priority = "urgent", firstReplyHours = 1 });
        var (_, low) = await server.Api.PostJsonAsync("/api/service-levels", new { name = "Basse", tier = "sla-prio", priority = "low", firstReplyHours = 16 });
        try
        {
            var contact = Gold($"prio.{Guid.NewGuid():N}@example.fr", "sla-prio");
            var (_, opened) = await server.Api.PostJsonAsync("/api/cases", contact);
            var id = opened.Str("id");
            var c = await CaseAsync(id);
            var first = Promise(c, "firstResponse");
            // A normal case: no policy, the team's date.
            Assert.Equal("First answer from a person", first.Str("what"));
            var teamDue = DateTimeOffset.Parse(first.Str("dueAt"), System.Globalization.CultureInfo.InvariantCulture);

            (await server.Api.PostJsonAsync($"/api/cases/{id}/priority", new { priority = "urgent", reason = "Client en difficulté" })).Response.EnsureSuccessStatusCode();
            c = await CaseAsync(id);
            first = Promise(c, "firstResponse");
            Assert.Equal("First answer from a person — Urgent", first.Str("what"));
            var urgentDue = DateTimeOffset.Parse(first.Str("dueAt"), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(urgentDue < teamDue);
            Assert.True(urgentDue >= server.Clock.GetUtcNow().AddHours(1) - TimeSpan.FromSeconds(1));
            Assert.Contains(c["events"]!.AsArray(), e => e!.Str("kind") == "targetMoved");
            Assert.DoesNotContain(c["messages"]!.AsArray(), m => m!.Str("kind") == "delayNotice");

            (await server.Api.PostJsonAsync($"/api/cases/{id}/priority", new { priority = "low", reason = "Finalement pas pressé" })).Response.EnsureSuccessStatusCode();
            c = await CaseAsync(id);
            first = Promise(c, "firstResponse");
            Assert.Equal(("First answer from a person — Basse", "renegotiated"), (first.Str("what"), first.Str("state")));
            Assert.True(DateTimeOffset.Parse(first.Str("dueAt"), System.Globalization.CultureInfo.InvariantCulture) > urgentDue);
            Assert.Single(c["messages"]!.AsArray(), m => m!.Str("kind") == "delayNotice");
        }
        finally
        {
            foreach (var p in new[] { urgent, low })
            {
                Assert.Equal(HttpStatusCode.NoContent, (await server.Api.DeleteAsync($"/api/service-levels/{p.Str("id")}", Ct)).StatusCode);
            }
        }
    }

    private static object Gold(string email, string tier = "sla-or") => new
    {
        customer = new { name = "Julien Rio", email, language = "fr", timeZone = "Europe/Paris", tier },
        channel = "email",
        subject = "Facture en double",
        body = "Bonjour, j'ai reçu deux factures pour le même mois.",
        team = "service-client",
    };

    private async Task<JsonNode> CaseAsync(string id) => (await server.Api.GetJsonAsync($"/api/cases/{id}")).Body;

    private static JsonNode Promise(JsonNode c, string kind) => c["promises"]!.AsArray().Single(p => p!.Str("kind") == kind)!;
}

public sealed class ServiceLevelsOnSqlite(SqliteServer server) : ServiceLevelTests(server), IClassFixture<SqliteServer>;
public sealed class ServiceLevelsOnPostgres(PostgresServer server) : ServiceLevelTests(server), IClassFixture<PostgresServer>;
