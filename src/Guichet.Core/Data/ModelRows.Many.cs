using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

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
    // PostgreSQL's limit on parameters in one statement is 65,535.
    private const int MaxParameters = 30_000;

    private readonly Dictionary<(Type, int), DbCommand> many = [];

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
            await InsertAsJsonAsync(statement, entities, set, ct);
            return;
        }
        var perStatement = Math.Max(1, MaxParameters / statement.Columns.Count);
        for (var start = 0; start < entities.Count; start += perStatement)
        {
            var count = Math.Min(perStatement, entities.Count - start);
            var command = ManyRows<T>(statement, count);
            for (var r = 0; r < count; r++)
            {
                var entity = entities[start + r];
                statement.Bind(command, r * statement.Columns.Count, entity, set?.Invoke(entity) ?? []);
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// SQLite: every row in one JSON parameter, spread into columns by SQLite's own json_each.
    /// Microsoft.Data.Sqlite matches each parameter to the statement by name, a cost that grows
    /// with the square of a statement's parameters; one parameter a statement has none of it.
    /// </summary>
    private async Task InsertAsJsonAsync<T>(Statement statement, IReadOnlyList<T> entities, Func<T, (string Property, object? Value)[]>? set, CancellationToken ct) where T : class
    {
        if (!many.TryGetValue((typeof(T), -1), out var command))
        {
            var columns = string.Join(", ", statement.Columns.Select((_, i) => $"json_extract(\"value\", '$[{i}]')"));
            command = Command($"{statement.Command.CommandText} SELECT {columns} FROM json_each({sql.GenerateParameterNamePlaceholder("p0")})", 1);
            many[(typeof(T), -1)] = command;
        }
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(entities.Count * 256);
        await using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var entity in entities)
            {
                var given = set?.Invoke(entity) ?? [];
                json.WriteStartArray();
                for (var i = 0; i < statement.Columns.Count; i++)
                {
                    WriteJson(json, statement.Value(i, entity, given));
                }
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
        command.Parameters[0].Value = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void WriteJson(System.Text.Json.Utf8JsonWriter json, object value)
    {
        switch (value)
        {
            case DBNull:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case long number:
                json.WriteNumberValue(number);
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case bool flag:
                // SQLite stores a boolean as the integer 0 or 1, as Microsoft.Data.Sqlite binds one.
                json.WriteNumberValue(flag ? 1 : 0);
                break;
            case double number:
                json.WriteNumberValue(number);
                break;
            case decimal number:
                json.WriteStringValue(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                throw new NotSupportedException($"A {value.GetType().Name} column cannot be written by {nameof(InsertManyAsync)} on SQLite.");
        }
    }

    private DbCommand ManyRows<T>(Statement statement, int count)
    {
        if (!many.TryGetValue((typeof(T), count), out var command))
        {
            var width = statement.Columns.Count;
            var rows = Enumerable.Range(0, count).Select(r => $"({string.Join(", ", Enumerable.Range(0, width).Select(c => sql.GenerateParameterNamePlaceholder($"p{r * width + c}")))})");
            command = Command($"{statement.Command.CommandText} VALUES {string.Join(", ", rows)}", count * width);
            many[(typeof(T), count)] = command;
        }
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    /// <summary>The INSERT head with every column, the key included; the VALUES are added per row count.</summary>
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
