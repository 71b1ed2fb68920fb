using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Guichet.Core.Calendars;

/// <summary>
/// The readable text form of a calendar, as admins type it and as it is stored:
/// hours "mon-fri 09:00-17:00; sat 10:00-12:00" and holidays "2026-12-25, 2027-01-01".
/// </summary>
public static class CalendarText
{
    private static readonly string[] DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    public static DateTimeZone? FindZone(string? zoneId) =>
        string.IsNullOrWhiteSpace(zoneId) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId.Trim());

    /// <summary>Parses the three parts; each problem is reported against its part.</summary>
    public static Result<ServiceCalendar> Parse(string zoneId, string hours, string? holidays)
    {
        var errors = new ValidationErrors();
        var zone = FindZone(zoneId);
        if (zone is null)
        {
            errors.Add("timeZone", $"'{zoneId}' is not a known IANA time zone (for example Europe/Paris).");
        }
        var windows = ParseHours(hours, errors);
        var dates = ParseHolidays(holidays, errors);
        if (errors.Any)
        {
            return errors;
        }
        return new ServiceCalendar(zone!, windows, dates);
    }

    public static string FormatHours(IEnumerable<BusinessWindow> windows) =>
        string.Join("; ", windows.Select(w =>
            $"{DayNames[(int)w.Day - 1]} {TimePattern.Format(w.Open)}-{TimePattern.Format(w.Close)}"));

    private static List<BusinessWindow> ParseHours(string hours, ValidationErrors errors)
    {
        var windows = new List<BusinessWindow>();
        foreach (var part in (hours ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bits = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (bits.Length != 2 || !TryDays(bits[0], out var days) || !TryRange(bits[1], out var open, out var close))
            {
                errors.Add("hours", $"'{part}' should look like 'mon-fri 09:00-17:00'.");
                continue;
            }
            windows.AddRange(days.Select(d => new BusinessWindow(d, open, close)));
        }
        if (windows.Count == 0 && !errors.Has("hours"))
        {
            errors.Add("hours", "At least one opening window is needed, for example 'mon-fri 09:00-17:00'.");
        }
        return windows;
    }

    private static List<LocalDate> ParseHolidays(string? holidays, ValidationErrors errors)
    {
        var dates = new List<LocalDate>();
        foreach (var part in (holidays ?? "").Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parsed = DatePattern.Parse(part);
            if (parsed.Success)
            {
                dates.Add(parsed.Value);
            }
            else
            {
                errors.Add("holidays", $"'{part}' is not a date like 2026-12-25.");
            }
        }
        return dates;
    }

    private static bool TryDays(string text, out List<IsoDayOfWeek> days)
    {
        days = [];
        foreach (var piece in text.ToLowerInvariant().Split(','))
        {
            var range = piece.Split('-');
            var first = Array.IndexOf(DayNames, range[0]);
            var last = range.Length == 2 ? Array.IndexOf(DayNames, range[1]) : first;
            if (range.Length > 2 || first < 0 || last < 0)
            {
                return false;
            }
            // "fri-mon" wraps over the weekend.
            for (var i = first; ; i = (i + 1) % 7)
            {
                days.Add((IsoDayOfWeek)(i + 1));
                if (i == last)
                {
                    break;
                }
            }
        }
        return days.Count > 0;
    }

    private static bool TryRange(string text, out LocalTime open, out LocalTime close)
    {
        open = close = default;
        var range = text.Split('-');
        if (range.Length != 2)
        {
            return false;
        }
        var a = TimePattern.Parse(range[0]);
        var b = range[1] == "24:00" ? ParseResult<LocalTime>.ForValue(LocalTime.Midnight) : TimePattern.Parse(range[1]);
        if (!a.Success || !b.Success)
        {
            return false;
        }
        open = a.Value;
        close = b.Value;
        return true;
    }
}
