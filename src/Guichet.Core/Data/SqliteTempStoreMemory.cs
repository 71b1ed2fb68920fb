using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Guichet.Core.Data;

/// <summary>
/// SQLite keeps statement and savepoint journals in memory instead of temporary files. The email
/// intake opens a savepoint per message (one message's failure undoes that message alone), and
/// with the default every page it touches was first copied to a temporary file on disk.
/// </summary>
public sealed class SqliteTempStoreMemory : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA temp_store=MEMORY;";
        command.ExecuteNonQuery();
    }
}
