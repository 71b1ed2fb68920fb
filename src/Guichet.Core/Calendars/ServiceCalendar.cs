using NodaTime;
using NodaTime.TimeZones;

namespace Guichet.Core.Calendars;

/// <summary>
/// A team's business hours, holidays and time zone. All arithmetic walks real opening
/// intervals as instants, so DST changes, holidays and overnight windows need no special case.
/// </summary>
public sealed class ServiceCalendar
{
    // A calendar that finds no opening in this many days is closed for good (e.g. every day a holiday).
    private const int SearchHorizonDays = 3 * 366;

    private readonly ILookup<IsoDayOfWeek, BusinessWindow> _windowsByDay;
    private readonly HashSet<LocalDate> _holidays;

    public ServiceCalendar(DateTimeZone zone, IEnumerable<BusinessWindow> windows, IEnumerable<LocalDate>? holidays = null)
    {
        Zone = zone;
        Windows = windows.OrderBy(w => w.Day).ThenBy(w => w.Open).ToList();
        if (Windows.Count == 0)
        {
            throw new ArgumentException("A service calendar needs at least one opening window.", nameof(windows));
        }
        _windowsByDay = Windows.ToLookup(w => w.Day);
        _holidays = [.. holidays ?? []];
    }

    public DateTimeZone Zone { get; }
    public IReadOnlyList<BusinessWindow> Windows { get; }
    public IReadOnlyCollection<LocalDate> Holidays => _holidays;

    public bool IsHoliday(LocalDate date) => _holidays.Contains(date);

    public bool IsOpen(Instant instant) => OpeningsFrom(instant).First().Start <= instant;

    /// <summary>The instant itself when open, else the start of the next opening.</summary>
    public Instant NextOpening(Instant instant)
    {
        var first = OpeningsFrom(instant).First();
        return first.Start <= instant ? instant : first.Start;
    }

