using NodaTime;

namespace Guichet.Core.Calendars;

/// <summary>
/// Opening hours on one weekday. A window whose close is not after its open runs past
/// midnight into the next day (a night shift 22:00–06:00, or 00:00–00:00 for all day);
/// it belongs to the day it opens on, so a holiday on that day removes all of it.
/// </summary>
public sealed record BusinessWindow(IsoDayOfWeek Day, LocalTime Open, LocalTime Close)
{
    public bool SpansMidnight => Close <= Open;
}
