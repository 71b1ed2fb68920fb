using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Guichet.Core.Data;

/// <summary>
/// Inserts, updates and reads whole rows of mapped entities with commands built once from the
/// EF Core model and reused, on the context's own connection and transaction (decision 0010).
/// The same tables, columns and value conversions as EF Core, without change tracking: for the
/// email intake, where tracking cost more than the work itself. Foreign keys come from a
/// reference navigation when it is set (a promise's Case), otherwise from the property, or from
/// <c>set</c> for a collection-only relation (a case's events).
/// </summary>
public sealed partial class ModelRows(GuichetDb db) : IAsyncDisposable
{
    /// <summary>
    /// Announces each hand-written query before it runs, as EF Core's diagnostics do for its own,
    /// so a test can read every statement's plan (issue 29); nothing is written when no one listens.
    /// </summary>
    public static readonly System.Diagnostics.DiagnosticListener Queries = new("Guichet.ModelRows");

    private readonly Dictionary<(Type, string), Statement> statements = [];
    private readonly Dictionary<string, DbCommand> queries = [];
    private readonly ISqlGenerationHelper sql = db.GetService<ISqlGenerationHelper>();

    public Task InsertAsync<T>(T entity, CancellationToken ct, params (string Property, object? Value)[] set) where T : class =>
        InsertAsync(typeof(T), entity, set, ct);

