using NodaTime;

namespace Guichet.Core.Tests.Calendars;

public class ServiceCalendarTests
{
    private static readonly Core.Calendars.ServiceCalendar Paris = CalendarAt.Make("Europe/Paris", "mon-fri 09:00-17:00", "2026-12-25, 2027-01-01");

    [Theory]
    // Friday 16:00 + 2 business days: the weekend does not count (the acceptance case).
    [InlineData("2026-11-27T16:00:00", 2, "2026-12-01T16:00:00")]
    // Mid-week, same time two business days on.
    [InlineData("2026-12-02T10:30:00", 2, "2026-12-04T10:30:00")]
    // Thursday 24 December + 1: Christmas Friday is a holiday, the weekend follows → Monday.
    [InlineData("2026-12-24T11:00:00", 1, "2026-12-28T11:00:00")]
    // Starts outside hours (Saturday): counting starts Monday 09:00, so two full days end Tuesday 17:00.
    [InlineData("2026-11-28T10:00:00", 2, "2026-12-01T17:00:00")]
    // Starts after closing on a weekday: the next morning is day one.
    [InlineData("2026-11-25T19:00:00", 1, "2026-11-26T17:00:00")]
    // Starts before opening: the day itself is day one.
    [InlineData("2026-11-25T07:00:00", 1, "2026-11-25T17:00:00")]
    public void Adds_business_days(string start, int days, string expected)
    {
        var due = Paris.AddBusinessDays(Paris.Local(start), days);
        Assert.Equal(expected, Paris.ToLocal(due));
    }

    [Fact]
    public void Zero_business_days_is_the_start_itself_even_outside_hours()
    {
        var saturday = Paris.Local("2026-11-28T10:00:00");
        Assert.Equal(saturday, Paris.AddBusinessDays(saturday, 0));
        Assert.Equal(saturday, Paris.AddBusinessTime(saturday, Duration.Zero));
    }

    [Fact]
    public void Two_hundred_business_days_skip_every_weekend_and_holiday()
    {
        var start = Paris.Local("2026-11-27T16:00:00");
        var due = Paris.AddBusinessDays(start, 200);

        // Count the business days in between independently: weekdays that are not holidays.
        var businessDays = 0;
        for (var d = new LocalDate(2026, 11, 28); d <= due.InZone(Paris.Zone).Date; d = d.PlusDays(1))
        {
            if (d.DayOfWeek < IsoDayOfWeek.Saturday && d != new LocalDate(2026, 12, 25) && d != new LocalDate(2027, 1, 1))
            {
                businessDays++;
            }
        }
        Assert.Equal(200, businessDays);
        Assert.Equal(new LocalTime(16, 0), due.InZone(Paris.Zone).TimeOfDay);
        Assert.Equal("2027-09-07T16:00:00", Paris.ToLocal(due));
    }

    [Fact]
    public void Business_hours_carry_over_the_weekend()
    {
        // Friday 15:00 + 4 h = 2 h on Friday, then 2 h on Monday.
        var due = Paris.AddBusinessHours(Paris.Local("2026-11-27T15:00:00"), 4);
        Assert.Equal("2026-11-30T11:00:00", Paris.ToLocal(due));
    }

    [Fact]
    public void A_deadline_that_uses_a_whole_day_ends_at_closing_not_next_opening()
    {
        var due = Paris.AddBusinessHours(Paris.Local("2026-11-30T09:00:00"), 8);
        Assert.Equal("2026-11-30T17:00:00", Paris.ToLocal(due));
    }

    [Fact]
    public void Spring_forward_in_Paris_keeps_local_hours_and_counts_real_time()
    {
        // 29 March 2026 is the spring DST change (Sunday 02:00 → 03:00). A Mon–Sun 01:00–05:00
        // window that night is 3 real hours long, not 4.
        var night = CalendarAt.Make("Europe/Paris", "mon-sun 01:00-05:00");
        var due = night.AddBusinessHours(night.Local("2026-03-29T01:00:00"), 4);
        Assert.Equal("2026-03-30T02:00:00", night.ToLocal(due));

        // Office hours on the Friday before and the Monday after the change stay 09:00–17:00 local.
        var friday = Paris.Local("2026-03-27T16:00:00");
        Assert.Equal("2026-03-31T16:00:00", Paris.ToLocal(Paris.AddBusinessDays(friday, 2)));
        // Four calendar days later, one of whose hours never existed.
        Assert.Equal(Duration.FromHours((4 * 24) - 1), Paris.AddBusinessDays(friday, 2) - friday);
    }

    [Fact]
    public void Fall_back_in_Montreal_keeps_local_hours()
    {
        // 1 November 2026: Montreal leaves daylight time. Friday 30 October 16:00 + 2 → Tuesday 3 November 16:00 local,
        // which is 21:00 UTC once standard time applies (it was 20:00 UTC before).
        var montreal = CalendarAt.Make("America/Montreal", "mon-fri 08:30-17:00");
        var start = montreal.Local("2026-10-30T16:00:00");
        var due = montreal.AddBusinessDays(start, 2);
        Assert.Equal("2026-11-03T16:00:00", montreal.ToLocal(due));
        Assert.Equal(Instant.FromUtc(2026, 11, 3, 21, 0), due);
        Assert.Equal(Instant.FromUtc(2026, 10, 30, 20, 0), start);
    }

