using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Guichet.Core.Data;

/// <summary>
/// Settings SQLite keeps per connection, run once each time one is opened, in one command.
/// <list type="bullet">
/// <item><c>temp_store=MEMORY</c> on every connection (decision 0025): the email intake opens a
/// savepoint per message, and with the default every page it touches was first copied to a
/// temporary file.</item>
/// <item><c>cache_size</c> of 32 MiB per connection (SQLite's default is 2 MiB): the intake's
/// lookups (duplicates, threads, the customer's open cases) read index pages again and again,
/// and each page missing from the cache is a read from the operating system. The cache grows
/// only as pages are read.</item>
/// <item><c>synchronous=NORMAL</c> for throwaway databases only (the strike simulation): commits
/// skip the fsync that protects against a power cut. The server keeps SQLite's default, FULL.</item>
/// </list>
/// </summary>
public sealed class SqlitePragmas(string pragmas) : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Durable = new("PRAGMA temp_store=MEMORY; PRAGMA cache_size=-32768;");
    public static readonly SqlitePragmas Disposable = new("PRAGMA temp_store=MEMORY; PRAGMA cache_size=-32768; PRAGMA synchronous=NORMAL;");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
    }
}
