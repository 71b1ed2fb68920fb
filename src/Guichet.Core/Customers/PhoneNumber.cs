using NodaTime.TimeZones;
using PhoneNumbers;

namespace Guichet.Core.Customers;

/// <summary>
/// Phone numbers as one customer identity whatever way they were written: E.164 (+33612345678),
/// with libphonenumber. A number without its country code is read in the country of a time zone
/// (the customer's or the team's), so "06 12 34 56 78" at a Paris desk is +33612345678.
/// </summary>
public static class PhoneNumber
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private static readonly Dictionary<string, string> CountryOfZone = TzdbDateTimeZoneSource.Default.ZoneLocations!
        .GroupBy(l => l.ZoneId).ToDictionary(g => g.Key, g => g.First().CountryCode, StringComparer.Ordinal);

    /// <summary>E.164, or null when the text is not a valid number.</summary>
    public static string? ToE164(string text, string? zone = null)
    {
        // Links such as America/Montreal are listed under their canonical zone (America/Toronto).
        var canonical = zone is not null && TzdbDateTimeZoneSource.Default.CanonicalIdMap.TryGetValue(zone, out var id) ? id : zone;
        var region = canonical is not null && CountryOfZone.TryGetValue(canonical, out var country) ? country : "FR";
        try
        {
            var number = Util.Parse(text.Trim(), region);
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
