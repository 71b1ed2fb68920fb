using Guichet.Core.Cases;
using Guichet.Core.Metrics;
using Guichet.Core.Promises;
using Guichet.Features.Demo;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.IntegrationTests.Demo;

/// <summary>The demo tells its story on either database, once, with no silent breach.</summary>
public abstract class DemoDataTests(GuichetServer server)
{
    [Fact]
    public async Task The_demo_loads_once_and_tells_the_Lufthansa_story()
    {
        server.SkipIfUnavailable();
        // Started with --demo; loading again (a restart with --demo) adds nothing.
        var logins = await DemoData.LoadAsync(server.Services, TestContext.Current.CancellationToken);
        Assert.Contains(logins, l => l.Role == "Manager");

        await server.ReadDbAsync(async db =>
        {
            Assert.Equal(4, await db.Teams.CountAsync());
            var rio = await db.Cases.Include(c => c.Events).Include(c => c.Promises).Include(c => c.Messages)
                .SingleAsync(c => c.Customer.Name == "Julien Rio");
            Assert.Contains(rio.Events, e => e.Kind == CaseEventKind.Transferred);
            Assert.Contains(rio.Promises, p => p.State == PromiseState.Renegotiated);
            Assert.True(rio.Messages.Count(m => m.Direction == MessageDirection.In) >= 2);
            Assert.Equal(CasePriority.Urgent, rio.Priority); // lost baggage: the service manager at once (E2)
            var counts = await PromiseCounts.ReadAsync(db, server.Services.GetRequiredService<TimeProvider>());
            Assert.Equal(0, counts.SilentBreaches);
            Assert.True(await db.Cases.CountAsync(c => c.Status == CaseStatus.Resolved) >= 1);
            return 0;
        });
    }

    [Fact]
    public async Task The_READMEs_tour_holds_for_the_people_it_names()
    {
        server.SkipIfUnavailable();
        var (rio, carter) = await server.ReadDbAsync(async db => (
            await db.Cases.Where(c => c.Customer.Name == "Julien Rio").Select(c => c.Id).SingleAsync(),
            await db.Cases.Where(c => c.Customer.Name == "Emily Carter").Select(c => c.Id).SingleAsync()));

        // Claire answered Julien Rio, made his refund promise and sent the case to Bagages: she still reads it (K2).
        using var claire = await SignInAsync("claire@demo.guichet");
        var (status, html, _) = await claire.GetAsync($"/cases/{rio}");
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Contains("Décision sur le remboursement", html, StringComparison.Ordinal);
        // Emily Carter's case is the North America team's, and the tour sends Emma to it.
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await claire.GetAsync($"/cases/{carter}")).Status);
        using var emma = await SignInAsync("emma@demo.guichet");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await emma.GetAsync($"/cases/{carter}")).Status);
    }

    private async Task<Browserless> SignInAsync(string email)
    {
        var browser = Browserless.Anonymous(server);
        var (status, _, location) = await browser.PostFormAsync("/login", "/login", new() { ["email"] = email, ["password"] = "guichet" });
        Assert.Equal((System.Net.HttpStatusCode.Redirect, "/"), (status, location));
        return browser;
    }
}

public sealed class DemoDataOnSqlite(SqliteDemoServer server) : DemoDataTests(server), IClassFixture<SqliteDemoServer>;
public sealed class DemoDataOnPostgres(PostgresDemoServer server) : DemoDataTests(server), IClassFixture<PostgresDemoServer>;

public sealed class DemoAtAnyTimeTests
{
    [Theory]
    [InlineData("2026-11-23T02:56:00Z")] // Monday night: the last office morning was Friday
    [InlineData("2026-11-28T11:00:00Z")] // Saturday noon
    [InlineData("2027-03-28T01:30:00Z")] // the night Paris moves to summer time
    [InlineData("2026-12-25T09:00:00Z")] // Christmas
    public async Task The_demo_loads_whenever_it_is_started_and_breaks_no_promise(string start)
    {
        await using var server = new SqliteDemoServerAt(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        await server.InitializeAsync();
        var counts = await server.ReadDbAsync(db => PromiseCounts.ReadAsync(db, server.Services.GetRequiredService<TimeProvider>()));
        Assert.Equal(0, counts.SilentBreaches);
        // The story's five cases; the demo's test journey may have opened its own by now (M5).
        Assert.Equal(5, await server.ReadDbAsync(db => db.Cases.CountAsync(c => c.Origin != Core.Cases.CaseOrigin.TestJourney)));
    }
}
