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
        System.Data.Common.DbException { IsTransient: true } => true,
        // Npgsql's own I/O failures (a socket closed under it) are not DbExceptions with IsTransient on every path.
        Npgsql.NpgsqlException { InnerException: IOException or System.Net.Sockets.SocketException } => true,
        AggregateException many => many.InnerExceptions.Any(Is),
        _ => Is(e.InnerException),
    };
}
