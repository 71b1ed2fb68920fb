using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Guichet.Core.Data;

/// <summary>
/// Puts every EF Core transaction on SQLite in <see cref="WriteTurns"/>: the turn is taken before
/// <c>BEGIN IMMEDIATE</c> and given on at commit, rollback, failure (of the BEGIN too), or at the
/// latest when the context closes or disposes its connection (a transaction disposed without a
/// rollback raises no event).
/// A statement outside a transaction (<c>ExecuteUpdate</c>, <c>ExecuteSql</c>) takes a turn for
/// itself; every save is in a transaction (<see cref="SqliteGuichetDb"/>). Reads never wait.
/// </summary>
public sealed class WriteTurnsInterceptor(WriteTurns turns) : DbTransactionInterceptor, IDbConnectionInterceptor, IDbCommandInterceptor
{
    // The transaction is begun here, not by EF Core after this returns: EF Core raises no event when
    // its BEGIN fails (busy past the timeout, cancelled), and the turn would stay held for good.
    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        var owner = Owner(eventData);
        turns.Enter(owner, Timeout(connection));
        try
        {
            return InterceptionResult<DbTransaction>.SuppressWithResult(connection.BeginTransaction(eventData.IsolationLevel));
        }
        catch
        {
            turns.Exit(owner);
            throw;
        }
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        var owner = Owner(eventData);
        await turns.EnterAsync(owner, Timeout(connection), cancellationToken);
        try
        {
            return InterceptionResult<DbTransaction>.SuppressWithResult(await connection.BeginTransactionAsync(eventData.IsolationLevel, cancellationToken));
        }
        catch
        {
            turns.Exit(owner);
            throw;
        }
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Exit(eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) => Exit(eventData);

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Exit(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) => Exit(eventData);

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        // A failed savepoint leaves the transaction open; a failed commit, begin or rollback does not.
        if (eventData.Action is not ("CreateSavepoint" or "RollbackToSavepoint" or "ReleaseSavepoint"))
        {
            Exit(eventData);
        }
    }

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Exit(eventData);

    // A context disposed with its connection open closes it without a ConnectionClosed event.
    public InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Exit(eventData);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Exit(eventData);
        return ValueTask.FromResult(result);
    }

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Exit(eventData);
        return Task.CompletedTask;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (command.Transaction is null && eventData.Context is { } owner)
        {
            turns.Enter(owner, Timeout(command.Connection!));
        }
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (command.Transaction is null && eventData.Context is { } owner)
        {
            await turns.EnterAsync(owner, Timeout(command.Connection!), cancellationToken);
        }
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        ExitAlone(command, eventData);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ExitAlone(command, eventData);
        return ValueTask.FromResult(result);
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ExitAlone(command, eventData);

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => ExitAlone(command, eventData);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ExitAlone(command, eventData);
        return Task.CompletedTask;
    }

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ExitAlone(command, eventData);
        return Task.CompletedTask;
    }

    // Only a statement that took its own turn gives it on; one inside a transaction leaves it to the commit.
    private void ExitAlone(DbCommand command, DbContextEventData eventData)
    {
        if (command.Transaction is null)
        {
            Exit(eventData);
        }
    }

    private Task Exit(DbContextEventData eventData)
    {
        if (eventData.Context is { } owner)
        {
            turns.Exit(owner);
        }
        return Task.CompletedTask;
    }

    private static object Owner(DbContextEventData eventData) => eventData.Context ?? throw new InvalidOperationException("A transaction outside a context cannot take a write turn.");

    // The connection's DefaultTimeout (30 s here), the wait SQLite's busy handling would have allowed.
    private static TimeSpan Timeout(DbConnection connection) =>
        TimeSpan.FromSeconds(connection is Microsoft.Data.Sqlite.SqliteConnection { DefaultTimeout: > 0 and var seconds } ? seconds : 30);
}
