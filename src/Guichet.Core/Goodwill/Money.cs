using System.Globalization;

namespace Guichet.Core.Goodwill;

/// <summary>
/// An amount in a currency, kept in minor units (cents) so no floating point ever touches money
/// (SPEC G1); read and written as decimals ("12.50").
/// </summary>
public readonly record struct Money(long Minor, string Currency)
{
    public decimal Amount => Minor / 100m;

    public static Money Of(decimal amount, string currency) => new((long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero), currency);

    public override string ToString() => $"{Amount.ToString("0.00", CultureInfo.InvariantCulture)} {Currency}";

    public static bool IsCurrency(string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);
}
