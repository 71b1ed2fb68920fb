using Guichet.Core.Data;
using Microsoft.Data.Sqlite;

namespace Guichet.Core.Tests.Data;

public class WriteTurnsTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Runs synchronously up to its wait, so the person is queued when this returns; the mark ends with it.
    private static async Task PersonEntersAsync(WriteTurns turns, object owner)
    {
        WriteTurns.ForPeople();
        await turns.EnterAsync(owner, Long, Ct);
    }

    [Fact]
    public async Task A_person_goes_before_background_work_that_waited_longer_and_background_work_keeps_its_order()
    {
        var turns = new WriteTurns();
        await turns.EnterAsync("intake group", Long, Ct);
        var worker = turns.EnterAsync("worker", Long, Ct).AsTask();
        var import = turns.EnterAsync("import", Long, Ct).AsTask();
        var agent = PersonEntersAsync(turns, "agent's note");
        Assert.True(turns.PeopleWaiting);
        Assert.Equal(3, turns.Waiting);

        turns.Exit("intake group");
        await agent;
        Assert.False(turns.PeopleWaiting);
        Assert.False(worker.IsCompleted);

        turns.Exit("agent's note");
        await worker;
        Assert.False(import.IsCompleted);
        turns.Exit("worker");
        await import;
        Assert.Equal(0, turns.Waiting);
    }

    [Fact]
    public async Task After_a_run_of_people_background_work_that_waits_goes_once()
    {
        var turns = new WriteTurns();
        await turns.EnterAsync("holder", Long, Ct);
        var intake = turns.EnterAsync("intake", Long, Ct).AsTask();
        var owners = Enumerable.Range(0, WriteTurns.PeopleInARow + 1).Select(_ => new object()).ToList();
        var people = owners.ConvertAll(owner => PersonEntersAsync(turns, owner));
        object previous = "holder";
        for (var n = 0; n < WriteTurns.PeopleInARow; n++)
        {
            turns.Exit(previous);
            await people[n];
            previous = owners[n];
        }
        Assert.False(intake.IsCompleted);

        turns.Exit(previous);
        await intake;
        Assert.False(people[^1].IsCompleted);
        turns.Exit("intake");
        await people[^1];
    }

    [Fact]
    public async Task The_holder_does_not_wait_for_itself_and_only_the_holder_gives_the_turn_on()
    {
        var turns = new WriteTurns();
        await turns.EnterAsync("a", Long, Ct);
        // A transaction disposed without a rollback left it held: the next one of the same context goes on.
        await turns.EnterAsync("a", Long, Ct);
        var b = turns.EnterAsync("b", Long, Ct).AsTask();
        turns.Exit("b");
        turns.Exit("nobody");
        Assert.False(b.IsCompleted);
        turns.Exit("a");
        await b;
    }

    [Fact]
    public async Task A_wait_past_the_timeout_fails_as_a_busy_database_would_and_leaves_nobody_queued()
    {
        var turns = new WriteTurns();
        await turns.EnterAsync("a", Long, Ct);
        var busy = await Assert.ThrowsAsync<SqliteException>(() => turns.EnterAsync("b", TimeSpan.FromMilliseconds(1), Ct).AsTask());
        Assert.Equal(5, busy.SqliteErrorCode);
        Assert.True(TransientFailure.Is(busy));
        Assert.Equal(0, turns.Waiting);

        turns.Exit("a");
        // Free again: the timed-out one was not handed the turn.
        var free = turns.EnterAsync("c", Long, Ct).AsTask();
        Assert.True(free.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_person_who_stops_waiting_leaves_the_queue()
    {
        var turns = new WriteTurns();
        await turns.EnterAsync("a", Long, Ct);
        using var stop = new CancellationTokenSource();
        var person = Person(turns, "b", stop.Token);
        Assert.True(turns.PeopleWaiting);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => person);
        Assert.False(turns.PeopleWaiting);
        Assert.Equal(0, turns.Waiting);

        static async Task Person(WriteTurns turns, object owner, CancellationToken ct)
        {
            WriteTurns.ForPeople();
            await turns.EnterAsync(owner, Long, ct);
        }
    }
}
