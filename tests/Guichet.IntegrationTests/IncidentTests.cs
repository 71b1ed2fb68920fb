using System.Net;
using Guichet.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests;

/// <summary>SPEC G3 through the API: an incident's affected customers reached once, before they complain.</summary>
public abstract class IncidentTests(GuichetServer server)
{
    [Fact]
    public async Task An_incident_of_a_thousand_customers_sent_twice_sends_exactly_a_thousand_messages_and_a_complainer_gets_it_on_their_case()
    {
        server.SkipIfUnavailable();
        await server.Api.PutJsonAsync("/api/goodwill/policy", new object[] { new { tier = "*", incidentKind = "delay", fromRecurrence = 1, gesture = "credit", amount = 25 } });
        await server.Api.PutJsonAsync("/api/routing/rules", new object[] { new { name = "Retards", terms = "retard", category = "delay" } });
        try
        {
            // One passenger complained before the list arrived.
            var (_, complaint) = await server.Api.PostJsonAsync("/api/cases", new { customer = new { name = "Passager 7", email = "passenger7@incident.test", language = "fr" }, channel = "email", subject = "LH1234", body = "Mon vol LH1234 a eu plus de deux heures de retard !" });
            (await server.Api.PostJsonAsync("/api/incidents", new { kind = "delay" })).AssertProblemNames(400, "title");
            var (created, incident) = await server.Api.PostJsonAsync("/api/incidents", new { kind = "delay", title = "le vol LH1234 Francfort–Paris a eu 2 h 10 de retard" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = incident.Str("id");
            var outbox = await server.ReadDbAsync(db => db.Outbox.CountAsync());
            var passengers = Enumerable.Range(0, 1000).Select(i => new { email = $"passenger{i}@incident.test", name = $"Passager {i}", language = i % 3 == 0 ? "en" : "fr" }).ToArray();

            foreach (var chunk in passengers.Chunk(500))
            {
                var (ok, outcome) = await server.Api.PostJsonAsync($"/api/incidents/{id}/affected", chunk);
                Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
                Assert.Equal("500", outcome.Str("reached"));
            }
            // The same list again, and an overlapping one: nobody hears twice.
            var (_, again) = await server.Api.PostJsonAsync($"/api/incidents/{id}/affected", passengers);
            Assert.Equal(("0", "1000"), (again.Str("reached"), again.Str("alreadyReached")));
            var (_, overlap) = await server.Api.PostJsonAsync($"/api/incidents/{id}/affected", new[] { passengers[10], new { email = "passenger1000@incident.test", name = "Passager 1000", language = "fr" } });
            Assert.Equal(("1", "1"), (overlap.Str("reached"), overlap.Str("alreadyReached")));

            Assert.Equal(outbox + 1001, await server.ReadDbAsync(db => db.Outbox.CountAsync()));
            var (_, progress) = await server.Api.GetJsonAsync($"/api/incidents/{id}");
            Assert.Equal(("1001", "1"), (progress.Str("reached"), progress.Str("onExistingCases")));

            // The passenger who complained has the apology and the gesture on their own case.
            var (_, own) = await server.Api.GetJsonAsync($"/api/cases/{complaint.Str("id")}");
            var apology = own["messages"]!.AsArray().Single(m => m!.Str("kind") == "incidentApology")!;
            Assert.Contains("Un avoir de 25.00 EUR est crédité", apology.Str("body"), StringComparison.Ordinal);
            Assert.Contains(complaint.Str("reference"), apology.Str("body"), StringComparison.Ordinal);
            var english = await server.ReadDbAsync(db => db.Messages.Where(m => m.Kind == Core.Cases.MessageKind.IncidentApology && m.Body.Contains("Please accept our apologies")).CountAsync());
            Assert.Equal(334, english);
        }
        finally
        {
            await server.Api.PutJsonAsync("/api/routing/rules", Array.Empty<object>());
            await server.Api.PutJsonAsync("/api/goodwill/policy", Array.Empty<object>());
        }
    }
}

public sealed class IncidentsOnSqlite(SqliteServer server) : IncidentTests(server), IClassFixture<SqliteServer>;
public sealed class IncidentsOnPostgres(PostgresServer server) : IncidentTests(server), IClassFixture<PostgresServer>;
