using System.Globalization;
using NodaTime;

namespace Guichet.Core.Replies;

/// <summary>
/// A due time written out for a customer, in their language and zone (SPEC P1):
/// "mardi 1er décembre à 16:00", "Tuesday 1 December at 4:00 PM". The year appears only when
/// it is not the current one, as a person would write it.
/// </summary>
public static class SpokenDate
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Format(Instant instant, DateTimeZone zone, string language, Instant now)
    {
        if (!AcceptedTimes.Contains(instant.ToDateTimeOffset()))
        {
            // Stored before dates were checked: said plainly, never a failed message.
            return instant.ToString("uuuu-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        }
        var local = instant.InZone(zone).LocalDateTime;
        var showYear = local.Year != now.InZone(zone).Year;
        var dt = local.ToDateTimeUnspecified();
        return language switch
        {
            "en" => English(dt, showYear),
            _ => French(dt, showYear),
        };

        static string French(DateTime dt, bool year)
        {
            var day = dt.Day == 1 ? "1er" : dt.Day.ToString(CultureInfo.InvariantCulture);
            var weekday = dt.ToString("dddd", SpokenDate.French);
            var month = dt.ToString("MMMM", SpokenDate.French);
            var y = year ? " " + dt.Year.ToString(CultureInfo.InvariantCulture) : "";
            return $"{weekday} {day} {month}{y} à {dt.ToString("HH:mm", CultureInfo.InvariantCulture)}";
        }

        static string English(DateTime dt, bool year)
        {
            var weekday = dt.ToString("dddd", SpokenDate.English);
            var month = dt.ToString("MMMM", SpokenDate.English);
            var y = year ? " " + dt.Year.ToString(CultureInfo.InvariantCulture) : "";
            // 12-hour clock with an upper-case AM/PM, whatever the platform's culture data says.
            var hour = dt.Hour % 12 == 0 ? 12 : dt.Hour % 12;
            var suffix = dt.Hour < 12 ? "AM" : "PM";
            return $"{weekday} {dt.Day.ToString(CultureInfo.InvariantCulture)} {month}{y} at {hour.ToString(CultureInfo.InvariantCulture)}:{dt.Minute:00} {suffix}";
        }
    }
}
