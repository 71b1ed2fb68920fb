using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Promises;
using Guichet.Core.Teams;

namespace Guichet.Core.Tests.Cases;

public class CaseTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 15, 0, 0, TimeSpan.Zero);
    private static readonly Team Desk = new() { Slug = "desk", Name = "Desk", TimeZone = "Europe/Paris", Hours = "mon-fri 09:00-17:00" };
    private static readonly Team Baggage = new() { Slug = "bagages", Name = "Bagages", TimeZone = "Europe/Paris", Hours = "mon-sun 07:00-21:00" };
    private static readonly Agent Claire = new() { Email = "claire@x.test", Name = "Claire" };

    private static Case NewCase() => Case.Open(Desk, new Customer { Name = "Julien Rio" }, "Bagages perdus", Channel.Email, T0);

    [Fact]
    public void A_repeat_contact_is_counted_and_raises_priority()
    {
        var c = NewCase();
        c.RecordCustomerContact(T0);
        Assert.Equal(CasePriority.Normal, c.Priority);
        c.RecordCustomerContact(T0.AddDays(7));
        c.RecordCustomerContact(T0.AddDays(14));
        Assert.Equal(3, c.ContactCount);
        Assert.Equal(CasePriority.Urgent, c.Priority);
        c.RecordCustomerContact(T0.AddDays(21));
        Assert.Equal(CasePriority.Urgent, c.Priority);
    }

    [Fact]
    public void A_customer_writing_on_a_resolved_case_reopens_it()
    {
        var c = NewCase();
        Assert.Null(c.Resolve(Claire, T0));
        c.RecordCustomerContact(T0.AddHours(1));
        Assert.Equal(CaseStatus.Open, c.Status);
        Assert.Contains(c.Events, e => e.Kind == CaseEventKind.StatusChanged && e.Detail == "reopened by the customer");
    }

    [Fact]
    public void Status_changes_refuse_what_the_state_does_not_allow()
    {
        var c = NewCase();
        Assert.Equal(FailureKind.Conflict, c.Reopen(Claire, T0)!.Kind);
        Assert.Equal(FailureKind.Conflict, c.Close(Claire, T0)!.Kind);
        Assert.Null(c.Resolve(Claire, T0));
        Assert.Equal(FailureKind.Conflict, c.Resolve(Claire, T0)!.Kind);
        Assert.Null(c.Close(Claire, T0));
        Assert.Null(c.Reopen(Claire, T0));
        Assert.Equal(CaseStatus.Open, c.Status);
        Assert.Null(c.ResolvedAt);
    }

    [Fact]
    public void The_first_person_to_reply_owns_the_case()
    {
        var c = NewCase();
        c.RecordAgentReply(Claire, T0);
        Assert.Same(Claire, c.Owner);
        Assert.Equal(CaseStatus.Open, c.Status);
        Assert.Contains(c.Events, e => e.Kind == CaseEventKind.Assigned && e.To == "Claire");
    }

    [Fact]
    public void A_transfer_keeps_promise_dates_and_records_the_note()
    {
        var c = NewCase();
        var promise = Promise.Make(c, PromiseKind.Commitment, "Refund decision", T0.AddDays(2), Claire, false, T0);
        Assert.Null(c.TransferTo(Baggage, null, "Tag FRA 123456, do not ask again", Claire, T0.AddHours(1)));
        Assert.Same(Baggage, c.Team);
        Assert.Equal(T0.AddDays(2), promise.DueAt);
        Assert.Equal(T0.AddDays(2), c.NextDueAt);
        var transfer = Assert.Single(c.Events, e => e.Kind == CaseEventKind.Transferred);
        Assert.Equal(("Desk", "Bagages"), (transfer.From, transfer.To));
        Assert.Equal(1, c.Transfers);
        // Claire stays behind: the promise is the receiving team's until someone there owns the case.
        Assert.Null(promise.OwnerId);
        Assert.Equal(FailureKind.Invalid, c.TransferTo(Baggage, null, "again", Claire, T0)!.Kind);
    }
}

public class SubjectKeyTests
{
    [Theory]
    [InlineData("Re: Vol LH1034 annulé", "vol lh1034 annulé")]
    [InlineData("RE : TR: Fwd: vol  LH1034   annulé ", "vol lh1034 annulé")]
    [InlineData("AW: WG: Rückerstattung", "rückerstattung")]
    [InlineData("Re[2]: Remboursement", "remboursement")]
    [InlineData("Réponse attendue", "réponse attendue")]
    public void Strips_reply_and_forward_prefixes(string subject, string key) => Assert.Equal(key, Core.Cases.SubjectKey.Of(subject));
}
