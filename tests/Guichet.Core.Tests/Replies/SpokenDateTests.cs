using Guichet.Core.Replies;
using NodaTime;

namespace Guichet.Core.Tests.Replies;

public class SpokenDateTests
{
    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 27, 15, 0);

    [Theory]
    [InlineData("fr", 2026, 12, 3, 16, "jeudi 3 décembre à 17:00")]
    [InlineData("fr", 2026, 12, 1, 15, "mardi 1er décembre à 16:00")]
    [InlineData("en", 2026, 12, 3, 16, "Thursday 3 December at 5:00 PM")]
    [InlineData("en", 2026, 12, 1, 8, "Tuesday 1 December at 9:00 AM")]
    [InlineData("en", 2026, 12, 1, 11, "Tuesday 1 December at 12:00 PM")]
    [InlineData("fr", 2027, 1, 4, 8, "lundi 4 janvier 2027 à 09:00")]
    public void Writes_the_date_out_in_the_customers_language(string language, int y, int m, int d, int utcHour, string expected)
    {
        Assert.Equal(expected, SpokenDate.Format(Instant.FromUtc(y, m, d, utcHour, 0), Paris, language, Now));
    }

    [Fact]
    public void Uses_the_customers_zone_not_the_teams()
    {
        var montreal = DateTimeZoneProviders.Tzdb["America/Montreal"];
        Assert.Equal("Tuesday 1 December at 10:00 AM", SpokenDate.Format(Instant.FromUtc(2026, 12, 1, 15, 0), montreal, "en", Now));
    }
}
