using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Guichet.Hosting;

/// <summary>
/// Per-connection SQLite settings. A 64 MB page cache keeps the indexes the intake probes on
/// every message (hashes, Message-IDs, identities) in memory as the file grows. For throwaway
/// databases (the strike simulation) commits also skip the fsync that protects against a power
/// cut; the server keeps SQLite's default, FULL.
/// </summary>
public sealed class SqlitePragmas(bool disposable) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = disposable ? "PRAGMA cache_size=-65536; PRAGMA synchronous=NORMAL;" : "PRAGMA cache_size=-65536;";
        command.ExecuteNonQuery();
    }
}
