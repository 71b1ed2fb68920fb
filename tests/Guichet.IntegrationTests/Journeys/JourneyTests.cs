using System.Net;
using System.Text.Json.Nodes;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Journeys;

/// <summary>SPEC M5: synthetic customers write through each door; runs are judged on the acknowledgment, redirects and the answer; their cases count nowhere else.</summary>
public abstract class JourneyTests(GuichetServer server)
{
    private async Task<(string JourneyId, string CaseId)> StartAsync(string channel, string name)
    {
        var (created, journey) = await server.Api.PostJsonAsync("/api/journeys", new { name, channel, team = "service-client", everyMinutes = 1440 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        // A new journey runs at once: the next pass of the due work starts it.
        await server.AdvanceAsync(TimeSpan.FromMinutes(1));
        var run = Assert.Single((await server.Api.GetJsonAsync($"/api/journeys/{journey.Str("id")}/runs")).Body.AsArray())!;
        Assert.Equal("running", run.Str("state"));
        var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{run.Str("caseId")}");
        Assert.Equal(("testJourney", channel), (c.Str("origin"), c.Str("channel")));
        return (journey.Str("id"), run.Str("caseId"));
    }

    // The journey's first run (a daily journey starts another one as the days pass).
    private async Task<JsonNode> LastRunAsync(string journeyId) => (await server.Api.GetJsonAsync($"/api/journeys/{journeyId}/runs")).Body.AsArray().Last()!;

    [Fact]
    public async Task A_portal_journey_passes_when_the_acknowledgment_is_dated_and_a_person_answers_in_time()
    {
        server.SkipIfUnavailable();
        var (journey, caseId) = await StartAsync("portal", "Portail, chaque jour");
        (await server.Api.PostJsonAsync($"/api/cases/{caseId}/messages", new { direction = "out", body = "Bonjour, votre colis arrive demain matin." })).Response.EnsureSuccessStatusCode();
        await server.AdvanceAsync(TimeSpan.FromMinutes(16));
        var checkedAck = await LastRunAsync(journey);
        Assert.Equal("running", checkedAck.Str("state"));
        Assert.NotEqual("", checkedAck.Str("answerDueAt"));
        await server.AdvanceAsync(TimeSpan.FromDays(5));
        var run = await LastRunAsync(journey);
        Assert.Equal("passed", run.Str("state"));
        Assert.Empty(run["failures"]!.AsArray());
        var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal("closed", c.Str("status"));
        // Nothing was sent to the synthetic customer's .invalid address.
        Assert.False(await server.ReadDbAsync(db => db.Outbox.AnyAsync(o => o.Message.CaseId == long.Parse(caseId) && o.State == Core.Cases.OutboxState.Sent)));
    }

    [Fact]
    public async Task An_email_journey_fails_when_nobody_answers_by_the_date_given_and_says_why()
    {
        server.SkipIfUnavailable();
        var (journey, caseId) = await StartAsync("email", "Boîte du service client");
        await server.AdvanceAsync(TimeSpan.FromMinutes(16));
        Assert.Equal("running", (await LastRunAsync(journey)).Str("state"));
        await server.AdvanceAsync(TimeSpan.FromDays(5));
        var run = await LastRunAsync(journey);
        Assert.Equal("failed", run.Str("state"));
        Assert.StartsWith("P2.answer: Nobody answered by", Assert.Single(run["failures"]!.AsArray())!.GetValue<string>(), StringComparison.Ordinal);
        var (_, figures) = await server.Api.GetJsonAsync("/api/metrics/journeys");
        var row = figures["rows"]!.AsArray().Single(r => r!.Str("id") == journey)!;
        Assert.True(int.Parse(row.Str("failed"), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.NotEqual("", row.Str("lastCaseId"));
    }

    [Fact]
    public async Task A_chat_journey_told_to_write_an_email_fails_on_the_redirect()
    {
        server.SkipIfUnavailable();
        var (journey, caseId) = await StartAsync("chat", "Chat du site");
        (await server.Api.PostJsonAsync($"/api/cases/{caseId}/messages", new
        {
            direction = "out", body = "Bonjour, veuillez nous envoyer un email, le chat ne traite pas les colis.",
            overrides = new[] { "C3.redirect" }, justification = "Le chat ne voit pas les colis.",
        })).Response.EnsureSuccessStatusCode();
        await server.AdvanceAsync(TimeSpan.FromMinutes(16));
        var run = await LastRunAsync(journey);
        Assert.Equal("failed", run.Str("state"));
        Assert.Contains(run["failures"]!.AsArray(), f => f!.GetValue<string>().StartsWith("C3.redirect", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_test_journeys_case_appears_in_no_other_figure()
    {
        server.SkipIfUnavailable();
        var (created, journey) = await server.Api.PostJsonAsync("/api/journeys", new { name = "Réseaux sociaux", channel = "social", enabled = false });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var before = (await server.Api.GetJsonAsync("/api/metrics")).Body;
        var promisesBefore = (await server.Api.GetJsonAsync("/api/metrics/promises")).Body.ToJsonString();

        var (ran, run) = await server.Api.PostJsonAsync($"/api/journeys/{journey.Str("id")}/run", new { });
        Assert.Equal(HttpStatusCode.OK, ran.StatusCode);
        var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{run.Str("caseId")}");
        Assert.Equal("testJourney", c.Str("origin"));
        Assert.NotEmpty(c["promises"]!.AsArray());

        var after = (await server.Api.GetJsonAsync("/api/metrics")).Body;
        foreach (var part in new[] { "effort", "effortBy", "channels", "promises", "promisesByTeam", "promisesByOwner", "forecast", "surveys", "surveysByTeam" })
        {
            Assert.Equal(before[part]!.ToJsonString(), after[part]!.ToJsonString());
        }
        Assert.Equal(promisesBefore, (await server.Api.GetJsonAsync("/api/metrics/promises")).Body.ToJsonString());
        var row = after["journeys"]!.AsArray().Single(r => r!.Str("id") == journey.Str("id"))!;
        Assert.Equal(("1", "1"), (row.Str("runs"), row.Str("running")));
    }

    [Fact]
    public async Task Journeys_are_checked_before_they_are_saved()
    {
        server.SkipIfUnavailable();
        (await server.Api.PostJsonAsync("/api/journeys", new { name = "Fax", channel = "phone" })).AssertProblemNames(400, "channel");
        (await server.Api.PostJsonAsync("/api/journeys", new { channel = "email" })).AssertProblemNames(400, "name");
        (await server.Api.PostJsonAsync("/api/journeys", new { name = "Trop souvent", channel = "email", everyMinutes = 1 })).AssertProblemNames(400, "everyMinutes");
        (await server.Api.PostJsonAsync("/api/journeys", new { name = "Inconnue", channel = "email", team = "nulle-part" })).AssertProblemNames(400, "team");
        (await server.Api.PostJsonAsync("/api/journeys/999999/run", new { })).AssertProblemNames(404, "id");
    }
}

public sealed class JourneysOnSqlite(SqliteServer server) : JourneyTests(server), IClassFixture<SqliteServer>;
public sealed class JourneysOnPostgres(PostgresServer server) : JourneyTests(server), IClassFixture<PostgresServer>;
