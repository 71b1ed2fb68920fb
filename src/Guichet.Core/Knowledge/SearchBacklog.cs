using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Knowledge;

/// <summary>
/// On SQLite, new messages, case subjects and customers' names reach the full-text tables just
/// behind the writes, not inside them (decision 0044): an intake group or an incident's batch
/// commits its rows without tokenising them, and a pass here adds every row above each table's
/// mark (<c>SearchMarks</c>) in one transaction, thousands at a time. The triggers still keep
/// the index exact for rows under the mark (a change, a deletion). A search first adds what is
/// waiting, so a person finds what was just written. PostgreSQL's search is a generated column:
/// nothing waits there.
/// </summary>
public static class SearchBacklog
{
    /// <summary>Rows of each table added by one pass.</summary>
    public const int Batch = 5_000;

    /// <summary>Rows of each table a search adds before reading; more waiting is left to the background's pass.</summary>
    public const int BeforeSearch = 1_000;

    private sealed record Source(string Table, string Mark, string Window, string Insert);

    private static Source Of(string table, string index, string column, string filter) => new(
        table,
        $"SELECT UpTo AS Value FROM SearchMarks WHERE Name = '{table}'",
        $"SELECT IFNULL(MAX(Id), {{0}}) AS Value FROM (SELECT Id FROM {table} WHERE Id > {{0}} ORDER BY Id LIMIT {{1}})",
        $"INSERT INTO {index}(rowid, {column}) SELECT Id, {column} FROM {table} WHERE Id > {{0}} AND Id <= {{1}}{filter}; UPDATE SearchMarks SET UpTo = {{1}} WHERE Name = '{table}'");

    private static readonly Source[] Sources =
    [
        Of("Messages", "MessageSearch", "Body", " AND IsAutomatic = 0"),
        Of("Cases", "CaseSearch", "Subject", ""),
        Of("Customers", "CustomerSearch", "Name", ""),
    ];

    private const string Behind = """
        SELECT EXISTS (SELECT 1 FROM Messages WHERE Id > (SELECT UpTo FROM SearchMarks WHERE Name = 'Messages'))
            OR EXISTS (SELECT 1 FROM Cases WHERE Id > (SELECT UpTo FROM SearchMarks WHERE Name = 'Cases'))
            OR EXISTS (SELECT 1 FROM Customers WHERE Id > (SELECT UpTo FROM SearchMarks WHERE Name = 'Customers')) AS Value
        """;

    /// <summary>Whether rows wait for the full-text tables (a read: three index seeks).</summary>
    public static async Task<bool> IsBehindAsync(GuichetDb db, CancellationToken ct) =>
        db.Database.IsSqlite() && (await db.Database.SqlQueryRaw<bool>(Behind).ToListAsync(ct))[0];

    /// <summary>
    /// Adds up to <paramref name="most"/> waiting rows of each table, in one transaction; true when
    /// nothing waits any more.
    /// </summary>
    public static async Task<bool> CatchUpAsync(GuichetDb db, int most, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return true;
        }
        var done = true;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var source in Sources)
        {
            var mark = (await db.Database.SqlQueryRaw<long>(source.Mark).ToListAsync(ct))[0];
            var upTo = (await db.Database.SqlQueryRaw<long>(source.Window, mark, most).ToListAsync(ct))[0];
            if (upTo == mark)
            {
                continue;
            }
            await db.Database.ExecuteSqlRawAsync(source.Insert, mark, upTo);
            // A full window may have more behind it; a shorter one reached the table's end.
            done &= await db.Database.SqlQueryRaw<long>(source.Window, upTo, 1).ToListAsync(ct) is [var next] && next == upTo;
        }
        await tx.CommitAsync(ct);
        return done;
    }

    /// <summary>What a search does first: adds what is waiting, when anything is, up to <see cref="BeforeSearch"/> rows a table.</summary>
    public static async Task BeforeSearchAsync(GuichetDb db, CancellationToken ct)
    {
        if (await IsBehindAsync(db, ct))
        {
            await CatchUpAsync(db, BeforeSearch, ct);
        }
    }
}
