using System.Diagnostics;
using Guichet.Core;
using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Guichet.Core.Metrics;
using Guichet.Core.Promises;
using Guichet.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Bench;

/// <summary>
/// Issue 9: how long the dashboard's figures take (ServiceFigures: effort, parity, promise
/// keeping, forecast, surveys, journeys) over 30 days of a busy desk on SQLite: N cases from 4
/// teams and 12 agents, one to three contacts each on mixed channels, an acknowledgment and its
/// promise, an answer, transfers and re-explanations, half resolved; plus as many outreach cases,
/// which every figure must skip through the (Origin, CreatedAt) index.
/// </summary>
public static class FiguresLoad
{
    private static readonly Channel[] Channels = [Channel.Email, Channel.Email, Channel.Portal, Channel.Chat, Channel.Phone, Channel.Social];

    public static async Task RunAsync(string folder, int cases, int reads)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "figures.db");
        var reuse = File.Exists(file) && Environment.GetEnvironmentVariable("GUICHET_BENCH_REUSE") == "1";
        if (!reuse)
        {
            File.Delete(file);
        }
        // As the server opens its SQLite connections.
        var builder = new DbContextOptionsBuilder<SqliteGuichetDb>().UseSqlite($"Data Source={file}").AddInterceptors(SqlitePragmas.Durable);
        if (Environment.GetEnvironmentVariable("GUICHET_BENCH_SQL") == "1")
        {
            builder.LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]);
        }
        var options = builder.Options;
        var end = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        var start = end.AddDays(-30);
        var random = new Random(9);

        var load = Stopwatch.StartNew();
        if (!reuse)
        {
            await LoadAsync(options, cases, start, end, random);
        }
        Console.WriteLine($"loaded {cases:N0} customer cases and {cases:N0} outreach cases in {load.Elapsed.TotalSeconds:N1} s ({new FileInfo(file).Length / 1024 / 1024:N0} MB)");

        var clock = new FixedClock(end);
        var filter = new MetricFilter(start, end);
        var times = new List<double>();
        var process = Process.GetCurrentProcess();
        ServiceFigures? figures = null;
        for (var r = 0; r < reads; r++)
        {
            await using var db = new SqliteGuichetDb(options);
            var watch = Stopwatch.StartNew();
            figures = await ServiceFigures.ReadAsync(db, clock, filter, r % 2 == 0 ? MetricGrouping.Team : MetricGrouping.Day);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        process.Refresh();
        times.Sort();
        // Where the time goes: each read on its own.
        await using (var db = new SqliteGuichetDb(options))
        {
            async Task Part(string name, Func<Task> read)
            {
                var watch = Stopwatch.StartNew();
                await read();
                Console.WriteLine($"  {name}: {watch.Elapsed.TotalMilliseconds:N0} ms");
            }
            await Part("cases and contacts (effort, parity)", () => CaseEfforts.ReadAsync(db, filter));
            await Part("the sums from the rows (effort, promises, surveys)", () => FigureParts.ReadLiveAsync(db, filter, default));
            await Part("forecast", () => PromiseForecast.ReadAsync(db, clock, null, null));
            await Part("journeys", () => JourneyFigures.ReadAsync(db, filter));
        }
        Console.WriteLine($"figures over {figures!.Effort.Cases:N0} cases ({figures.Effort.Contacts:N0} contacts, {figures.Promises.Made:N0} promises): " +
            $"slowest {times[^1]:N0} ms, median {times[times.Count / 2]:N0} ms, best {times[0]:N0} ms; peak working set {process.PeakWorkingSet64 / 1024 / 1024:N0} MB");
    }

    private static async Task LoadAsync(DbContextOptions<SqliteGuichetDb> options, int cases, DateTimeOffset start, DateTimeOffset end, Random random)
    {
        await using var db = new SqliteGuichetDb(options);
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var teams = Enumerable.Range(0, 4).Select(i => new Team { Slug = $"team{i}", Name = $"Team {i}", TimeZone = "Europe/Paris", Hours = "mon-fri 09:00-17:00", IsDefault = i == 0 }).ToList();
        db.Teams.AddRange(teams);
        db.Agents.AddRange(Enumerable.Range(0, 12).Select(i => new Agent { Email = $"agent{i}@bench.test", Name = $"Agent {i}", Team = teams[i % 4], PasswordHash = "x" }));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        for (var batch = 0; batch * 500 < cases * 2; batch++)
        {
            teams = await db.Teams.ToListAsync();
            var agents = await db.Agents.ToListAsync();
            for (var i = batch * 500; i < Math.Min(cases * 2, (batch + 1) * 500); i++)
            {
                var opened = start.AddSeconds(random.NextDouble() * (end - start).TotalSeconds);
                var team = teams[random.Next(teams.Count)];
                var customer = new Customer { Name = $"Client {i}", CreatedAt = opened };
                if (i % 2 == 1)
                {
                    // An incident's outreach: settled as it opens, never in the figures.
                    db.Cases.Add(Case.Outreach(team, customer, "Incident", "delay", opened));
                    continue;
                }
                var channel = Channels[random.Next(Channels.Length)];
                var @case = Case.Open(team, customer, "Demande", channel, opened);
                @case.Messages.Add(Message.Contact(channel, "Bonjour, ma commande n'est pas arrivée.", customer.Name, null, opened));
                @case.RecordCustomerContact(opened);
                var promise = Promise.Make(@case, PromiseKind.FirstResponse, OpenCase.FirstResponseWhat, opened.AddDays(2), null, false, opened);
                @case.Messages.Add(new Message { Direction = MessageDirection.Out, Kind = MessageKind.Acknowledgment, Channel = channel, Body = "Nous vous répondons au plus tard…", AuthorName = team.Name, IsAutomatic = true, CreatedAt = opened, Promise = promise });
                var at = opened;
                for (var again = random.Next(3); again > 0; again--)
                {
                    at = at.AddHours(random.Next(1, 30));
                    var next = random.Next(4) == 0 ? Channels[random.Next(Channels.Length)] : channel;
                    @case.Messages.Add(Message.Contact(next, "Toujours rien ?", customer.Name, null, at));
                    @case.RecordCustomerContact(at);
                }
                if (random.Next(8) == 0)
                {
                    @case.TransferTo(teams[(teams.IndexOf(team) + 1) % teams.Count], null, "bench", null, at);
                }
                if (random.Next(10) == 0)
                {
                    @case.RecordReExplanation(0.8, 0, at);
                }
                if (random.Next(5) > 0)
                {
                    var agent = agents[random.Next(agents.Count)];
                    at = at.AddHours(random.Next(1, 72));
                    @case.Messages.Add(new Message { Direction = MessageDirection.Out, Channel = channel, Body = "Bonjour, c'est réglé.", AuthorName = agent.Name, Author = agent, CreatedAt = at });
                    @case.AnsweredBy(agent, at);
                    if (random.Next(2) == 0)
                    {
                        @case.Resolve(agent, at.AddHours(random.Next(1, 48)));
                    }
                }
                db.Cases.Add(@case);
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
