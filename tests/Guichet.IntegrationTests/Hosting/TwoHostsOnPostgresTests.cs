using Guichet.Features.Promises;
using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Hosting;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.IntegrationTests.Hosting;

/// <summary>
/// Many stateless servers on one PostgreSQL: the watcher's claim (FOR UPDATE SKIP LOCKED) must
/// give every deadline exactly one notice however the work is split. SQLite runs one watcher.
/// </summary>
public sealed class TwoHostsOnPostgresTests
{
    private const int Promises = 1000;

    [Fact]
    public async Task Two_servers_on_one_database_send_exactly_one_notice_per_deadline_over_1000_promises()
    {
        await using var first = new PostgresServer();
        await first.InitializeAsync();
        first.SkipIfUnavailable();
        for (var i = 0; i < Promises; i++)
        {
            await using var scope = first.Services.CreateAsyncScope();
            var opened = await scope.ServiceProvider.GetRequiredService<OpenCase>().RunAsync(new OpenCaseRequest(
                new CustomerContact($"Client {i}", $"client{i}@example.fr", Language: "fr"), "email", "Vol annulé pendant la grève", "Où en est ma demande ?", null),
                TestContext.Current.CancellationToken);
            Assert.True(opened.Succeeded);
        }

        var second = await first.StartAnotherHostAsync(first.Clock.GetUtcNow());
        try
        {
            // Both clocks to Tuesday 12:30 Paris: every first answer is due at 16:00 and none was given.
            var by = new DateTimeOffset(2026, 12, 1, 11, 30, 0, TimeSpan.Zero) - first.Clock.GetUtcNow();
            first.Clock.Advance(by);
            ((AdjustableClock)second.Services.GetRequiredService<TimeProvider>()).Advance(by);
            var a = first.Services.GetRequiredService<PromiseWatcherService>();
            var b = second.Services.GetRequiredService<PromiseWatcherService>();
            var ct = TestContext.Current.CancellationToken;
            await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(_ => new[] { Task.Run(() => a.RunDueAsync(ct), ct), Task.Run(() => b.RunDueAsync(ct), ct) }));

            var perPromise = await first.ReadDbAsync(db => db.PromiseRenegotiations.GroupBy(r => r.PromiseId).Select(g => g.Count()).ToListAsync(ct));
            Assert.Equal(Promises, perPromise.Count);
            Assert.All(perPromise, n => Assert.Equal(1, n));
            var notices = await first.ReadDbAsync(db => db.Messages.CountAsync(m => m.IsAutomatic && m.Body.Contains("désolés"), ct));
            Assert.Equal(Promises, notices);
            var queued = await first.ReadDbAsync(db => db.Outbox.CountAsync(ct));
            Assert.Equal(2 * Promises, queued);
        }
        finally
        {
            await second.StopAsync(TestContext.Current.CancellationToken);
            await second.DisposeAsync();
        }
    }
}
