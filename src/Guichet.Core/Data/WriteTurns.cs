using Microsoft.Data.Sqlite;

namespace Guichet.Core.Data;

/// <summary>
/// SQLite has one writer. Left to itself, a transaction that finds the database busy is retried
/// by Microsoft.Data.Sqlite every 150 ms, so during a mail storm an agent's note lost the race to
/// the intake's next group again and again (issue 29: p95 over a second). Here the server's write
/// transactions take turns in the process instead, and a person's request (an HTTP request:
/// <see cref="ForPeople"/>) goes before background work (the intake's groups, workers, imports),
/// though after <see cref="PeopleInARow"/> people's turns waiting background work goes once.
/// The intake also ends its group early when someone waits (<see cref="PeopleWaiting"/>), so a
/// person waits for about one message, not a group. Another process (a CLI verb on the same
/// file) still meets SQLite's own busy handling. Unused on PostgreSQL, which locks rows.
/// </summary>
public sealed class WriteTurns
{
    private static readonly AsyncLocal<bool> People = new();

    private readonly object sync = new();
    private readonly LinkedList<Waiter> peopleQueue = new();
    private readonly LinkedList<Waiter> backgroundQueue = new();
    private object? holder;
    private int peopleWaiting;
    private int peopleInARow;

    /// <summary>People's turns given in a row while background work waits, before it gets one.</summary>
    public const int PeopleInARow = 8;

    /// <summary>Marks the rest of this flow (a request) as a person's: its writes go first.</summary>
    public static void ForPeople() => People.Value = true;

    /// <summary>Marks the rest of this flow as background work, inside a request too (what nobody waits to see).</summary>
    public static void ForBackground() => People.Value = false;

    /// <summary>A person's write waits for the turn now.</summary>
    public bool PeopleWaiting => Volatile.Read(ref peopleWaiting) > 0;

    /// <summary>Writes waiting for the turn, people's and background ones.</summary>
    public int Waiting
    {
        get
        {
            lock (sync)
            {
                return peopleQueue.Count + backgroundQueue.Count;
            }
        }
    }

    /// <summary>
    /// The turn for a transaction of <paramref name="owner"/> (a context); an owner already holding
    /// it keeps it (a transaction disposed without a rollback leaves it held until the next one or
    /// the connection's close). Waiting longer than <paramref name="timeout"/> fails like SQLite's
    /// busy timeout would.
    /// </summary>
    public async ValueTask EnterAsync(object owner, TimeSpan timeout, CancellationToken ct)
    {
        if (Enqueue(owner) is not { } waiter)
        {
            return;
        }
        try
        {
            await waiter.Granted.Task.WaitAsync(timeout, ct);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            Abandon(waiter);
            throw e is TimeoutException ? Busy() : e;
        }
    }

    /// <inheritdoc cref="EnterAsync"/>
    public void Enter(object owner, TimeSpan timeout)
    {
        if (Enqueue(owner) is not { } waiter)
        {
            return;
        }
        if (!waiter.Granted.Task.Wait(timeout))
        {
            Abandon(waiter);
            throw Busy();
        }
    }

    /// <summary>Gives the turn on, to a waiting person first; an owner that does not hold it changes nothing.</summary>
    public void Exit(object owner)
    {
        lock (sync)
        {
            if (!ReferenceEquals(holder, owner))
            {
                return;
            }
            holder = null;
            // People first, but not for ever: after a run of people's turns, waiting background work goes once.
            var next = peopleQueue.First is { } person && (peopleInARow < PeopleInARow || backgroundQueue.First is null) ? person : backgroundQueue.First ?? peopleQueue.First;
            if (next is null)
            {
                return;
            }
            peopleInARow = next.Value.ForPeople ? peopleInARow + 1 : 0;
            Remove(next.Value);
            holder = next.Value.Owner;
            next.Value.Granted.TrySetResult();
        }
    }

    private Waiter? Enqueue(object owner)
    {
        lock (sync)
        {
            if (holder is null || ReferenceEquals(holder, owner))
            {
                holder = owner;
                return null;
            }
            var waiter = new Waiter(owner, People.Value);
            waiter.Node = (waiter.ForPeople ? peopleQueue : backgroundQueue).AddLast(waiter);
            if (waiter.ForPeople)
            {
                Interlocked.Increment(ref peopleWaiting);
            }
            return waiter;
        }
    }

    // Given up (timeout, cancel): out of the queue, or, granted meanwhile, the turn passed on.
    private void Abandon(Waiter waiter)
    {
        bool granted;
        lock (sync)
        {
            granted = waiter.Node is null;
            if (!granted)
            {
                Remove(waiter);
            }
        }
        if (granted)
        {
            Exit(waiter.Owner);
        }
    }

    private void Remove(Waiter waiter)
    {
        (waiter.ForPeople ? peopleQueue : backgroundQueue).Remove(waiter.Node!);
        waiter.Node = null;
        if (waiter.ForPeople)
        {
            Interlocked.Decrement(ref peopleWaiting);
        }
    }

    private static SqliteException Busy() => new("database is locked: another write held it past the connection's timeout", 5);

    private sealed class Waiter(object owner, bool forPeople)
    {
        public object Owner { get; } = owner;
        public bool ForPeople { get; } = forPeople;
        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public LinkedListNode<Waiter>? Node { get; set; }
    }
}
