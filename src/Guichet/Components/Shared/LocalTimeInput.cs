using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Guichet.Components.Shared;

/// <summary>An HTML datetime-local value ("2026-12-01T17:00") read as a time in the team's zone.</summary>
public static class LocalTimeInput
{
    private static readonly LocalDateTimePattern[] Patterns =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss"),
    ];

    public static DateTimeOffset? Parse(string? text, string timeZone)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone) ?? DateTimeZone.Utc;
        foreach (var pattern in Patterns)
        {
            var result = pattern.Parse(text.Trim());
            if (result.Success)
            {
                return InRange(zone.AtLeniently(result.Value).ToDateTimeOffset().ToUniversalTime());
            }
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact) ? InRange(exact.ToUniversalTime()) : null;
    }

    /// <summary>A date outside Guichet's one range (<see cref="Core.AcceptedTimes"/>) counts as no date: the operation then names the field.</summary>
    private static DateTimeOffset? InRange(DateTimeOffset time) => Core.AcceptedTimes.Contains(time) ? time : null;
}