    /// <summary>Adds business time: only time inside opening windows counts.</summary>
    public Instant AddBusinessTime(Instant start, Duration amount)
    {
        if (amount < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), "Business time cannot be negative.");
        }
        if (amount == Duration.Zero)
        {
            return start;
        }
        var remaining = amount;
        foreach (var opening in OpeningsFrom(start))
        {
            var from = Max(start, opening.Start);
            var available = opening.End - from;
            // "<=" ends on a closing time rather than the next opening: "by 17:00", not "by 09:00 tomorrow".
            if (remaining <= available)
            {
                return from + remaining;
            }
            remaining -= available;
        }
        throw new InvalidOperationException("unreachable: OpeningsFrom is unbounded or throws");
    }

    /// <summary>The instant that lies <paramref name="amount"/> of business time before <paramref name="end"/>.</summary>
    public Instant SubtractBusinessTime(Instant end, Duration amount)
    {
        if (amount < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), "Business time cannot be negative.");
        }
        if (amount == Duration.Zero)
        {
            return end;
        }
        var remaining = amount;
        foreach (var opening in OpeningsBefore(end))
        {
            var to = Min(end, opening.End);
            var available = to - opening.Start;
            if (remaining <= available)
            {
                return to - remaining;
            }
            remaining -= available;
        }
        throw new InvalidOperationException("unreachable: OpeningsBefore is unbounded or throws");
    }

    /// <summary>Business time inside [from, to): zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public Duration BusinessTimeBetween(Instant from, Instant to)
    {
        var total = Duration.Zero;
        if (to <= from)
        {
            return total;
        }
        foreach (var opening in OpeningsFrom(from))
        {
            if (opening.Start >= to)
            {
                break;
            }
            total += Min(to, opening.End) - Max(from, opening.Start);
        }
        return total;
    }

    public Instant AddBusinessHours(Instant start, double hours) =>
        AddBusinessTime(start, Duration.FromTicks((long)Math.Round(hours * NodaConstants.TicksPerHour)));

    /// <summary>
    /// Adds whole business days: the result is at the same business position on the n-th next
    /// business day (Friday 16:00 + 2 → Tuesday 16:00). From outside hours the count starts at
    /// the next opening, and a result that falls on an opening is stated as the previous
    /// closing ("by Tuesday 17:00" rather than "by Wednesday 09:00"), which is the same moment
    /// in business time. A shorter target day caps the position at its close.
    /// </summary>
    public Instant AddBusinessDays(Instant start, int days)
    {
        if (days < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(days), "Business days cannot be negative.");
        }
        if (days == 0)
        {
            return start;
        }
        var position = NextOpening(start);
        var day = BusinessDayOf(position);
        var elapsed = ElapsedInDay(day, position);

        var target = day;
        for (var i = 0; i < days; i++)
        {
            target = NextBusinessDay(target);
        }
        if (elapsed == Duration.Zero)
        {
            return CloseOf(PreviousBusinessDay(target));
        }
        return PositionInDay(target, elapsed);
    }

    /// <summary>Opening intervals that end after <paramref name="from"/>, in order, without end.</summary>
    public IEnumerable<Interval> OpeningsFrom(Instant from)
    {
        // Start a day early: an overnight window opened yesterday may still be running.
        var date = from.InZone(Zone).Date.PlusDays(-1);
        for (var i = 0; i < SearchHorizonDays; i++, date = date.PlusDays(1))
        {
            foreach (var interval in OpeningsOn(date))
            {
                if (interval.End > from)
                {
                    yield return interval;
                }
            }
        }
        throw new InvalidOperationException($"The calendar has no opening within {SearchHorizonDays} days.");
    }

    /// <summary>Opening intervals that start before <paramref name="to"/>, latest first, without end.</summary>
    public IEnumerable<Interval> OpeningsBefore(Instant to)
    {
        var date = to.InZone(Zone).Date;
        for (var i = 0; i < SearchHorizonDays; i++, date = date.PlusDays(-1))
        {
            foreach (var interval in OpeningsOn(date).Reverse())
            {
                if (interval.Start < to)
                {
                    yield return interval;
                }
            }
        }
        throw new InvalidOperationException($"The calendar has no opening within {SearchHorizonDays} days before.");
    }

    /// <summary>The opening intervals that belong to a date (none on a holiday).</summary>
    public IEnumerable<Interval> OpeningsOn(LocalDate date)
    {
        if (IsHoliday(date))
        {
            yield break;
        }
        foreach (var window in _windowsByDay[date.DayOfWeek])
        {
            var start = Resolve(date.At(window.Open));
            var closeDate = window.SpansMidnight ? date.PlusDays(1) : date;
            var end = Resolve(closeDate.At(window.Close));
            if (end > start)
            {
                yield return new Interval(start, end);
            }
        }
    }

    private LocalDate BusinessDayOf(Instant openInstant)
    {
        var date = openInstant.InZone(Zone).Date.PlusDays(-1);
        for (var i = 0; i < 3; i++, date = date.PlusDays(1))
        {
            if (OpeningsOn(date).Any(o => o.Contains(openInstant)))
            {
                return date;
            }
        }
        throw new InvalidOperationException("unreachable: an open instant lies in a window of yesterday, today or tomorrow");
    }

    private Duration ElapsedInDay(LocalDate day, Instant at)
    {
        var elapsed = Duration.Zero;
        foreach (var opening in OpeningsOn(day))
        {
            if (opening.Start >= at)
            {
                break;
            }
            elapsed += Min(at, opening.End) - opening.Start;
        }
        return elapsed;
    }

    private Instant PositionInDay(LocalDate day, Duration elapsed)
    {
        var remaining = elapsed;
        Instant last = default;
        foreach (var opening in OpeningsOn(day))
        {
            if (remaining <= opening.Duration)
            {
                return opening.Start + remaining;
            }
            remaining -= opening.Duration;
            last = opening.End;
        }
        return last;
    }

    private Instant CloseOf(LocalDate day) => OpeningsOn(day).Last().End;

    private LocalDate NextBusinessDay(LocalDate day)
    {
        for (var i = 0; i < SearchHorizonDays; i++)
        {
            day = day.PlusDays(1);
            if (OpeningsOn(day).Any())
            {
                return day;
            }
        }
        throw new InvalidOperationException($"The calendar has no business day within {SearchHorizonDays} days.");
    }

    private LocalDate PreviousBusinessDay(LocalDate day)
    {
        for (var i = 0; i < SearchHorizonDays; i++)
        {
            day = day.PlusDays(-1);
            if (OpeningsOn(day).Any())
            {
                return day;
            }
        }
        throw new InvalidOperationException($"The calendar has no business day within {SearchHorizonDays} days.");
    }

    // Lenient: a time skipped by a spring-forward gap moves forward; an ambiguous autumn time takes the earlier.
    private Instant Resolve(LocalDateTime local) => Zone.ResolveLocal(local, Resolvers.LenientResolver).ToInstant();

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;
    private static Instant Min(Instant a, Instant b) => a < b ? a : b;
}
