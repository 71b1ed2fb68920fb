using Guichet.Core.Calendars;
using NodaTime;

namespace Guichet.Core.Tests.Calendars;

/// <summary>Builds calendars and local instants so tests read as the rules do.</summary>
internal static class CalendarAt
{
    public static ServiceCalendar Make(string zone, string hours, string holidays = "") =>
        CalendarText.Parse(zone, hours, holidays).Value;

    public static Instant Local(this ServiceCalendar calendar, string isoLocal) =>
        NodaTime.Text.LocalDateTimePattern.GeneralIso.Parse(isoLocal).Value.InZoneStrictly(calendar.Zone).ToInstant();

    public static string ToLocal(this ServiceCalendar calendar, Instant instant) =>
        NodaTime.Text.LocalDateTimePattern.GeneralIso.Format(instant.InZone(calendar.Zone).LocalDateTime);
}
