using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Guichet.Core.Data;

/// <summary>
/// Many rows of one entity in a few statements, for lists of hundreds of thousands (an incident's
/// affected customers). Keys are reserved first, so each row's id is known before it is written
/// and rows of other tables can point at it in the same pass: on PostgreSQL from the table's own
/// sequence; on SQLite above the highest key ever given, inside the write transaction that
/// SQLite grants one connection at a time. Must run in a transaction.
/// </summary>
public sealed partial class ModelRows
{
    /// <summary>A query whose <c>{in}</c> is a list of values: read in chunks of a fixed size (the last padded with nulls), so one command serves every call.</summary>
    public async Task<List<TRow>> QueryInAsync<TRow>(string text, IReadOnlyList<object> values, Func<DbDataReader, TRow> read, CancellationToken ct, params object?[] args)
    {
        const int chunk = 500;
        var placeholders = string.Join(", ", Enumerable.Range(args.Length, chunk).Select(i => sql.GenerateParameterNamePlaceholder($"p{i}")));
        var full = text.Replace("{in}", placeholders, StringComparison.Ordinal);
        var rows = new List<TRow>();
        for (var start = 0; start < values.Count; start += chunk)
        {
            var given = args.Concat(Enumerable.Range(start, chunk).Select(i => i < values.Count ? values[i] : null)).ToArray();
            rows.AddRange(await QueryAsync(full, read, ct, given));
        }
        return rows;
    }

    /// <summary>Whole rows by key, as <see cref="FindAsync{T}"/> gives one; keys not found are left out.</summary>
    public async Task<List<T>> FindManyAsync<T>(IReadOnlyList<long> ids, CancellationToken ct) where T : class
    {
        var statement = Prepare<T>("find", BuildFind);
        var text = statement.Command.CommandText;
        var where = text.LastIndexOf(" WHERE ", StringComparison.Ordinal);
        var byKey = $"{text[..where]} WHERE {statement.Key.Name} IN ({{in}})";
        return await QueryInAsync(byKey, [.. ids.Select(id => (object)id)], r => Materialise<T>(statement, r), ct);
    }

