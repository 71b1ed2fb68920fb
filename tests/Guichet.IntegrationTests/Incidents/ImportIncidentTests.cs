using Guichet.Core.Data;
using Guichet.Hosting;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Incidents;

/// <summary>`guichet import incident FILE.csv`: the same operation as the server, twice on one list reaches nobody twice.</summary>
[Collection(InProcessCli.Name)]
public sealed class ImportIncidentTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "guichet-incident-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_list_declared_and_imported_twice_queues_one_apology_per_customer()
    {
        Directory.CreateDirectory(_root);
        var data = Path.Combine(_root, "data");
        var list = Path.Combine(_root, "passagers.csv");
        var rows = Enumerable.Range(0, 2500).Select(i => $"p{i}@cli.test,Passager {i},{(i % 2 == 0 ? "fr" : "en")},standard,{100 + i % 50}.00");
        await File.WriteAllLinesAsync(list, ["email,name,language,tier,paid", .. rows], TestContext.Current.CancellationToken);

        Assert.Equal(0, await GuichetCli.Build().Parse(["import", "incident", list, "--data", data, "--kind", "delay", "--title", "le vol AF1234 a eu 3 h de retard"])
            .InvokeAsync(cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(0, await GuichetCli.Build().Parse(["import", "incident", list, "--data", data, "--incident", "1"])
            .InvokeAsync(cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(2, await GuichetCli.Build().Parse(["import", "incident", list, "--data", data])
            .InvokeAsync(cancellationToken: TestContext.Current.CancellationToken));

        await using var db = new SqliteGuichetDb(new DbContextOptionsBuilder<SqliteGuichetDb>().UseSqlite(DatabaseSetup.SqliteConnectionString(data)).Options);
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(2500, await db.Outbox.CountAsync(ct));
        Assert.Equal(2500, await db.IncidentRecipients.CountAsync(ct));
        Assert.Equal(2500, await db.GoodwillEntries.CountAsync(ct));
        Assert.Equal(2500, await db.Customers.CountAsync(c => c.Name.StartsWith("Passager"), ct));
        var lists = await db.IncidentLists.OrderBy(l => l.Id).ToListAsync(ct);
        Assert.Equal([(2500, 0), (0, 2500)], lists.Select(l => (l.Reached, l.AlreadyReached)));
        Assert.All(lists, l => Assert.Equal("Administrateur API", l.SentBy));
        // Every case has its reference, made of its own number.
        var references = await db.Cases.Select(c => new { c.Id, c.Reference, c.CreatedAt }).ToListAsync(ct);
        Assert.All(references, c => Assert.Equal(Core.Cases.Case.FormatReference(c.Id, c.CreatedAt), c.Reference));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