    [Fact]
    public void A_night_window_spanning_midnight_belongs_to_the_day_it_opens()
    {
        var night = CalendarAt.Make("Europe/Paris", "mon-fri 22:00-06:00", "2026-12-25");
        // Inside the Friday night shift on Saturday 03:00.
        Assert.True(night.IsOpen(night.Local("2026-11-28T03:00:00")));
        Assert.False(night.IsOpen(night.Local("2026-11-28T07:00:00")));
        // Saturday 07:00: no shift opens on Saturday or Sunday, so next is Monday 22:00.
        Assert.Equal("2026-11-30T22:00:00", night.ToLocal(night.NextOpening(night.Local("2026-11-28T07:00:00"))));
        // Friday 23:00 + 4 business hours = Saturday 03:00, across midnight.
        Assert.Equal("2026-11-28T03:00:00", night.ToLocal(night.AddBusinessHours(night.Local("2026-11-27T23:00:00"), 4)));
        // A holiday removes the shift that opens on it: Christmas Friday's night is closed.
        Assert.False(night.IsOpen(night.Local("2026-12-26T01:00:00")));
    }

    [Fact]
    public void Tells_whether_open_and_when_people_are_back()
    {
        Assert.True(Paris.IsOpen(Paris.Local("2026-11-27T09:00:00")));
        Assert.False(Paris.IsOpen(Paris.Local("2026-11-27T17:00:00")));
        Assert.Equal("2026-11-30T09:00:00", Paris.ToLocal(Paris.NextOpening(Paris.Local("2026-11-27T17:00:00"))));
        Assert.Equal("2026-12-28T09:00:00", Paris.ToLocal(Paris.NextOpening(Paris.Local("2026-12-24T18:00:00"))));
        var open = Paris.Local("2026-11-27T10:00:00");
        Assert.Equal(open, Paris.NextOpening(open));
    }

    [Fact]
    public void A_lunch_break_does_not_count()
    {
        var shop = CalendarAt.Make("Europe/Paris", "mon-fri 09:00-12:00; mon-fri 14:00-18:00");
        Assert.Equal("2026-11-30T15:00:00", shop.ToLocal(shop.AddBusinessHours(shop.Local("2026-11-30T11:00:00"), 2)));
        // One business day from 15:00 (4 h into a 7 h day) is 15:00 the next day.
        Assert.Equal("2026-12-01T15:00:00", shop.ToLocal(shop.AddBusinessDays(shop.Local("2026-11-30T15:00:00"), 1)));
        Assert.False(shop.IsOpen(shop.Local("2026-11-30T13:00:00")));
    }

    [Fact]
    public void A_shorter_target_day_caps_the_position_at_its_close()
    {
        var shop = CalendarAt.Make("Europe/Paris", "mon-fri 09:00-17:00; sat 09:00-12:00");
        // Friday 16:00 is 7 h into the day; Saturday only has 3 h, so the promise falls due at its close.
        Assert.Equal("2026-11-28T12:00:00", shop.ToLocal(shop.AddBusinessDays(shop.Local("2026-11-27T16:00:00"), 1)));
    }

    [Fact]
    public void Refuses_negative_amounts()
    {
        var start = Paris.Local("2026-11-27T16:00:00");
        Assert.Throws<ArgumentOutOfRangeException>(() => Paris.AddBusinessDays(start, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Paris.AddBusinessTime(start, Duration.FromHours(-1)));
    }
}

public class ServiceCalendarBackwardsTests
{
    private static readonly Core.Calendars.ServiceCalendar Paris = CalendarAt.Make("Europe/Paris", "mon-fri 09:00-17:00", "2026-12-25");

    [Theory]
    // Tuesday 16:00 − 4 business hours = Tuesday 12:00.
    [InlineData("2026-12-01T16:00:00", 4, "2026-12-01T12:00:00")]
    // Monday 11:00 − 4 h = 2 h on Monday, then 2 h before Friday's close → Friday 15:00.
    [InlineData("2026-11-30T11:00:00", 4, "2026-11-27T15:00:00")]
    // Across Christmas: Monday 28 December 10:00 − 3 h skips the holiday Friday → Thursday 15:00.
    [InlineData("2026-12-28T10:00:00", 3, "2026-12-24T15:00:00")]
    // From outside hours (Saturday), counting starts at Friday's close.
    [InlineData("2026-11-28T12:00:00", 1, "2026-11-27T16:00:00")]
    public void Subtracts_business_hours(string end, double hours, string expected)
    {
        var result = Paris.SubtractBusinessTime(Paris.Local(end), Duration.FromHours(hours));
        Assert.Equal(expected, Paris.ToLocal(result));
    }

    [Fact]
    public void Subtracting_undoes_adding_inside_hours()
    {
        var start = Paris.Local("2026-11-27T10:30:00");
        foreach (var hours in new[] { 1, 5, 8, 13, 40, 333 })
        {
            var later = Paris.AddBusinessHours(start, hours);
            Assert.Equal(start, Paris.SubtractBusinessTime(later, Duration.FromHours(hours)));
            Assert.Equal(Duration.FromHours(hours), Paris.BusinessTimeBetween(start, later));
        }
    }

    [Fact]
    public void Business_time_between_counts_only_opening_hours()
    {
        Assert.Equal(Duration.FromHours(16), Paris.BusinessTimeBetween(Paris.Local("2026-11-27T16:00:00"), Paris.Local("2026-12-01T16:00:00")));
        Assert.Equal(Duration.Zero, Paris.BusinessTimeBetween(Paris.Local("2026-11-28T10:00:00"), Paris.Local("2026-11-29T20:00:00")));
        Assert.Equal(Duration.Zero, Paris.BusinessTimeBetween(Paris.Local("2026-12-01T16:00:00"), Paris.Local("2026-11-27T16:00:00")));
    }
}
