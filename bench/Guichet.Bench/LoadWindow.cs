using System.Diagnostics;
using Guichet.Core.Data;
using Guichet.Core.Knowledge;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Bench;

/// <summary>
/// Issue 29: generating ten million cases in minutes. The loaded tables' secondary indexes and
/// triggers are dropped for the load and made again after it, as a restore does: an index built
/// once from sorted keys costs a fraction of ten million insertions into it. What the triggers
/// would have written is then written in one statement each, from the rows: the promise tally and
/// the figure days to roll up. SQLite's search tables are then filled by the search backlog's pass
/// (the loaded rows are above its marks); PostgreSQL's search is a generated column and a GIN
/// index. For a benchmark's database only: a server must not run during the load. What was
/// dropped is written next to the database first, so a load stopped half way is closed by the
/// next run before anything else.
/// </summary>
public sealed class LoadWindow
{
    private static readonly string[] Tables = ["Customers", "CustomerIdentities", "Cases", "Messages", "CaseEvents", "Promises", "PromiseRenegotiations", "Surveys"];
    private readonly GuichetDb db;
    private readonly List<string> indexes;
    private readonly List<string> triggers;
    private readonly string file;

    private LoadWindow(GuichetDb db, List<string> indexes, List<string> triggers, string file) => (this.db, this.indexes, this.triggers, this.file) = (db, indexes, triggers, file);

    private sealed record Dropped(List<string> Indexes, List<string> Triggers);

    public static async Task<LoadWindow> OpenAsync(GuichetDb db, string folder)
    {
        var file = Path.Combine(folder, "load-window.json");
        if (File.Exists(file))
        {
            Console.WriteLine("  a load window left open by a stopped run: closing it first");
            var left = System.Text.Json.JsonSerializer.Deserialize<Dropped>(await File.ReadAllTextAsync(file))!;
            await new LoadWindow(db, left.Indexes, left.Triggers, file).CloseAsync();
        }
        List<(string Name, string Sql)> indexes, triggers;
        if (db.Database.IsSqlite())
        {
            // Autoindexes (PRIMARY KEY, UNIQUE in the table) have no SQL and stay.
            indexes = await SqliteObjectsAsync(db, "index");
            triggers = await SqliteObjectsAsync(db, "trigger");
            await KeepAsync(file, indexes, triggers);
            foreach (var (name, _) in triggers)
            {
                await RunAsync(db, $"DROP TRIGGER \"{name}\"");
            }
            foreach (var (name, _) in indexes)
            {
                await RunAsync(db, $"DROP INDEX \"{name}\"");
            }
        }
        else
        {
            // Indexes behind a constraint (primary keys) stay; the others, unique ones included, go.
            indexes = (await db.Database.SqlQueryRaw<Named>("""
                SELECT i.indexname AS "Name", i.indexdef AS "Sql" FROM pg_indexes i
                WHERE i.schemaname = current_schema() AND i.tablename = ANY({0})
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
                """, [Tables]).ToListAsync()).ConvertAll(n => (n.Name, n.Sql));
            triggers = (await db.Database.SqlQueryRaw<Named>("""
                SELECT t.tgname AS "Name", pg_get_triggerdef(t.oid) AS "Sql" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                WHERE NOT t.tgisinternal AND c.relname = ANY({0}) AND c.relnamespace = current_schema()::regnamespace
                """, [Tables]).ToListAsync()).ConvertAll(n => (n.Name, n.Sql));
            await KeepAsync(file, indexes, triggers);
            var tables = await db.Database.SqlQueryRaw<Named>("""
                SELECT t.tgname AS "Name", t.tgrelid::regclass::text AS "Sql" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                WHERE NOT t.tgisinternal AND c.relname = ANY({0}) AND c.relnamespace = current_schema()::regnamespace
                """, [Tables]).ToDictionaryAsync(n => n.Name, n => n.Sql);
            foreach (var (name, _) in triggers)
            {
                await RunAsync(db, $"DROP TRIGGER \"{name}\" ON {tables[name]}");
            }
            foreach (var (name, _) in indexes)
            {
                await RunAsync(db, $"DROP INDEX \"{name}\"");
            }
        }
        Console.WriteLine($"  load window: {indexes.Count} indexes and {triggers.Count} triggers dropped");
        return new LoadWindow(db, indexes.ConvertAll(i => i.Sql), triggers.ConvertAll(t => t.Sql), file);
    }

