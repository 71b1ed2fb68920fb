using Guichet.Core.Calendars;

namespace Guichet.Core.Teams;

/// <summary>A team and its service calendar, stored in the readable <see cref="CalendarText"/> form.</summary>
public sealed class Team
{
    public const int DefaultFirstResponseBusinessDays = 2;
    public const int DefaultCeilingDays = 30;

    private ServiceCalendar? _calendar;

    public long Id { get; private set; }
    public required string Slug { get; init; }
    public required string Name { get; set; }
    public required string TimeZone { get; set; }
    public required string Hours { get; set; }
    public string Holidays { get; set; } = "";
    public int FirstResponseBusinessDays { get; set; } = DefaultFirstResponseBusinessDays;
    public int CeilingDays { get; set; } = DefaultCeilingDays;
    public bool IsDefault { get; set; }

    /// <summary>The parsed calendar; text is validated on every write, so a stored team always parses.</summary>
    public ServiceCalendar Calendar => _calendar ??= CalendarText.Parse(TimeZone, Hours, Holidays).Value;
}