    private async Task InsertAsync(Type type, object entity, (string Property, object? Value)[] set, CancellationToken ct)
    {
        var statement = Prepare(type, "insert", BuildInsert);
        statement.Bind(entity, set);
        if (!statement.ReturnsKey)
        {
            await statement.Command.ExecuteNonQueryAsync(ct);
            return;
        }
        var id = await statement.Command.ExecuteScalarAsync(ct);
        statement.Key.Set(entity, Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Writes every column of a row loaded with <see cref="FindAsync{T}"/> or inserted here.</summary>
    public async Task UpdateAsync<T>(T entity, CancellationToken ct) where T : class
    {
        var statement = Prepare<T>("update", BuildUpdate);
        statement.Bind(entity, []);
        await statement.Command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>One row by key as a new object, its collections empty and its navigations unset.</summary>
    public async Task<T?> FindAsync<T>(long id, CancellationToken ct) where T : class
    {
        var statement = Prepare<T>("find", BuildFind);
        statement.Command.Parameters[0].Value = id;
        await using var reader = await statement.Command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }
        return Materialise<T>(statement, reader);
    }

    private static T Materialise<T>(Statement statement, DbDataReader reader)
    {
        var entity = (T)Activator.CreateInstance(typeof(T), nonPublic: true)!;
        for (var i = 0; i < statement.Columns.Count; i++)
        {
            statement.Columns[i].Set(entity, reader.IsDBNull(i) ? null : reader.GetValue(i));
        }
        return entity;
    }

    /// <summary>A query of the caller's (parameters @p0, @p1…) on the same connection, its command kept for the next call.</summary>
    public async Task<List<TRow>> QueryAsync<TRow>(string text, Func<DbDataReader, TRow> read, CancellationToken ct, params object?[] args)
    {
        var command = Reused(text, args);
        var rows = new List<TRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    /// <summary>A statement of the caller's that returns no rows (parameters @p0, @p1…), its command kept for the next call.</summary>
    public async Task<int> ExecuteAsync(string text, CancellationToken ct, params object?[] args)
    {
        var command = Reused(text, args);
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The value a property is stored as (an enum's name, a time as SQLite's integer), for the caller's own queries.</summary>
    public object Stored<T>(string property, object value) =>
        db.Model.FindEntityType(typeof(T))!.FindProperty(property)!.GetTypeMapping().Converter?.ConvertToProvider(value) ?? value;

    private DbCommand Reused(string text, object?[] args)
    {
        if (!queries.TryGetValue(text, out var command))
        {
            command = Command(text, args.Length);
            queries[text] = command;
        }
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        for (var i = 0; i < args.Length; i++)
        {
            command.Parameters[i].Value = args[i] ?? DBNull.Value;
        }
        if (Queries.IsEnabled("Query"))
        {
            Queries.Write("Query", command);
        }
        return command;
    }

    private Statement Prepare<T>(string kind, Func<IEntityType, Statement> build) => Prepare(typeof(T), kind, build);

    private Statement Prepare(Type clr, string kind, Func<IEntityType, Statement> build)
    {
        if (!statements.TryGetValue((clr, kind), out var statement))
        {
            var type = db.Model.FindEntityType(clr) ?? throw new InvalidOperationException($"{clr.Name} is not mapped.");
            statement = build(type);
            statements[(clr, kind)] = statement;
        }
        statement.Command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return statement;
    }

    private Statement BuildInsert(IEntityType type)
    {
        var (table, key, columns) = Describe(type);
        // A row keyed by its own values (a case's tag: case and name) is written whole; a generated key is read back.
        var generated = type.FindPrimaryKey()!.Properties.Count == 1 && key.Property.ValueGenerated != ValueGenerated.Never;
        var written = columns.Where(c => c.Property != key.Property || !generated).ToList();
        var command = Command($"INSERT INTO {table} ({string.Join(", ", written.Select(c => c.Name))}) VALUES ({string.Join(", ", written.Select((_, i) => sql.GenerateParameterNamePlaceholder($"p{i}")))})"
            + (generated ? $" RETURNING {key.Name}" : ""), written.Count);
        return new Statement(command, key, written, ForeignKeys(type)) { ReturnsKey = generated };
    }

    private Statement BuildUpdate(IEntityType type)
    {
        var (table, key, columns) = Describe(type);
        var written = columns.Where(c => c.Property != key.Property).ToList();
        var assignments = written.Select((c, i) => $"{c.Name} = {sql.GenerateParameterNamePlaceholder($"p{i}")}");
        var command = Command($"UPDATE {table} SET {string.Join(", ", assignments)} WHERE {key.Name} = {sql.GenerateParameterNamePlaceholder($"p{written.Count}")}", written.Count + 1);
        return new Statement(command, key, [.. written, key], ForeignKeys(type));
    }

    private Statement BuildFind(IEntityType type)
    {
        var (table, key, columns) = Describe(type);
        var command = Command($"SELECT {string.Join(", ", columns.Select(c => c.Name))} FROM {table} WHERE {key.Name} = {sql.GenerateParameterNamePlaceholder("p0")}", 1);
        return new Statement(command, key, columns, []);
    }

    private (string Table, Column Key, List<Column> Columns) Describe(IEntityType type)
    {
        var store = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        // Columns the database computes (Case.DueOrder) are neither written nor needed here.
        var columns = type.GetProperties().Where(p => p.GetComputedColumnSql() is null)
            .Select(p => new Column(p, sql.DelimitIdentifier(p.GetColumnName(store)!))).ToList();
        // The first key column: the key itself, or a composite key's first part (enough to tell a row not stored yet).
        var first = type.FindPrimaryKey()!.Properties[0];
        var key = columns.Single(c => c.Property == first);
        return (sql.DelimitIdentifier(store.Name, store.Schema), key, columns);
    }

    private static List<(IProperty Property, IClrPropertyGetter Navigation, IClrPropertyGetter PrincipalKey)> ForeignKeys(IEntityType type) =>
        type.GetForeignKeys()
            .Where(fk => fk.DependentToPrincipal is not null && fk.Properties.Count == 1)
            .Select(fk => (fk.Properties[0], fk.DependentToPrincipal!.GetGetter(), fk.PrincipalKey.Properties[0].GetGetter()))
            .ToList();

    private DbCommand Command(string text, int parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = text;
        for (var i = 0; i < parameters; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = sql.GenerateParameterName($"p{i}");
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var statement in statements.Values)
        {
            await statement.Command.DisposeAsync();
        }
        statements.Clear();
        foreach (var command in queries.Values)
        {
            await command.DisposeAsync();
        }
        queries.Clear();
    }

    private sealed class Column(IProperty property, string name)
    {
        private readonly IClrPropertyGetter getter = property.GetGetter();
        private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter = property.GetTypeMapping().Converter;
        private readonly MemberInfo member = (MemberInfo?)property.FieldInfo ?? property.PropertyInfo!;

        public IProperty Property { get; } = property;
        public string Name { get; } = name;

        public object? Read(object entity) => getter.GetClrValue(entity);

        public object ToProvider(object? value) => (value is null ? null : converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;

        public void Set(object entity, object? providerValue)
        {
            var value = providerValue is null ? null
                : converter is null ? Coerce(providerValue, Property.ClrType)
                : converter.ConvertFromProvider(Coerce(providerValue, converter.ProviderClrType));
            if (member is FieldInfo field)
            {
                field.SetValue(entity, value);
            }
            else
            {
                ((PropertyInfo)member).SetValue(entity, value);
            }
        }

        // What a driver returns is not always the mapped type: SQLite integers are long, Npgsql gives timestamptz as a UTC DateTime.
        private static object Coerce(object value, Type type)
        {
            var target = Nullable.GetUnderlyingType(type) ?? type;
            return target.IsInstanceOfType(value) ? value
                : value is DateTime time && target == typeof(DateTimeOffset) ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc))
                : Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private sealed class Statement(DbCommand command, Column key, List<Column> columns, List<(IProperty Property, IClrPropertyGetter Navigation, IClrPropertyGetter PrincipalKey)> foreignKeys)
    {
        private readonly (IClrPropertyGetter Navigation, IClrPropertyGetter PrincipalKey)?[] principals =
            columns.Select(c => foreignKeys.Where(f => f.Property == c.Property).Select(f => ((IClrPropertyGetter, IClrPropertyGetter)?)(f.Navigation, f.PrincipalKey)).FirstOrDefault()).ToArray();

        public DbCommand Command { get; } = command;
        public Column Key { get; } = key;
        /// <summary>Whether the insert reads back a generated key (false for a key made of the row's own values).</summary>
        public bool ReturnsKey { get; init; } = true;
        public List<Column> Columns { get; } = columns;

        public void Bind(object entity, (string Property, object? Value)[] set)
        {
            for (var i = 0; i < Columns.Count; i++)
            {
                Command.Parameters[i].Value = Value(i, entity, set);
            }
        }

        /// <summary>What column <paramref name="i"/> stores for the entity: the provider's value, DBNull for null.</summary>
        public object Value(int i, object entity, (string Property, object? Value)[] set)
        {
            var column = Columns[i];
            var value = column.Read(entity);
            if (principals[i] is var (navigation, principalKey) && navigation.GetClrValue(entity) is { } principal)
            {
                value = principalKey.GetClrValue(principal);
            }
            foreach (var (name, given) in set)
            {
                if (name == column.Property.Name)
                {
                    value = given;
                }
            }
            return column.ToProvider(value);
        }
    }
}
