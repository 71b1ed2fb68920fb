using System.Net;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Incidents;

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
                Assert.True(ok.StatusCode == HttpStatusCode.OK, outcome.ToJsonString());
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
            var english = await server.ReadDbAsync(db => db.Messages.Where(m => m.Kind == Core.Cases.MessageKind.IncidentApology && m.Body.Contains("Please accept our apologies") && m.Body.Contains("LH1234")).CountAsync());
            Assert.Equal(334, english);
        }
        finally
        {
            await server.Api.PutJsonAsync("/api/routing/rules", Array.Empty<object>());
            await server.Api.PutJsonAsync("/api/goodwill/policy", Array.Empty<object>());
        }
    }

    [Fact]
    public async Task A_csv_list_reports_its_refused_rows_and_sent_again_reaches_nobody_twice()
    {
        server.SkipIfUnavailable();
        var (_, incident) = await server.Api.PostJsonAsync("/api/incidents", new { kind = "outage", title = "la box a été coupée 6 heures mardi", targetHours = 2 });
        var id = incident.Str("id");
        const string csv = "email;nom;langue;niveau;payé\n"
            + "csv.one@incident.test;Anne Un;fr;gold;29,99\n"
            + "\"csv.two@incident.test\";\"Bernard; Deux\";en;;\n"
            + "csv.three@incident.test;Chloé Trois;;;\n"
            + "csv.bad@incident.test;Denis Quatre;fr;;beaucoup\n"
            + "not-an-address;Eve Cinq;fr;;\n"
            + "CSV.One@Incident.test;Anne Un;fr;gold;29,99\n";
        async Task<(HttpResponseMessage, System.Text.Json.Nodes.JsonNode)> SendAsync(string body)
        {
            var response = await server.Api.PostAsync($"/api/incidents/{id}/affected", new StringContent(body, System.Text.Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);
            return (response, await ApiJson.ReadAsync(response));
        }

        var (ok, outcome) = await SendAsync(csv);
        Assert.True(ok.StatusCode == HttpStatusCode.OK, outcome.ToJsonString());
        Assert.Equal(("6", "3", "1", "2"), (outcome.Str("lines"), outcome.Str("reached"), outcome.Str("alreadyReached"), outcome.Str("refusedCount")));
        var refused = outcome["refused"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        Assert.Contains(refused, r => r.StartsWith("line 4: paid: 'beaucoup'", StringComparison.Ordinal));
        Assert.Contains(refused, r => r.StartsWith("line 5:", StringComparison.Ordinal));

        var (_, again) = await SendAsync(csv);
        Assert.Equal(("0", "4"), (again.Str("reached"), again.Str("alreadyReached")));
        var (empty, emptyBody) = await SendAsync("");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.NotNull(emptyBody["errors"]!["file"]);

        var (_, progress) = await server.Api.GetJsonAsync($"/api/incidents/{id}");
        Assert.Equal("3", progress.Str("reached"));
        var lists = progress["lists"]!.AsArray();
        Assert.Equal(3, lists.Count);
        Assert.All(lists, l => Assert.NotNull(l!["finishedAt"]));
        Assert.Contains(lists, l => l!["error"] is not null);

        // A new customer gets a case of their own, settled as it opens, in their language, with the team's name.
        var english = await server.ReadDbAsync(db => db.Messages.Where(m => m.Kind == Core.Cases.MessageKind.IncidentApology && m.Body.Contains("Bernard; Deux")).Select(m => new { m.Body, m.CaseId, m.InternetMessageId }).SingleAsync());
        // The Message-ID the customer's reply will cite is stored with the message, so the reply joins this case.
        Assert.NotNull(english.InternetMessageId);
        Assert.Contains("Please accept our apologies: la box a été coupée 6 heures mardi.", english.Body, StringComparison.Ordinal);
        var (_, @case) = await server.Api.GetJsonAsync($"/api/cases/{english.CaseId}");
        Assert.Equal("resolved", @case.Str("status"));
        Assert.Equal("outage", await server.ReadDbAsync(db => db.Cases.Where(k => k.Id == english.CaseId).Select(k => k.Category).SingleAsync()));
        var outboxed = await server.ReadDbAsync(db => db.Outbox.CountAsync(o => o.Recipient.EndsWith("@incident.test") && o.Recipient.StartsWith("csv.")));
        Assert.Equal(3, outboxed);

        // The workspace shows the incident and its lists.
        var page = await server.Api.GetStringAsync($"/incidents/{id}", TestContext.Current.CancellationToken);
        Assert.Contains("la box a été coupée 6 heures mardi", page, StringComparison.Ordinal);
        Assert.Contains("api (CSV)", page, StringComparison.Ordinal);
    }
}

public sealed class IncidentsOnSqlite(SqliteServer server) : IncidentTests(server), IClassFixture<SqliteServer>;
public sealed class IncidentsOnPostgres(PostgresServer server) : IncidentTests(server), IClassFixture<PostgresServer>;
