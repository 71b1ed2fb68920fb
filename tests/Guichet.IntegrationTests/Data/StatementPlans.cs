using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Guichet.Core.Data;
using Guichet.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Guichet.IntegrationTests.Data;

/// <summary>
/// Issue 29: the tests' tables are small, so a statement that reads a whole growing table costs
/// nothing here and seconds at ten million cases. Records what EF Core and ModelRows run on a test
/// server's database while a test works it and asks SQLite how it would read each statement: a
/// SCAN (every row, or a whole index) of a table that grows with the history is the defect,
/// whatever the data in the test, unless it is an index walked in order under a LIMIT. What a plan
/// cannot show: a bounded walk whose filter rejects most rows, or a SEARCH over a range that itself
/// grows.
/// </summary>
public sealed partial class StatementPlans : IDisposable
{
    /// <summary>Tables whose size follows the company's history; the rest (teams, agents, rules) stay small.</summary>
    public static readonly HashSet<string> Growing = new(StringComparer.Ordinal)
    {
        "Cases", "Messages", "CaseEvents", "Promises", "PromiseRenegotiations", "Customers", "CustomerIdentities",
        "Outbox", "Notifications", "Surveys", "InboundEmails", "Attachments", "CaseTags", "GoodwillEntries",
    };

    /// <summary>
    /// Statements that read a whole table on purpose, bounded otherwise: KnownTags counts every tag
    /// for the case page's suggestions and the API's tags in use, at most once a minute and only
    /// after a change.
    /// </summary>
    private static bool Deliberate(string text) =>
        text.Contains("""FROM "CaseTags" AS""", StringComparison.Ordinal) && text.Contains("GROUP BY", StringComparison.Ordinal) && !text.Contains("WHERE", StringComparison.Ordinal);

    private static readonly ConcurrentDictionary<string, StatementPlans> Recording = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Text, (string Name, object? Value)[] Parameters)> statements = new();
    private readonly IDisposable subscription;

    private StatementPlans()
    {
        subscription = DiagnosticListener.AllListeners.Subscribe(new Listeners());
    }

    /// <summary>Records the statements EF Core and ModelRows run on this server's database during <paramref name="work"/> (in the test or behind its HTTP calls).</summary>
    public static async Task<StatementPlans> RecordAsync(GuichetServer server, Func<Task> work)
    {
        var database = await server.ReadDbAsync(db => Task.FromResult(Key(db.Database.GetDbConnection())));
        var plans = new StatementPlans();
        Recording[database] = plans;
        try
        {
            await work();
        }
        finally
        {
            Recording.TryRemove(database, out _);
        }
        return plans;
    }

    private static bool IsOneRead(string text)
    {
        var trimmed = text.Trim().TrimEnd(';');
        return (trimmed.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("WITH", StringComparison.OrdinalIgnoreCase))
            && !trimmed.Contains(';', StringComparison.Ordinal);
    }

    /// <summary>One test server's database (its file), whichever connection reads it.</summary>
    private static string Key(System.Data.Common.DbConnection connection) => connection.DataSource + "/" + connection.Database;

    public int Count => statements.Count;

    /// <summary>Whether a statement containing <paramref name="part"/> ran while recording.</summary>
    public bool Recorded(string part) => statements.Any(s => s.Text.Contains(part, StringComparison.Ordinal));

    /// <summary>Fails with each statement that would read a growing table whole.</summary>
    public async Task AssertNoWholeTableReadsAsync(GuichetServer server)
    {
        var reads = await WholeTableReadsAsync(server);
        Assert.True(reads.Count == 0, string.Join("\n", reads));
    }

    /// <summary>Each statement that would read a growing table whole, with the plan's line.</summary>
    public async Task<List<string>> WholeTableReadsAsync(GuichetServer server)
    {
        var found = new List<string>();
        // Reads only, one statement each: EF Core's batches of writes by key would run their later
        // statements behind an EXPLAIN. EF Core writes an empty list's Contains as WHERE 0, which
        // SQLite tests once and reads nothing for.
        foreach (var (text, parameters) in statements.Where(s => IsOneRead(s.Text) && !s.Text.Contains("WHERE 0", StringComparison.Ordinal) && !Deliberate(s.Text)))
        {
            foreach (var read in await SqliteReadsAsync(server, text, parameters))
            {
                found.Add($"{read} in: {text.ReplaceLineEndings(" ")}");
            }
        }
        return found;
    }

    /// <summary>SQLite's plan lines of one statement that read a growing table whole.</summary>
    private static Task<List<string>> SqliteReadsAsync(GuichetServer server, string text, (string Name, object? Value)[] parameters) =>
        server.ReadDbAsync(async db =>
        {
            var aliases = Aliases(text);
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + text;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.Add(new SqliteParameter(name, value ?? DBNull.Value));
            }
            var plan = new List<(long Parent, string Detail)>();
            await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
            {
                while (await reader.ReadAsync(TestContext.Current.CancellationToken))
                {
                    plan.Add((reader.GetInt64(1), reader.GetString(3)));
                }
            }
            var limited = text.Contains("LIMIT", StringComparison.Ordinal) && !text.Contains(" OVER(", StringComparison.Ordinal);
            var reads = new List<string>();
            foreach (var (parent, detail) in plan)
            {
                if (Scan().Match(detail) is not { Success: true } scan || !aliases.TryGetValue(scan.Groups[1].Value, out var table) || !Growing.Contains(table))
                {
                    continue;
                }
                // An index walked in its order under a LIMIT stops after the rows asked (the inbox's keyset
                // page, a bounded count); a sort or a window beside it means every entry is read first.
                var stopsEarly = limited && detail.Contains(" INDEX ", StringComparison.Ordinal)
                    && !plan.Any(p => p.Parent == parent && p.Detail.Contains("TEMP B-TREE", StringComparison.Ordinal));
                if (!stopsEarly)
                {
                    reads.Add($"{table}: {detail}");
                }
            }
            return reads;
        });

    /// <summary>Alias → table for every table a statement names ("Cases" AS "c", "Messages" w, or the bare name).</summary>
    private static Dictionary<string, string> Aliases(string text)
    {
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in Named().Matches(text))
        {
            aliases[m.Groups[1].Value] = m.Groups[1].Value;
            if (m.Groups[2].Success)
            {
                aliases[m.Groups[2].Value] = m.Groups[1].Value;
            }
        }
        return aliases;
    }

    [GeneratedRegex("""(?:FROM|JOIN)\s+"(\w+)"(?:\s+(?:AS\s+)?"?(\w+)"?)?""", RegexOptions.IgnoreCase)]
    private static partial Regex Named();

    [GeneratedRegex(@"^SCAN (\w+)")]
    private static partial Regex Scan();

    public void Dispose() => subscription.Dispose();

    private sealed class Listeners : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name || value.Name == Core.Data.ModelRows.Queries.Name)
            {
                value.Subscribe(new Commands());
            }
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }

    private sealed class Commands : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            // EF Core's commands, and the hand-written queries of ModelRows (the email intake's).
            var command = value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data ? data.Command
                : value.Key == "Query" ? value.Value as System.Data.Common.DbCommand : null;
            if (command?.Connection is { } connection && Recording.TryGetValue(Key(connection), out var plans))
            {
                plans.statements.Enqueue((command.CommandText,
                    [.. command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
            }
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }
}
