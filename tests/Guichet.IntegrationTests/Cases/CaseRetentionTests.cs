using System.Net;
using Guichet.Core.Audit;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Cases;

/// <summary>Issue 10: a team's retention rule deletes settled cases untouched for its years, and only those, with a line in the audit trail.</summary>
public abstract class CaseRetentionTests(GuichetServer server)
{
    private async Task<string> OpenAsync(string email, string subject)
    {
        var (response, body) = await server.Api.PostJsonAsync("/api/cases", new { customer = new { name = "Client Rétention", email }, channel = "email", subject, body = "Bonjour, une question sur ma facture." });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return body.Str("id");
    }

    [Fact]
    public async Task Settled_cases_older_than_the_teams_retention_are_deleted_and_the_rest_stay()
    {
        server.SkipIfUnavailable();
        (await server.Api.PatchJsonAsync("/api/teams/service-client", new { retentionYears = 0 })).AssertProblemNames(400, "retentionYears");
        (await server.Api.PatchJsonAsync("/api/teams/service-client", new { retentionYears = "two" })).AssertProblemNames(400, "retentionYears");
        var (set, team) = await server.Api.PatchJsonAsync("/api/teams/service-client", new { retentionYears = 1 });
        Assert.Equal((HttpStatusCode.OK, "1"), (set.StatusCode, team.Str("retentionYears")));

        var old = await OpenAsync("old.retention@example.fr", "Ancienne facture");
        var open = await OpenAsync("open.retention@example.fr", "Toujours ouvert");
        var (answered, _) = await server.Api.PostJsonAsync($"/api/cases/{old}/messages", new { direction = "out", channel = "email", body = "Bonjour, c'est corrigé : le montant est remboursé." });
        Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Api.PostJsonAsync($"/api/cases/{old}/resolve", new { })).Response.StatusCode);

        await server.AdvanceAsync(TimeSpan.FromDays(200));
        Assert.Equal(HttpStatusCode.OK, (await server.Api.GetJsonAsync($"/api/cases/{old}")).Response.StatusCode);
        await server.AdvanceAsync(TimeSpan.FromDays(170));

        Assert.Equal(HttpStatusCode.NotFound, (await server.Api.GetJsonAsync($"/api/cases/{old}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Api.GetJsonAsync($"/api/cases/{open}")).Response.StatusCode);
        await server.ReadDbAsync(async db =>
        {
            Assert.False(await db.Messages.AnyAsync(m => m.CaseId == long.Parse(old)));
            var line = await db.AuditEntries.SingleAsync(e => e.CaseId == long.Parse(old) && e.Action == AuditAction.Deleted);
            Assert.StartsWith("retention service-client", line.Route, StringComparison.Ordinal);
            return 0;
        });
        (await server.Api.PatchJsonAsync("/api/teams/service-client", new { retentionYears = (int?)null })).Response.EnsureSuccessStatusCode();
    }
}

public sealed class CaseRetentionOnSqlite(SqliteServer server) : CaseRetentionTests(server), IClassFixture<SqliteServer>;
public sealed class CaseRetentionOnPostgres(PostgresServer server) : CaseRetentionTests(server), IClassFixture<PostgresServer>;
