using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Promises;
using Guichet.Core.Teams;

namespace Guichet.Core.Tests.Cases;

public class PromiseTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 15, 0, 0, TimeSpan.Zero);
    private static readonly Agent Claire = new() { Email = "claire@x.test", Name = "Claire" };

    private static (Case Case, Promise Promise) Make(DateTimeOffset due)
    {
        var team = new Team { Slug = "d", Name = "Desk", TimeZone = "Europe/Paris", Hours = "mon-fri 09:00-17:00" };
        var c = Case.Open(team, new Customer { Name = "Ana" }, "s", Channel.Email, T0);
        return (c, Promise.Make(c, PromiseKind.Commitment, "Call back", due, Claire, false, T0));
    }

    [Fact]
    public void Renegotiation_moves_the_date_later_and_keeps_the_history()
    {
        var (c, p) = Make(T0.AddHours(10));
        Assert.Null(p.Renegotiate(T0.AddHours(30), Claire, null, T0.AddHours(5)));
        Assert.Equal(PromiseState.Renegotiated, p.State);
        Assert.True(p.IsActive);
        var r = Assert.Single(p.Renegotiations);
        Assert.Equal((T0.AddHours(10), T0.AddHours(30)), (r.OldDueAt, r.NewDueAt));
        Assert.Equal(T0.AddHours(30), c.NextDueAt);
    }

    [Fact]
    public void Renegotiation_refuses_an_earlier_or_past_date_and_a_settled_promise()
    {
        var (_, p) = Make(T0.AddHours(10));
        Assert.Equal("newDueAt", p.Renegotiate(T0.AddHours(8), Claire, null, T0)!.Errors.Keys.Single());
        Assert.Equal("newDueAt", p.Renegotiate(T0.AddHours(20), Claire, null, T0.AddHours(21))!.Errors.Keys.Single());
        Assert.Null(p.Keep(Claire, T0.AddHours(1)));
        Assert.Equal(FailureKind.Conflict, p.Renegotiate(T0.AddHours(20), Claire, null, T0.AddHours(2))!.Kind);
        Assert.Equal(FailureKind.Conflict, p.Keep(Claire, T0.AddHours(2))!.Kind);
        Assert.Equal(FailureKind.Conflict, p.Break(Claire, "x", T0.AddHours(2))!.Kind);
    }

    [Fact]
    public void A_running_promise_past_due_is_a_silent_breach_and_a_settled_one_is_not()
    {
        var (c, p) = Make(T0.AddHours(10));
        Assert.False(p.IsSilentlyBreached(T0.AddHours(9)));
        Assert.True(p.IsSilentlyBreached(T0.AddHours(10)));
        Assert.Null(p.Keep(Claire, T0.AddHours(11)));
        Assert.False(p.IsSilentlyBreached(T0.AddHours(12)));
        Assert.Null(c.NextDueAt);
    }
}
