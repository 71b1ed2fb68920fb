using System.Net;
using Guichet.Core.Agents;
using Guichet.Core.Teams;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Cases;

/// <summary>SPEC C3, C4, C5 and issue 7: a transfer keeps the promises' dates, shows the receiver a summary, and tells the customer only when their contact changes.</summary>
public abstract class TransferTests(GuichetServer server)
{
    private async Task<(long TeamAgent, long Colleague)> PeopleAsync()
    {
        await server.ReadDbAsync(async db =>
        {
            if (!await db.Teams.AnyAsync(t => t.Slug == "litiges"))
            {
                db.Teams.Add(new Team { Slug = "litiges", Name = "Litiges", TimeZone = "Europe/Paris", Hours = "mon-fri 09:00-17:00" });
                await db.SaveChangesAsync();
            }
            return 0;
        });
        var lukas = await server.ReadDbAsync(async db =>
        {
            var existing = await db.Agents.FirstOrDefaultAsync(a => a.Email == "lukas.transfer@guichet.test");
            if (existing is not null)
            {
                return existing.Id;
            }
            var agent = new Agent { Email = "lukas.transfer@guichet.test", Name = "Lukas Weber", Role = AgentRole.Agent, Team = await db.Teams.FirstAsync(t => t.Slug == "litiges"), PasswordHash = "x", Languages = "fr,de" };
            db.Agents.Add(agent);
            await db.SaveChangesAsync();
            return agent.Id;
        });
        var colleague = await server.AddAgentAsync("ines.transfer@guichet.test", "Inès Colin", AgentRole.Agent);
        return (lukas, colleague);
    }

    [Fact]
    public async Task A_transfer_keeps_the_promises_dates_shows_the_summary_and_the_customer_hears_only_from_a_new_named_contact()
    {
        server.SkipIfUnavailable();
        var (lukas, _) = await PeopleAsync();
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("transfer.keep@example.fr"));
        var id = c.Str("id");
        await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body = "Bonjour Julien Rio, je regarde votre dossier de bagages avec le service concerné." });
        var dueAt = DateTimeOffset.Parse(c.Str("createdAt"), System.Globalization.CultureInfo.InvariantCulture).AddDays(3).ToUniversalTime();
        var (_, promise) = await server.Api.PostJsonAsync($"/api/cases/{id}/promises", new { what = "Décision sur le remboursement", dueAt });
        var outbox = await server.ReadDbAsync(db => db.Outbox.CountAsync());

        var (moved, transferred) = await server.Api.PostJsonAsync($"/api/cases/{id}/transfer", new { team = "litiges", note = "Remboursement des frais de train à décider ; reçus joints par le client." });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("litiges", transferred.Str("team.slug"));
        Assert.Equal("1", transferred.Str("transfers"));
        var kept = transferred["promises"]!.AsArray().Single(p => p!.Str("id") == promise.Str("id"))!;
        Assert.Equal(DateTimeOffset.Parse(promise.Str("dueAt"), System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(kept.Str("dueAt"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("open", kept.Str("state"));
        // The team received it, nobody in it has spoken to the customer yet: the customer is told nothing.
        Assert.Equal(outbox, await server.ReadDbAsync(db => db.Outbox.CountAsync()));

        var (_, summary) = await server.Api.GetJsonAsync($"/api/cases/{id}/summary");
        Assert.Contains("mes bagages sont perdus", summary.Str("asked"), StringComparison.Ordinal);
        Assert.Equal("Décision sur le remboursement", summary.Str("promised.0.what"));
        Assert.Contains(summary["tried"]!.AsArray(), t => t!.GetValue<string>().Contains("je regarde votre dossier", StringComparison.Ordinal));
        Assert.Contains(summary["tried"]!.AsArray(), t => t!.GetValue<string>().Contains("reçus joints", StringComparison.Ordinal));
        Assert.Equal("calm", summary.Str("tone"));

        // Lukas takes it: the customer's contact changes, so Lukas introduces himself, same reference.
        var (assigned, owned) = await server.Api.PostJsonAsync($"/api/cases/{id}/assign", new { ownerId = lukas });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var intro = owned["messages"]!.AsArray().Single(m => m!.Str("kind") == "contactChange")!;
        Assert.Equal("Lukas Weber", intro.Str("author"));
        Assert.Contains(c.Str("reference"), intro.Str("body"), StringComparison.Ordinal);
        Assert.Contains("est désormais suivie par Lukas Weber", intro.Str("body"), StringComparison.Ordinal);
        Assert.Equal(outbox + 1, await server.ReadDbAsync(db => db.Outbox.CountAsync()));
        Assert.Equal("Lukas Weber", owned["promises"]!.AsArray().Single(p => p!.Str("id") == promise.Str("id"))!.Str("owner.name"));
    }

    [Fact]
    public async Task A_transfer_to_a_person_gives_them_the_case_and_its_promises_and_a_note_is_required()
    {
        server.SkipIfUnavailable();
        var (_, colleague) = await PeopleAsync();
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("transfer.person@example.fr"));
        var id = c.Str("id");
        (await server.Api.PostJsonAsync($"/api/cases/{id}/transfer", new { agentId = colleague })).AssertProblemNames(400, "note");
        (await server.Api.PostJsonAsync($"/api/cases/{id}/transfer", new { agentId = 999999, note = "x" })).AssertProblemNames(400, "agentId");

        var (moved, transferred) = await server.Api.PostJsonAsync($"/api/cases/{id}/transfer", new { agentId = colleague, note = "Inès connaît ce client." });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("Inès Colin", transferred.Str("owner.name"));
        Assert.All(transferred["promises"]!.AsArray().Where(p => p!.Str("state") == "open"), p => Assert.Equal("Inès Colin", p!.Str("owner.name")));
        // Nobody had answered the customer yet: no introduction.
        Assert.DoesNotContain(transferred["messages"]!.AsArray(), m => m!.Str("kind") == "contactChange");
        Assert.Contains(transferred["events"]!.AsArray(), e => e!.Str("kind") == "transferred" && e!.Str("to").Contains("Inès Colin", StringComparison.Ordinal));
    }
}

public sealed class TransfersOnSqlite(SqliteServer server) : TransferTests(server), IClassFixture<SqliteServer>;
public sealed class TransfersOnPostgres(PostgresServer server) : TransferTests(server), IClassFixture<PostgresServer>;
