using Guichet.Core.Goodwill;
using Guichet.Core.Teams;

namespace Guichet.Core.Tests.Goodwill;

public class CompensationPolicyTests
{
    private static readonly CompensationRule[] Matrix =
    [
        new() { Tier = "*", IncidentKind = "delay", FromRecurrence = 1, Gesture = GestureKind.Apology },
        new() { Tier = "gold", IncidentKind = "delay", FromRecurrence = 1, Gesture = GestureKind.Points, AmountMinor = 500 },
        new() { Tier = "gold", IncidentKind = "delay", FromRecurrence = 2, Gesture = GestureKind.Credit, AmountMinor = 3000 },
        new() { Tier = "*", IncidentKind = "*", FromRecurrence = 3, Gesture = GestureKind.RefundShare, SharePercent = 20 },
    ];

    [Fact]
    public void A_gold_customer_on_a_second_delay_this_year_gets_the_configured_gesture()
    {
        var rule = CompensationPolicy.Decide(Matrix, "gold", "delay", 2);
        Assert.Equal((GestureKind.Credit, 3000L), (rule.Gesture, rule.AmountMinor!.Value));
        Assert.Equal("Credit 30.00 EUR", rule.Describe());
    }

    [Theory]
    [InlineData("gold", "delay", 1, GestureKind.Points)]
    [InlineData("gold", "delay", 5, GestureKind.Credit)]
    [InlineData("standard", "delay", 1, GestureKind.Apology)]
    [InlineData("standard", "lost-parcel", 3, GestureKind.RefundShare)]
    [InlineData("standard", "lost-parcel", 1, GestureKind.Apology)]
    public void The_most_specific_matching_cell_wins_and_there_is_always_at_least_an_apology(string tier, string kind, int recurrence, GestureKind expected) =>
        Assert.Equal(expected, CompensationPolicy.Decide(Matrix, tier, kind, recurrence).Gesture);

    [Fact]
    public void Money_is_decimal_in_minor_units_and_a_month_is_the_teams()
    {
        Assert.Equal(1999, Money.Of(19.99m, "EUR").Minor);
        Assert.Equal(3, Money.Of(0.025m, "EUR").Minor);
        Assert.Equal("0.10 EUR", new Money(10, "EUR").ToString());
        var montreal = new Team { Slug = "na", Name = "NA", TimeZone = "America/Montreal", Hours = "mon-fri 09:00-17:00" };
        // 1 December 02:00 UTC is still 30 November in Montreal: it counts against November's budget there.
        Assert.Equal("2026-11", GrantGoodwill.MonthOf(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero), montreal));
    }
}
