using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Promises;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Promises;

/// <summary>
/// SPEC P3, P6: the watcher with a fake clock, on each database. These tests move time, so each
/// gets a server (and database) of its own.
/// </summary>
public abstract class PromiseWatcherTests
{
    private GuichetServer server = null!;

    protected abstract GuichetServer NewServer();

    private async Task<GuichetServer> StartAsync()
    {
        server = NewServer();
        await server.InitializeAsync();
        return server;
    }

    private static readonly DateTimeOffset Due = new(2026, 12, 1, 15, 0, 0, TimeSpan.Zero); // Tuesday 16:00 Paris

    private async Task<long> OpenAsync(string email)
    {
        var (_, body) = await server.Api.PostJsonAsync("/api/cases", Contacts.French(email));
        return long.Parse(body.Str("id"), System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<Promise> FirstResponseAsync(long caseId) => server.ReadDbAsync(db =>
        db.Promises.Include(p => p.Renegotiations).SingleAsync(p => p.CaseId == caseId && p.Kind == PromiseKind.FirstResponse && p.CreatedAt == db.Promises.Where(q => q.CaseId == caseId).Min(q => q.CreatedAt)));

    private Task<List<Message>> NoticesAsync(long caseId) => server.ReadDbAsync(db =>
        db.Messages.Where(m => m.CaseId == caseId && m.IsAutomatic && m.Body.Contains("désolés")).OrderBy(m => m.Id).ToListAsync());

    [Fact]
    public async Task A_running_promise_is_renegotiated_before_its_due_time_with_exactly_one_notice()
    {
        await using var _ = await StartAsync();
        server.SkipIfUnavailable();
        await server.AddAgentAsync("lead@guichet.test", "Léa Lead", AgentRole.Lead);
        var caseId = await OpenAsync("watch.one@example.fr");

        // Half an hour at a time from Friday 16:00 to Tuesday 15:30, the watcher running at each step.
        while (server.Clock.GetUtcNow() < Due.AddMinutes(-30))
        {
            await server.AdvanceAsync(TimeSpan.FromMinutes(30));
        }

        var promise = await FirstResponseAsync(caseId);
        Assert.Equal(PromiseState.Renegotiated, promise.State);
        var renegotiation = Assert.Single(promise.Renegotiations);
        Assert.Equal(Due, renegotiation.OldDueAt);
        Assert.Equal(Due.AddDays(2), renegotiation.NewDueAt); // Thursday 16:00 Paris
        var notice = Assert.Single(await NoticesAsync(caseId));
        Assert.Equal(renegotiation.NoticeMessageId, notice.Id);
        // Four business hours before the due time, inside business hours: Tuesday 12:00 Paris.
        Assert.Equal(Due.AddHours(-4), notice.CreatedAt);
        Assert.Contains("jeudi 3 décembre à 16:00", notice.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("grève", notice.Body, StringComparison.Ordinal);

        // The lead (the promise has no owner yet) was alerted first, inside their working hours.
        var alerts = await server.ReadDbAsync(db => db.Notifications.Where(n => n.CaseId == caseId).ToListAsync());
        var alert = Assert.Single(alerts);
        Assert.True(alert.CreatedAt < notice.CreatedAt);
        var paris = NodaTime.DateTimeZoneProviders.Tzdb["Europe/Paris"];
        var local = NodaTime.Instant.FromDateTimeOffset(alert.CreatedAt).InZone(paris);
        Assert.InRange(local.Hour, 9, 16);
        Assert.True(local.DayOfWeek < NodaTime.IsoDayOfWeek.Saturday);
        var metrics = (await server.Api.GetJsonAsync("/api/metrics/promises")).Body;
        Assert.Equal("0", metrics.Str("silentBreaches"));
    }

    [Fact]
    public async Task A_restart_after_the_notice_sends_no_second_notice()
    {
        await using var _ = await StartAsync();
        server.SkipIfUnavailable();
        var caseId = await OpenAsync("watch.restart@example.fr");
        await server.AdvanceAsync(Due.AddMinutes(-150) - server.Clock.GetUtcNow()); // Tuesday 13:30 Paris
        Assert.Single(await NoticesAsync(caseId));

        await server.RestartAsync(server.Clock.GetUtcNow());
        await server.AdvanceAsync(TimeSpan.FromMinutes(30));
        await server.AdvanceAsync(TimeSpan.FromMinutes(30));

        Assert.Single(await NoticesAsync(caseId));
        Assert.Single((await FirstResponseAsync(caseId)).Renegotiations);
    }

    [Fact]
    public async Task Promises_that_lapsed_while_the_server_was_down_are_broken_counted_and_told_at_start_oldest_first()
    {
        await using var _ = await StartAsync();
        server.SkipIfUnavailable();
        var older = await OpenAsync("watch.down1@example.fr");
        await server.AdvanceAsync(TimeSpan.FromHours(1));
        var newer = await OpenAsync("watch.down2@example.fr");

        // Down for ten days; the watcher runs once as the server starts.
        await server.RestartAsync(server.Clock.GetUtcNow().AddDays(10));
        var olderApology = await WaitForAsync(() => NoticesAsync(older));
        var newerApology = await WaitForAsync(() => NoticesAsync(newer));

        Assert.True(olderApology.Id < newerApology.Id, "the oldest lapse is handled first");
        Assert.Contains("pas revenus vers vous à temps", olderApology.Body, StringComparison.Ordinal);
        var promises = await server.ReadDbAsync(db => db.Promises.Where(p => p.CaseId == older).OrderBy(p => p.Id).ToListAsync());
        Assert.Equal(PromiseState.Broken, promises[0].State);
        Assert.True(promises[0].SilentBreach);
        Assert.Equal(PromiseState.Open, promises[1].State);
        Assert.Equal(promises[1].Id, olderApology.PromiseId);
        Assert.True(promises[1].DueAt > server.Clock.GetUtcNow());
        var metrics = (await server.Api.GetJsonAsync("/api/metrics/promises")).Body;
        Assert.True(int.Parse(metrics.Str("broken"), System.Globalization.CultureInfo.InvariantCulture) >= 2);
        Assert.True(int.Parse(metrics.Str("silentBreaches"), System.Globalization.CultureInfo.InvariantCulture) >= 2);
    }

    [Fact]
    public async Task Keeping_a_promise_in_time_stops_the_watcher_from_telling_the_customer_anything()
    {
        await using var _ = await StartAsync();
        server.SkipIfUnavailable();
        var caseId = await OpenAsync("watch.kept@example.fr");
        // A commitment stated in the reply itself, due Monday 12:00 Paris.
        var (reply, _) = await server.Api.PostJsonAsync($"/api/cases/{caseId}/messages", new
        {
            direction = "out",
            body = "Bonjour Julien Rio, je vous rappelle lundi avant midi.",
            promise = new { what = "Rappeler le client", dueAt = "2026-11-30T12:00:00+01:00" },
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, reply.StatusCode);
        var commitment = await server.ReadDbAsync(db => db.Promises.SingleAsync(p => p.CaseId == caseId && p.Kind == PromiseKind.Commitment));
        await server.Api.PostJsonAsync($"/api/promises/{commitment.Id}/keep", new { });
        await server.AdvanceAsync(TimeSpan.FromDays(6));
        Assert.Empty(await NoticesAsync(caseId));
        var kept = await server.ReadDbAsync(db => db.Promises.Where(p => p.CaseId == caseId).ToListAsync());
        Assert.All(kept, p => Assert.Equal(PromiseState.Kept, p.State));
        Assert.All(kept, p => Assert.Null(p.NextActionAt));
    }

    [Fact]
    public async Task Near_the_ceiling_the_lead_is_alerted_and_going_past_it_waits_for_a_manager()
    {
        await using var _ = await StartAsync();
        server.SkipIfUnavailable();
        // A four-day ceiling: alert at 75 % (Monday 16:00 Paris), ceiling Tuesday 16:00, the first answer's due time.
        await server.ReadDbAsync(db => db.Teams.ExecuteUpdateAsync(t => t.SetProperty(x => x.CeilingDays, 4)));
        var lead = await server.AddAgentAsync("lead.ceiling@guichet.test", "Léa Lead", AgentRole.Lead);
        var manager = await server.AddAgentAsync("manager.ceiling@guichet.test", "Max Manager", AgentRole.Manager);
        var caseId = await OpenAsync("watch.ceiling@example.fr");

        while (server.Clock.GetUtcNow() < Due.AddHours(-2))
        {
            await server.AdvanceAsync(TimeSpan.FromHours(1));
        }
        var notes = await server.ReadDbAsync(db => db.Notifications.Where(n => n.CaseId == caseId).OrderBy(n => n.Id).ToListAsync());
        var near = Assert.Single(notes, n => n.Kind == Core.Notifications.NotificationKind.CeilingNear);
        Assert.Equal(lead, near.AgentId);
        Assert.Equal(Due.AddDays(-1), near.CreatedAt);
        var ask = Assert.Single(notes, n => n.Kind == Core.Notifications.NotificationKind.CeilingApprovalNeeded);
        Assert.Equal(manager, ask.AgentId);
        // No date past the ceiling was given to the customer without approval.
        Assert.Empty(await NoticesAsync(caseId));

        var (approved, body) = await server.Api.PostJsonAsync($"/api/cases/{caseId}/ceiling-approval", new { until = "2026-12-11T18:00:00+01:00", reason = "Remboursement en attente du service financier" });
        Assert.Equal(System.Net.HttpStatusCode.OK, approved.StatusCode);
        Assert.Contains(body["events"]!.AsArray(), e => e!.Str("kind") == "ceilingApproved");
        // The notice waited for a manager until the last hour before the due time: it goes then, with the approved room.
        await server.AdvanceAsync(TimeSpan.FromMinutes(75));
        var notice = Assert.Single(await NoticesAsync(caseId));
        Assert.Contains("jeudi 3 décembre à 16:00", notice.Body, StringComparison.Ordinal);
        Assert.Equal("0", (await server.Api.GetJsonAsync("/api/metrics/promises")).Body.Str("silentBreaches"));
        (await server.Api.PostJsonAsync($"/api/cases/{caseId}/ceiling-approval", new { until = "2026-12-01T18:00:00+01:00" })).AssertProblemNames(400, "until");
    }

    [Fact]
    public async Task At_the_ceiling_with_no_approval_the_case_goes_to_a_manager_and_the_customer_is_told_by_when()
    {
        await using var _ = await StartAsync();
        server.SkipIfUnavailable();
        // Ceiling Tuesday 16:00 Paris, the first answer's due time; nobody answers and no manager approves.
        await server.ReadDbAsync(db => db.Teams.ExecuteUpdateAsync(t => t.SetProperty(x => x.CeilingDays, 4)));
        var manager = await server.AddAgentAsync("manager.handover@guichet.test", "Max Manager", AgentRole.Manager);
        var caseId = await OpenAsync("watch.handover@example.fr");
        while (server.Clock.GetUtcNow() < Due.AddHours(6))
        {
            await server.AdvanceAsync(TimeSpan.FromMinutes(30));
        }

        var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal("Max Manager", c.Str("owner.name"));
        Assert.Contains(c["events"]!.AsArray(), e => e!.Str("kind") == "ceilingHandedOver" && e!.Str("detail") == "Max Manager");
        // The customer was told, before the due time, who has the case now and by when: the manager's next business day.
        var told = await server.ReadDbAsync(db => db.Messages.Where(m => m.CaseId == caseId && m.IsAutomatic && m.Body.Contains("Max Manager")).ToListAsync());
        var notice = Assert.Single(told);
        Assert.True(notice.CreatedAt < Due);
        Assert.Contains("mercredi 2 décembre à 16:00", notice.Body, StringComparison.Ordinal);
        var promise = await FirstResponseAsync(caseId);
        Assert.Equal((manager, new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero)), (promise.OwnerId!.Value, promise.DueAt));
        Assert.Equal("0", (await server.Api.GetJsonAsync("/api/metrics/promises")).Body.Str("silentBreaches"));
        Assert.Contains(await server.ReadDbAsync(db => db.Notifications.Where(n => n.CaseId == caseId).ToListAsync()),
            n => n.Kind == Core.Notifications.NotificationKind.CeilingHandedOver && n.AgentId == manager);
    }

    private static async Task<Message> WaitForAsync(Func<Task<List<Message>>> read)
    {
        // The start-up pass runs in the background: wait for its commit, not for wall time.
        for (var i = 0; i < 200; i++)
        {
            var found = await read();
            if (found.Count > 0)
            {
                return Assert.Single(found);
            }
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        Assert.Fail("the watcher did not handle the lapse at start");
        return null!;
    }
}

public sealed class PromiseWatcherOnSqlite : PromiseWatcherTests
{
    protected override GuichetServer NewServer() => new SqliteServer();
}

public sealed class PromiseWatcherOnPostgres : PromiseWatcherTests
{
    protected override GuichetServer NewServer() => new PostgresServer();
}
