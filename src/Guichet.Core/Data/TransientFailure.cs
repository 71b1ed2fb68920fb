namespace Guichet.Core.Data;

/// <summary>
/// The database failed, not the work: a connection lost, PostgreSQL restarting, SQLite busy. Such a
/// failure is never a verdict on the input (nothing is quarantined for it); the caller retries.
/// </summary>
public static class TransientFailure
{
    public static bool Is(Exception? e) => e switch
    {
        null => false,
        // Npgsql counts a socket closed under it as transient.
        System.Data.Common.DbException { IsTransient: true } => true,
        // Microsoft.Data.Sqlite does not say IsTransient for a busy (5) or locked (6) database: its codes do.
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 } => true,
        AggregateException many => many.InnerExceptions.Any(Is),
        _ => Is(e.InnerException),
    };
}