    private static Task KeepAsync(string file, List<(string Name, string Sql)> indexes, List<(string Name, string Sql)> triggers) =>
        File.WriteAllTextAsync(file, System.Text.Json.JsonSerializer.Serialize(new Dropped(indexes.ConvertAll(i => i.Sql), triggers.ConvertAll(t => t.Sql))));

    /// <summary>Makes the indexes and triggers again, then what the triggers would have written.</summary>
    public async Task CloseAsync()
    {
        var watch = Stopwatch.StartNew();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        // Made whether or not each still exists: a stopped run may have dropped some and not others.
        foreach (var sql in indexes)
        {
            await RunAsync(db, Idempotent(sql, "INDEX", "INDEX IF NOT EXISTS"));
        }
        Console.WriteLine($"  {indexes.Count} indexes made in {watch.Elapsed.TotalSeconds:N0} s");
        watch.Restart();
        // SQLite's search index: the loaded rows are above its marks, so the search backlog's pass adds them (below).
        await using var tx = await db.Database.BeginTransactionAsync();
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("""LOCK TABLE "Promises" IN SHARE ROW EXCLUSIVE MODE""");
        }
        // The tally again from every promise; the days of every case marked to be rolled up again.
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "PromiseTallies" """);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "PromiseTallies" ("State", "SilentBreach", "Delta")
            SELECT "State", "SilentBreach", COUNT(*) FROM "Promises" GROUP BY "State", "SilentBreach"
            """);
        await db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite()
            ? """
              INSERT OR IGNORE INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion")
              SELECT DISTINCT "CreatedAt" - "CreatedAt" % 86400000000, 0, 0 FROM "Cases" WHERE "Origin" = 'Contact'
              """
            : """
              INSERT INTO "FigureDirtyDays" ("Day", "Version", "RolledVersion")
              SELECT DISTINCT date_trunc('day', "CreatedAt", 'UTC'), 1, 0 FROM "Cases" WHERE "Origin" = 'Contact'
              """);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("""UPDATE "FigureDirtyDays" SET "Version" = "Version" + 1""");
        }
        foreach (var sql in triggers)
        {
            await RunAsync(db, db.Database.IsSqlite() ? Idempotent(sql, "TRIGGER", "TRIGGER IF NOT EXISTS") : Idempotent(sql, "CREATE TRIGGER", "CREATE OR REPLACE TRIGGER"));
        }
        await tx.CommitAsync();
        while (!await SearchBacklog.CatchUpAsync(db, 1_000_000, default))
        {
        }
        File.Delete(file);
        Console.WriteLine($"  search, tally, figure days and {triggers.Count} triggers in {watch.Elapsed.TotalSeconds:N0} s");
    }

    /// <summary>The statement's first <paramref name="what"/> made <paramref name="instead"/> (its head only, never the body).</summary>
    private static string Idempotent(string sql, string what, string instead)
    {
        var at = sql.IndexOf(what, StringComparison.OrdinalIgnoreCase);
        return at < 0 || sql.Contains(instead, StringComparison.OrdinalIgnoreCase) ? sql : sql[..at] + instead + sql[(at + what.Length)..];
    }

    // Names read from the catalogue, never from input.
    private static Task RunAsync(GuichetDb db, string sql) => db.Database.ExecuteSqlRawAsync(sql);

    private static async Task<List<(string Name, string Sql)>> SqliteObjectsAsync(GuichetDb db, string type)
    {
        var query = $"""SELECT name AS "Name", sql AS "Sql" FROM sqlite_master WHERE type = '{type}' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", Tables.Select(t => $"'{t}'"))})""";
        return (await db.Database.SqlQueryRaw<Named>(query).ToListAsync()).ConvertAll(n => (n.Name, n.Sql));
    }

    private sealed record Named(string Name, string Sql);
}
