namespace Guichet.Core;

/// <summary>
/// The one range of dates Guichet takes from anyone, person or system (issue 21): from 1970 to the
/// end of 2199, UTC. Anything outside is refused where it comes in (JSON bodies, query strings,
/// forms), with 400 naming the field, so no due date, ceiling or filter can overflow a calendar
/// computation later, and a page can always write every date it stores.
/// </summary>
public static class AcceptedTimes
{
    public static readonly DateTimeOffset Earliest = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);
    /// <summary>Exclusive.</summary>
    public static readonly DateTimeOffset Latest = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const string Rule = "Dates are taken from 1970-01-01 to 2199-12-31 (UTC).";

    public static bool Contains(DateTimeOffset time) => time >= Earliest && time < Latest;

    /// <summary>Adds "field: out of range" when the time is outside; true when it is inside (or absent).</summary>
    public static bool Check(DateTimeOffset? time, string field, ValidationErrors errors)
    {
        if (time is { } t && !Contains(t))
        {
            errors.Add(field, $"{t:O} is out of range. {Rule}");
            return false;
        }
        return true;
    }
}
