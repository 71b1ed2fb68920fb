using System.Data.Common;
using System.Globalization;
using Guichet.Core;
using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Guichet.Core.Goodwill;
using Guichet.Core.Incidents;
using Guichet.Core.Promises;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Data;

/// <summary>
/// Rows written in bulk by <see cref="ModelRows.InsertManyAsync{T}"/> (incident outreach, imports;
/// on SQLite bound by position through SQLitePCL since issue 29) are, column for column and type
/// for type, the rows EF Core writes for the same entities: texts, integers, booleans, enums,
/// instants, nulls, a foreign key given only by a navigation or by <c>set</c>.
/// </summary>
public abstract class ModelRowsTests(GuichetServer server)
{
    [Fact]
    public async Task Rows_written_in_bulk_are_the_rows_EF_Core_writes_for_the_same_entities()
    {
        server.SkipIfUnavailable();
        await server.ReadDbAsync(async db =>
        {
            var team = await db.Teams.OrderBy(t => t.Id).FirstAsync();
            var agent = await db.Agents.OrderBy(a => a.Id).FirstAsync();
            var now = server.Clock.GetUtcNow();
            var at = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(8_901_234);
            Customer NewCustomer() => new() { Name = "Zoë d'Arcy", Salutation = null, Language = "en", PostalCode = "75011", CreatedAt = at, UpdatedAt = now };
            Case NewCase(long customerId) => Case.Imported(team, customerId, "Valise « perdue »", Channel.Phone, CaseStatus.Resolved, CasePriority.Urgent, agent.Id, at, at.AddHours(3), at.AddHours(3), now);

            var incident = await IncidentAsync(db, at);
            var (byEf, inBulk) = (NewCustomer(), NewCustomer());
            db.Customers.Add(byEf);
            await db.SaveChangesAsync();
            var efCase = NewCase(byEf.Id);
            efCase.Reference = "EF-1";
            db.Cases.Add(efCase);
            await db.SaveChangesAsync();
            var efMessage = Message.Contact(Channel.Phone, "Bonjour,\nma valise n'est pas arrivée.", "Zoë", null, at);
            efMessage.CaseId = efCase.Id;
            var efPromise = Promise.Make(efCase, PromiseKind.FirstResponse, "Vous répondre", at.AddDays(1), agent, toConfirm: true, at);
            var efEntry = Entry(efCase.Id, agent.Id, team.Id, at);
            var efRecipient = new IncidentRecipient { IncidentId = incident, CustomerId = byEf.Id, CaseId = efCase.Id, At = at, OnExistingCase = true };
            // The promise is saved through its case (Promise.Make adds it there, with its event).
            db.AddRange(efMessage, efEntry, efRecipient);
            efCase.Events.Add(CaseEvent.Create(CaseEventKind.Note, at, agent, null, "ouvert", "détail"));
            await db.SaveChangesAsync();
            var efEvent = efCase.Events.Single(e => e.Kind == CaseEventKind.Note);
            db.ChangeTracker.Clear();

            var bulkCase = NewCase(0);
            var bulkMessage = Message.Contact(Channel.Phone, "Bonjour,\nma valise n'est pas arrivée.", "Zoë", null, at);
            var bulkPromise = Promise.Make(bulkCase, PromiseKind.FirstResponse, "Vous répondre", at.AddDays(1), agent, toConfirm: true, at);
            var others = Enumerable.Range(0, 2).Select(_ => Message.Contact(Channel.Phone, "Bonjour,\nma valise n'est pas arrivée.", "Zoë", null, at)).ToList();
            var bulkEvent = CaseEvent.Create(CaseEventKind.Note, at, agent, null, "ouvert", "détail");
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await using var rows = new ModelRows(db);
                // Three rows a call: keys reserved for several, the statement reset between rows.
                await rows.InsertManyAsync([inBulk, NewCustomer(), NewCustomer()], default);
                await rows.InsertManyAsync([bulkCase], default, keyed: c => c.Reference = "BULK-1", set: _ => [("CustomerId", inBulk.Id)]);
                bulkMessage.CaseId = bulkCase.Id;
                others.ForEach(m => m.CaseId = bulkCase.Id);
                await rows.InsertManyAsync([bulkMessage, .. others], default);
                await rows.InsertManyAsync([bulkPromise], default);
                await rows.InsertManyAsync([Entry(bulkCase.Id, agent.Id, team.Id, at)], default);
                await rows.InsertManyAsync([new IncidentRecipient { IncidentId = efRecipient.IncidentId, CustomerId = inBulk.Id, CaseId = bulkCase.Id, At = at, OnExistingCase = true }], default);
                await rows.InsertManyAsync([bulkEvent], default, set: _ => [("CaseId", bulkCase.Id)]);
                await tx.CommitAsync();
            }

            await AssertSameRowsAsync(db, "Customers", byEf.Id, inBulk.Id);
            await AssertSameRowsAsync(db, "Cases", efCase.Id, bulkCase.Id, "CustomerId", "Reference");
            await AssertSameRowsAsync(db, "Messages", efMessage.Id, bulkMessage.Id, "CaseId");
            foreach (var other in others)
            {
                await AssertSameRowsAsync(db, "Messages", efMessage.Id, other.Id, "CaseId");
            }
            Assert.Equal(3, await db.Messages.CountAsync(m => m.CaseId == bulkCase.Id));
            await AssertSameRowsAsync(db, "Promises", efPromise.Id, bulkPromise.Id, "CaseId");
            await AssertSameRowsAsync(db, "GoodwillEntries", efEntry.Id, await db.GoodwillEntries.Where(e => e.CaseId == bulkCase.Id).Select(e => e.Id).SingleAsync(), "CaseId");
            await AssertSameRowsAsync(db, "IncidentRecipients", efRecipient.Id, await db.IncidentRecipients.Where(r => r.CaseId == bulkCase.Id).Select(r => r.Id).SingleAsync(), "CaseId", "CustomerId");
            await AssertSameRowsAsync(db, "CaseEvents", efEvent.Id, bulkEvent.Id, "CaseId");
            Assert.Equal(bulkCase.Id, await db.CaseEvents.Where(e => e.Id == bulkEvent.Id).Select(e => e.CaseId).SingleAsync());
            // Read back through EF Core as any other row.
            var read = await db.Cases.AsNoTracking().Include(c => c.Promises).SingleAsync(c => c.Id == bulkCase.Id);
            // Instants are stored to the microsecond, by either way (the rows above are equal).
            Assert.Equal((at.AddTicks(-(at.Ticks % 10)), CaseStatus.Resolved, CasePriority.Urgent, "BULK-1"), (read.CreatedAt, read.Status, read.Priority, read.Reference));
            Assert.True(read.Promises.Single().ToConfirm);
            return 0;
        });
    }

    private static GoodwillEntry Entry(long caseId, long agentId, long teamId, DateTimeOffset at) => new()
    {
        CaseId = caseId, AgentId = agentId, TeamId = teamId, Gesture = GestureKind.Voucher, AmountMinor = 1_250, Currency = "EUR",
        Reason = "Retard", PolicyRule = null, Status = GoodwillStatus.Granted, At = at, Month = "2026-03",
    };

    private static async Task<long> IncidentAsync(GuichetDb db, DateTimeOffset at)
    {
        var incident = new Incident { Title = "Grève", Kind = "delay", StartsAt = at, CreatedAt = at, TeamId = await db.Teams.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync() };
        db.Add(incident);
        await db.SaveChangesAsync();
        return incident.Id;
    }

    /// <summary>Both rows' columns but the key and the ones named, as stored: the type SQLite or PostgreSQL gives back and the value.</summary>
    private static async Task AssertSameRowsAsync(GuichetDb db, string table, long byEf, long inBulk, params string[] except)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"Id\" IN ({byEf}, {inBulk})";
        await using var reader = await command.ExecuteReaderAsync();
        var stored = new Dictionary<long, Dictionary<string, string>>();
        while (await reader.ReadAsync())
        {
            stored[reader.GetInt64(reader.GetOrdinal("Id"))] = Enumerable.Range(0, reader.FieldCount)
                .Where(i => reader.GetName(i) != "Id" && !except.Contains(reader.GetName(i)))
                .ToDictionary(reader.GetName, i => Stored(reader, i));
        }
        Assert.Equal(2, stored.Count);
        Assert.Equal(stored[byEf], stored[inBulk]);
    }

    private static string Stored(DbDataReader reader, int i) => reader.IsDBNull(i) ? "null" : reader.GetValue(i) switch
    {
        // To the tick: a second's fractions must be equal too.
        DateTime time => $"DateTime:{time:O}",
        DateTimeOffset time => $"DateTimeOffset:{time:O}",
        var value => $"{value.GetType().Name}:{Convert.ToString(value, CultureInfo.InvariantCulture)}",
    };
}

public sealed class ModelRowsOnSqlite(SqliteServer server) : ModelRowsTests(server), IClassFixture<SqliteServer>;
public sealed class ModelRowsOnPostgres(PostgresServer server) : ModelRowsTests(server), IClassFixture<PostgresServer>;
