using Guichet.Core.Calendars;
using NodaTime;

namespace Guichet.Core.Tests.Calendars;

public class CalendarTextTests
{
    [Fact]
    public void Reads_day_ranges_lists_and_holidays()
    {
        var calendar = CalendarText.Parse("America/Montreal", "mon-fri 08:30-17:00; sat,sun 10:00-14:00", "2026-12-25 2027-01-01").Value;
        Assert.Equal(7, calendar.Windows.Count);
        Assert.Contains(new BusinessWindow(IsoDayOfWeek.Saturday, new LocalTime(10, 0), new LocalTime(14, 0)), calendar.Windows);
        Assert.True(calendar.IsHoliday(new LocalDate(2027, 1, 1)));
        Assert.Equal("mon 08:30-17:00; tue 08:30-17:00; wed 08:30-17:00; thu 08:30-17:00; fri 08:30-17:00; sat 10:00-14:00; sun 10:00-14:00",
            CalendarText.FormatHours(calendar.Windows));
    }

    [Fact]
    public void A_range_may_wrap_over_the_weekend_and_end_at_24_00()
    {
        var calendar = CalendarText.Parse("Europe/Paris", "fri-mon 18:00-24:00", null).Value;
        Assert.Equal([IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], calendar.Windows.Select(w => w.Day));
        Assert.True(calendar.Windows[0].SpansMidnight);
    }

    [Fact]
    public void Reports_every_bad_part_against_its_field()
    {
        var result = CalendarText.Parse("Mars/Olympus", "weekdays 9-5", "2026-13-45");
        Assert.False(result.Succeeded);
        Assert.Equal(["holidays", "hours", "timeZone"], result.Failure!.Errors.Keys.Order());
    }

    [Fact]
    public void Needs_at_least_one_window()
    {
        var result = CalendarText.Parse("Europe/Paris", "", null);
        Assert.Contains("At least one opening window", result.Failure!.Errors["hours"][0], StringComparison.Ordinal);
    }
}
