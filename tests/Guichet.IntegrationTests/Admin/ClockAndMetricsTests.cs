using System.Net;
using Guichet.Testing;

namespace Guichet.IntegrationTests.Admin;

/// <summary>CONTRACT "Time" and GET /api/metrics/promises (SPEC P6, P7).</summary>
public abstract class ClockAndMetricsTests(GuichetServer server)
{
    [Fact]
    public async Task Time_moves_only_when_told_and_a_lapsed_promise_counts_as_a_silent_breach()
    {
        server.SkipIfUnavailable();
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("clock@example.fr"));
        var (_, before) = await server.Api.GetJsonAsync("/api/metrics/promises");
        Assert.Equal("0", before.Str("silentBreaches"));
        Assert.True(int.Parse(before.Str("open"), System.Globalization.CultureInfo.InvariantCulture) >= 1);

        // Friday 18:00 Paris: the office has closed, so a new contact hears when people are back (P7).
        var (moved, clock) = await server.Api.PostJsonAsync("/api/admin/clock", new { advance = "PT2H" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("2026-11-27T17:00:00+00:00", clock.Str("now"));
        var (_, late) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("evening@example.fr"));
        var ack = late["acknowledgment"]!.Str("body");
        Assert.Contains("de retour le lundi 30 novembre à 09:00", ack, StringComparison.Ordinal);
        Assert.Contains("au plus tard le mardi 1er décembre à 17:00", ack, StringComparison.Ordinal);

        // Four days in one jump (to Tuesday 18:00) is a server that was down past Tuesday 16:00: the first answer lapsed
        // unnoticed. It is broken and counted as a silent breach (target zero, P6), and the customer
        // is told at once, with a new date.
        await server.Api.PostJsonAsync("/api/admin/clock", new { advance = "P4D" });
        var (_, after) = await server.Api.GetJsonAsync("/api/metrics/promises");
        Assert.True(int.Parse(after.Str("silentBreaches"), System.Globalization.CultureInfo.InvariantCulture) >= 2, after.ToJsonString());
        var (_, detail) = await server.Api.GetJsonAsync($"/api/cases/{c.Str("id")}");
        var lapsed = detail["promises"]!.AsArray().Single(p => p!.Str("state") == "broken")!;
        Assert.Equal("true", lapsed.Str("silentlyBreached"));
        var replacement = detail["promises"]!.AsArray().Single(p => p!.Str("state") == "open")!;
        Assert.Equal("2026-12-03T16:00:00+00:00", replacement.Str("dueAt"));
        var apology = detail["messages"]!.AsArray().Last()!;
        Assert.Equal(replacement.Str("id"), apology.Str("promiseId"));
        Assert.Contains("nous ne sommes pas revenus vers vous à temps", apology.Str("body"), StringComparison.Ordinal);
        Assert.Contains("jeudi 3 décembre à 17:00", apology.Str("body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_clock_refuses_going_back_or_nonsense()
    {
        server.SkipIfUnavailable();
        (await server.Api.PostJsonAsync("/api/admin/clock", new { advance = "-PT1H" })).AssertProblemNames(400, "advance");
        (await server.Api.PostJsonAsync("/api/admin/clock", new { advance = "soon" })).AssertProblemNames(400, "advance");
    }
}

public sealed class ClockAndMetricsOnSqlite(SqliteServer server) : ClockAndMetricsTests(server), IClassFixture<SqliteServer>;
public sealed class ClockAndMetricsOnPostgres(PostgresServer server) : ClockAndMetricsTests(server), IClassFixture<PostgresServer>;

public sealed class RealClockTests(SqliteServerWithRealClock server) : IClassFixture<SqliteServerWithRealClock>
{
    [Fact]
    public async Task Without_the_test_clock_the_clock_route_does_not_exist()
    {
        var response = await server.Api.PostAsync("/api/admin/clock", new StringContent("{\"advance\":\"PT1H\"}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
