using Guichet.Core.Promises;
using Guichet.Core.Teams;
using Guichet.Core.Tests.Calendars;

namespace Guichet.Core.Tests.Promises;

public class PromiseScheduleTests
{
    private static readonly Team Desk = new() { Slug = "desk", Name = "Desk", TimeZone = "Europe/Paris", Hours = "mon-fri 09:00-17:00" };

    private static DateTimeOffset Paris(string local) => Desk.Calendar.Local(local).ToDateTimeOffset();

    private static string Local(DateTimeOffset? t) => t is null ? "none" : Desk.Calendar.ToLocal(NodaTime.Instant.FromDateTimeOffset(t.Value));

    [Fact]
    public void The_first_answer_is_noticed_four_business_hours_ahead_and_its_owner_alerted_before_that()
    {
        // 16 business hours: notice at due − 4 h; the owner 20 % of the span (3.2 h) before the notice.
        var plan = PromiseSchedule.For(Desk, Paris("2026-11-27T16:00:00"), Paris("2026-12-01T16:00:00"));
        Assert.Equal("2026-12-01T12:00:00", Local(plan.NoticeAt));
        Assert.Equal("2026-11-30T16:48:00", Local(plan.OwnerAlertAt));
    }

    [Fact]
    public void A_short_promise_gets_its_notice_in_its_second_half_and_the_owner_halfway_to_it()
    {
        var plan = PromiseSchedule.For(Desk, Paris("2026-11-30T10:00:00"), Paris("2026-11-30T12:00:00"));
        Assert.Equal("2026-11-30T11:00:00", Local(plan.NoticeAt));
        Assert.Equal("2026-11-30T10:30:00", Local(plan.OwnerAlertAt));
    }

    [Fact]
    public void The_minimum_owner_lead_is_two_business_hours_and_skips_the_night()
    {
        // 8 business hours from Monday 9:00: notice Monday 13:00; 20 % is 1.6 h, so 2 h → Monday 11:00.
        var plan = PromiseSchedule.For(Desk, Paris("2026-11-30T09:00:00"), Paris("2026-11-30T17:00:00"));
        Assert.Equal("2026-11-30T13:00:00", Local(plan.NoticeAt));
        Assert.Equal("2026-11-30T11:00:00", Local(plan.OwnerAlertAt));

        // Due Tuesday 10:00 from Monday 16:00 is a 2-hour span: the lead shrinks to half of it, so the
        // notice goes first thing Tuesday and the owner hears half an hour after the promise was made.
        plan = PromiseSchedule.For(Desk, Paris("2026-11-30T16:00:00"), Paris("2026-12-01T10:00:00"));
        Assert.Equal("2026-12-01T09:00:00", Local(plan.NoticeAt));
        Assert.Equal("2026-11-30T16:30:00", Local(plan.OwnerAlertAt));
    }

    [Fact]
    public void A_promise_due_outside_hours_is_noticed_inside_them()
    {
        // Due Saturday noon: 4 business hours before is Friday 13:00.
        var plan = PromiseSchedule.For(Desk, Paris("2026-11-23T09:00:00"), Paris("2026-11-28T12:00:00"));
        Assert.Equal("2026-11-27T13:00:00", Local(plan.NoticeAt));
    }

    [Fact]
    public void A_due_time_already_past_needs_no_alert()
    {
        var plan = PromiseSchedule.For(Desk, Paris("2026-11-30T12:00:00"), Paris("2026-11-30T11:00:00"));
        Assert.Null(plan.OwnerAlertAt);
        Assert.Equal("2026-11-30T11:00:00", Local(plan.NoticeAt));
    }
}
