using System.Globalization;
using Guichet.Core.Goodwill;

namespace Guichet.Core.Tests.Goodwill;

/// <summary>Amounts as agents type them (issue 24: "12,50" was recorded as 1250.00 EUR).</summary>
public class AmountTextTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    [Theory]
    [InlineData("12,50", 12.50)]
    [InlineData("0,50", 0.50)]
    [InlineData("12.50", 12.50)]
    [InlineData("12", 12)]
    [InlineData("12,5", 12.5)]
    [InlineData("1 250,00", 1250)]
    [InlineData("1\u202F250,00 €", 1250)]
    [InlineData("1\u00A0250", 1250)]
    [InlineData("1.250,00", 1250)]
    [InlineData("1,250.00", 1250)]
    [InlineData("€1,250.00", 1250)]
    [InlineData("EUR 40", 40)]
    [InlineData("40 EUR", 40)]
    [InlineData("1.250.000", 1250000)]
    [InlineData("1'250.50", 1250.50)]
    public void Reads_what_the_agent_meant_in_any_culture(string typed, double expected)
    {
        foreach (var culture in new[] { French, English })
        {
            Assert.True(AmountText.TryRead(typed, culture, out var amount, out var problem), $"{typed} in {culture.Name}: {problem}");
            Assert.Equal((decimal)expected, amount);
        }
    }

    [Fact]
    public void Three_digits_after_one_mark_are_read_as_the_culture_writes_them()
    {
        Assert.True(AmountText.TryRead("1,250", English, out var english, out _));
        Assert.Equal(1250m, english);
        Assert.False(AmountText.TryRead("1,250", French, out _, out var problem));
        Assert.Equal(AmountProblem.MoreThanTwoDecimals, problem);
        Assert.True(AmountText.TryRead("1.250", French, out var french, out _));
        Assert.Equal(1250m, french);
    }

    [Theory]
    [InlineData("")]
    [InlineData("douze")]
    [InlineData("12abc")]
    [InlineData("12,50,3")]
    [InlineData("1,25,000")]
    [InlineData("--5")]
    [InlineData("5-")]
    [InlineData("12 € 50")]
    public void Refuses_what_is_not_an_amount(string typed)
    {
        Assert.False(AmountText.TryRead(typed, French, out _, out var problem));
        Assert.NotEqual(AmountProblem.None, problem);
    }

    [Fact]
    public void Refuses_more_than_two_decimals_rather_than_rounding()
    {
        Assert.False(AmountText.TryRead("12,505", French, out _, out var problem));
        Assert.Equal(AmountProblem.MoreThanTwoDecimals, problem);
    }

    [Fact]
    public void Shows_money_the_way_the_reader_writes_it()
    {
        var money = new Money(125_000, "EUR");
        Assert.Equal("1\u202F250,00\u00A0€", AmountText.Show(money, French));
        Assert.Equal("€1,250.00", AmountText.Show(money, English));
        Assert.Equal("1\u202F250,00\u00A0CHF", AmountText.Show(new Money(125_000, "CHF"), French));
    }
}
