using Guichet.Hosting;
using Npgsql;

namespace Guichet.Testing;

/// <summary>
/// The same server on real PostgreSQL, in a database of its own created from
/// GUICHET_TEST_POSTGRES and dropped afterwards. Without the variable, tests skip and say why.
/// </summary>
public class PostgresServer : GuichetServer
{
    public const string Variable = "GUICHET_TEST_POSTGRES";

    private string? _admin;
    private readonly string _database = "guichet_test_" + Guid.NewGuid().ToString("N")[..12];

    public override string Provider => "PostgreSQL";

    /// <summary>The cluster the test database is created in; a subclass may start its own.</summary>
    protected virtual Task<string?> AdminConnectionStringAsync() => Task.FromResult(Environment.GetEnvironmentVariable(Variable));

    protected override async Task<ServeOptions> PrepareOptionsAsync()
    {
        _admin = await AdminConnectionStringAsync();
        if (SkipReason is not null)
        {
            return new ServeOptions();
        }
        if (string.IsNullOrWhiteSpace(_admin))
        {
            SkipReason = $"PostgreSQL tests skipped: set {Variable} to a connection string (as .ci/run does) to run them.";
            return new ServeOptions();
        }
        await using (var connection = new NpgsqlConnection(_admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(_admin) { Database = _database };
        return new ServeOptions { Database = builder.ConnectionString };
    }

    protected override async Task CleanUpAsync()
    {
        if (SkipReason is not null || _admin is null)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

public sealed class PostgresDemoServer : PostgresServer
{
    public override bool Demo => true;
}