    /// <param name="keyed">Called on each row once its key is known, before it is written (a reference made of the id).</param>
    /// <param name="set">Values for columns the entity has no property for (a collection-only relation's key).</param>
    public async Task InsertManyAsync<T>(IReadOnlyList<T> entities, CancellationToken ct, Action<T>? keyed = null, Func<T, (string Property, object? Value)[]>? set = null) where T : class
    {
        if (entities.Count == 0)
        {
            return;
        }
        // Reserved keys, SQLite's statement stepped on the connection's own handle and PostgreSQL's COPY all need it.
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException($"{nameof(InsertManyAsync)} runs in a transaction.");
        }
        var statement = Prepare<T>("insert-keyed", BuildKeyedInsert);
        var type = db.Model.FindEntityType(typeof(T))!;
        // A row keyed by its own values (a case's tag: case and name) has no key to reserve.
        if (type.FindPrimaryKey()!.Properties is [{ ValueGenerated: not ValueGenerated.Never }])
        {
            var ids = await ReserveKeysAsync(type, entities.Count, ct);
            for (var i = 0; i < entities.Count; i++)
            {
                statement.Key.Set(entities[i], ids[i]);
            }
        }
        foreach (var entity in entities)
        {
            keyed?.Invoke(entity);
        }
        if (db.Database.IsSqlite())
        {
            InsertOnSqlite(statement, entities, set, ct);
            return;
        }
        await CopyOnPostgresAsync(statement, entities, set, ct);
    }

    /// <summary>
    /// PostgreSQL: the rows streamed by <c>COPY … FROM STDIN (FORMAT BINARY)</c> in the current
    /// transaction, each value written as the column's store type says. Multi-row <c>VALUES</c> of
    /// 30,000 parameters (before issue 29) had the server parse and plan each statement: about
    /// 1,000 cases a second when generating, the database's process busy the whole time.
    /// </summary>
    private async Task CopyOnPostgresAsync<T>(Statement statement, IReadOnlyList<T> entities, Func<T, (string Property, object? Value)[]>? set, CancellationToken ct) where T : class
    {
        var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        var head = statement.Command.CommandText;
        var types = statement.Columns.ConvertAll(c => c.Property.GetRelationalTypeMapping().StoreType);
        await using var copy = await connection.BeginBinaryImportAsync($"COPY{head["INSERT INTO".Length..]} FROM STDIN (FORMAT BINARY)", ct);
        foreach (var entity in entities)
        {
            var given = set?.Invoke(entity) ?? [];
            await copy.StartRowAsync(ct);
            for (var i = 0; i < statement.Columns.Count; i++)
            {
                var value = statement.Value(i, entity, given);
                if (value is DBNull)
                {
                    await copy.WriteNullAsync(ct);
                }
                else
                {
                    await copy.WriteAsync(value, types[i], ct);
                }
            }
        }
        await copy.CompleteAsync(ct);
    }

    /// <summary>
    /// SQLite: one single-row statement, prepared for the call and stepped once per row with its
    /// values bound by position through SQLitePCL, the engine's binding under Microsoft.Data.Sqlite.
    /// Microsoft.Data.Sqlite matches every parameter to the statement by name at each execution, a
    /// cost growing with the square of a row's columns; rows as JSON spread by <c>json_each</c>
    /// (before issue 29) had SQLite parse each row's text again for each of its columns.
    /// </summary>
    private void InsertOnSqlite<T>(Statement statement, IReadOnlyList<T> entities, Func<T, (string Property, object? Value)[]>? set, CancellationToken ct) where T : class
    {
        var handle = ((Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection()).Handle!;
        var text = $"{statement.Command.CommandText} VALUES ({string.Join(", ", statement.Columns.Select(_ => "?"))})";
        Microsoft.Data.Sqlite.SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(handle, text, out var row), handle);
        try
        {
            foreach (var entity in entities)
            {
                ct.ThrowIfCancellationRequested();
                var given = set?.Invoke(entity) ?? [];
                for (var i = 0; i < statement.Columns.Count; i++)
                {
                    Microsoft.Data.Sqlite.SqliteException.ThrowExceptionForRC(Bind(row, i + 1, statement.Value(i, entity, given)), handle);
                }
                var done = raw.sqlite3_step(row);
                raw.sqlite3_reset(row);
                Microsoft.Data.Sqlite.SqliteException.ThrowExceptionForRC(done, handle);
            }
        }
        finally
        {
            row.Dispose();
        }
    }

    // The values Microsoft.Data.Sqlite would store for the provider's types: a boolean as 0 or 1, a decimal as text in its format.
    private static int Bind(sqlite3_stmt row, int index, object value) => value switch
    {
        DBNull => raw.sqlite3_bind_null(row, index),
        string text => raw.sqlite3_bind_text(row, index, text),
        long number => raw.sqlite3_bind_int64(row, index, number),
        int number => raw.sqlite3_bind_int64(row, index, number),
        bool flag => raw.sqlite3_bind_int64(row, index, flag ? 1 : 0),
        double number => raw.sqlite3_bind_double(row, index, number),
        decimal number => raw.sqlite3_bind_text(row, index, number.ToString("0.0###########################", System.Globalization.CultureInfo.InvariantCulture)),
        byte[] bytes => raw.sqlite3_bind_blob(row, index, bytes),
        _ => throw new NotSupportedException($"A {value.GetType().Name} column cannot be written by {nameof(InsertManyAsync)} on SQLite."),
    };

    /// <summary>The INSERT head with every column, the key included; SQLite adds its VALUES, PostgreSQL turns it into a COPY (InsertManyAsync).</summary>
    private Statement BuildKeyedInsert(IEntityType type)
    {
        var (table, key, columns) = Describe(type);
        return new Statement(Command($"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))})", 0), key, columns, ForeignKeys(type));
    }

    private async Task<long[]> ReserveKeysAsync(IEntityType type, int count, CancellationToken ct)
    {
        var table = type.GetTableName()!;
        var key = type.FindPrimaryKey()!.Properties[0].GetColumnName();
        if (db.Database.IsNpgsql())
        {
            var sequence = $"""SELECT nextval(pg_get_serial_sequence('{sql.DelimitIdentifier(table)}', '{key}')) FROM generate_series(1, @p0)""";
            return [.. await QueryAsync(sequence, r => r.GetInt64(0), ct, count)];
        }
        // AUTOINCREMENT never gives a key twice, even a deleted row's: start above both the counter and the rows.
        var highest = await QueryAsync(
            $"""SELECT MAX(COALESCE((SELECT "seq" FROM "sqlite_sequence" WHERE "name" = @p0), 0), COALESCE((SELECT MAX({sql.DelimitIdentifier(key)}) FROM {sql.DelimitIdentifier(table)}), 0))""",
            r => r.GetInt64(0), ct, table);
        return [.. Enumerable.Range(1, count).Select(i => highest[0] + i)];
    }
}
