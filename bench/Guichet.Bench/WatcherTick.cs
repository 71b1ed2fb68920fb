using BenchmarkDotNet.Attributes;
using Guichet.Core;
using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Guichet.Core.Promises;
using Guichet.Core.Teams;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Guichet.Bench;

/// <summary>
/// Issue 3: one watcher tick with many open promises of which 100 are due. The tick must cost
/// the same whatever the number of promises that are not due, because it reads the
/// NextActionAt index, not every open promise.
/// </summary>
[MemoryDiagnoser]
public class WatcherTick
{
    private const int Due = 100;
    private static readonly DateTimeOffset Now = new(2027, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private string _folder = "";
    private DbContextOptions<SqliteGuichetDb> _options = null!;
    private FakeTimeProvider _clock = null!;
    private List<long> _due = [];

    [Params(10_000, 100_000, 1_000_000)]
    public int OpenPromises { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("guichet-bench-").FullName;
        _options = new DbContextOptionsBuilder<SqliteGuichetDb>().UseSqlite($"Data Source={Path.Combine(_folder, "bench.db")}").Options;
        _clock = new FakeTimeProvider(Now);
        using var db = new SqliteGuichetDb(_options);
        db.Database.Migrate();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");

        var team = new Team { Slug = "desk", Name = "Desk", TimeZone = "Europe/Paris", Hours = "mon-fri 09:00-17:00", IsDefault = true };
        var customer = new Customer { Name = "Bench Customer", CreatedAt = Now.AddDays(-1) };
        customer.Identities.Add(new CustomerIdentity { Kind = IdentityKind.Email, Value = "bench@example.test" });
        db.AddRange(team, customer);
        // The promises that are due each sit on a case of their own, as in life.
        var dueCases = Enumerable.Range(0, Due).Select(i => Case.Open(team, customer, $"Due {i}", Channel.Email, Now.AddDays(-2))).ToList();
        var holder = Case.Open(team, customer, "Holds the promises that are not due", Channel.Email, Now.AddDays(-2));
        db.Cases.AddRange(dueCases);
        db.Cases.Add(holder);
        db.SaveChanges();
        foreach (var c in dueCases.Append(holder))
        {
            c.Reference = Case.FormatReference(c.Id, c.CreatedAt);
        }
        db.SaveChanges();

        InsertPromises(holder.Id, OpenPromises - Due, Now.AddDays(3));
        _due = dueCases.Select(c => c.Id).ToList();
        InsertDuePromises();
    }

    [IterationSetup]
    public void ResetDuePromises()
    {
        using var db = new SqliteGuichetDb(_options);
        db.Database.ExecuteSqlRaw("DELETE FROM \"Promises\" WHERE \"CaseId\" IN (SELECT \"Id\" FROM \"Cases\" WHERE \"Subject\" LIKE 'Due %')");
        InsertDuePromises();
    }

    [Benchmark(Description = "tick with 100 due")]
    public int TickWithHundredDue()
    {
        using var db = new SqliteGuichetDb(_options);
        var pass = new PromiseWatcher(db, _clock, NullLogger<PromiseWatcher>.Instance).RunDueAsync(default).GetAwaiter().GetResult();
        return pass.Promises == Due ? pass.Promises : throw new InvalidOperationException($"expected {Due} due, handled {pass.Promises}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private void InsertDuePromises()
    {
        using var connection = Open();
        using var tx = connection.BeginTransaction();
        foreach (var caseId in _due)
        {
            Insert(connection, caseId, Now.AddHours(2), Now.AddMinutes(-1));
        }
        tx.Commit();
    }

    private void InsertPromises(long caseId, int count, DateTimeOffset dueAt)
    {
        using var connection = Open();
        for (var done = 0; done < count;)
        {
            using var tx = connection.BeginTransaction();
            for (var i = 0; i < 50_000 && done < count; i++, done++)
            {
                // Spread their next action over the coming days so the index holds a realistic range.
                Insert(connection, caseId, dueAt.AddMinutes(done % 5000), dueAt.AddMinutes((done % 5000) - 240));
            }
            tx.Commit();
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "bench.db")}");
        connection.Open();
        return connection;
    }

    private static long Micros(DateTimeOffset t) => (t.UtcTicks - DateTimeOffset.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;

    private static void Insert(SqliteConnection connection, long caseId, DateTimeOffset due, DateTimeOffset next)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO "Promises" ("CaseId","Kind","What","CreatedAt","DueAt","State","ToConfirm","SilentBreach","ScheduledFrom","NoticeAt","NextActionAt")
            VALUES ($case,'FirstResponse','First answer from a person',$created,$due,'Open',0,0,$created,$next,$next)
            """;
        command.Parameters.AddWithValue("$case", caseId);
        command.Parameters.AddWithValue("$created", Micros(Now.AddDays(-2)));
        command.Parameters.AddWithValue("$due", Micros(due));
        command.Parameters.AddWithValue("$next", Micros(next));
        command.ExecuteNonQuery();
    }
}
