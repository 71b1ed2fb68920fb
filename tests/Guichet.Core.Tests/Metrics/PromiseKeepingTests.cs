using Guichet.Core.Metrics;
using Guichet.Core.Promises;

namespace Guichet.Core.Tests.Metrics;

public class PromiseKeepingTests
{
    [Fact]
    public void Silent_breaches_are_counted_apart_from_promises_broken_openly_and_unowned_promises_go_to_their_team()
    {
        var now = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
        // Silent: found lapsed by the watcher (a broken promise), or running past due (a running one).
        PromiseKeeping.Row Row(PromiseState state, string? owner = "Claire", bool renegotiated = false, bool silent = false, string team = "Service client") =>
            new(1, team, owner, state, renegotiated, silent && state == PromiseState.Broken, silent ? now.AddMinutes(-1) : now.AddHours(3));
        var rows = new[]
        {
            Row(PromiseState.Kept),
            Row(PromiseState.Kept, renegotiated: true),
            Row(PromiseState.Broken),
            Row(PromiseState.Broken, silent: true),
            Row(PromiseState.Open, owner: null),
            // Running past due: a silent breach the watcher has not reached yet.
            Row(PromiseState.Renegotiated, renegotiated: true, silent: true, team: "Bagages"),
        };
        var all = PromiseKeeping.Of("all", rows, now);
        Assert.Equal((6, 1, 2, 2, 1, 2), (all.Made, all.Open, all.Kept, all.Renegotiated, all.Broken, all.SilentBreaches));
        Assert.Equal(0.4, all.KeptShare);
        Assert.Equal(["(Service client)", "Claire"], PromiseKeeping.ByOwner(rows, now).Select(r => r.Group));
        Assert.Equal(["Bagages", "Service client"], PromiseKeeping.ByTeam(rows, now).Select(r => r.Group));
        Assert.Null(PromiseKeeping.Of("none settled", [Row(PromiseState.Open)], now).KeptShare);
    }
}
