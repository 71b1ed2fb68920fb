using System.Globalization;

namespace Guichet.Core.Goodwill;

/// <summary>Why a typed amount was refused.</summary>
public enum AmountProblem
{
    None,
    NotAnAmount,
    MoreThanTwoDecimals,
}

/// <summary>
/// Amounts as people type and read them (issue 24): "12,50", "12.50", "1 250,00 €", "€1,250.00"
/// all mean what the person meant, whatever the culture, and an amount is shown the way the
/// reader's culture writes money ("1 250,00 €" in French, "€1,250.00" in English). A separator
/// followed by one or two digits at the end is the decimal one; followed by three, it is the
/// culture's reading; anything else is refused with a reason rather than guessed.
/// </summary>
public static partial class AmountText
{
    /// <summary>The amount typed, in major units with at most two decimals; or why it is not one (the page says it in the reader's language).</summary>
    public static bool TryRead(string? text, CultureInfo culture, out decimal amount, out AmountProblem problem)
    {
        amount = 0;
        problem = AmountProblem.NotAnAmount;
        if (Typed().Match(text ?? "") is not { Success: true } typed)
        {
            return false;
        }
        var digits = string.Concat(typed.Groups["number"].Value.Where(c => char.IsDigit(c) || c is ',' or '.' or '-'));
        var negative = digits.StartsWith('-');
        digits = digits.TrimStart('-');
        if (digits.Contains('-') || !digits.Any(char.IsDigit))
        {
            return false;
        }
        var point = DecimalSeparator(digits, culture);
        var whole = point < 0 ? digits : digits[..point];
        var fraction = point < 0 ? "" : digits[(point + 1)..];
        if (fraction.Length > 2)
        {
            problem = AmountProblem.MoreThanTwoDecimals;
            return false;
        }
        if (!GroupsAreWellFormed(whole))
        {
            return false;
        }
        whole = whole.Replace(",", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        if (whole.Length > 15 || !decimal.TryParse((whole.Length == 0 ? "0" : whole) + "." + (fraction.Length == 0 ? "0" : fraction), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
        {
            return false;
        }
        amount = negative ? -amount : amount;
        problem = AmountProblem.None;
        return true;
    }

    /// <summary>An amount as the reader's culture writes money: "1 250,00 €", "€1,250.00".</summary>
    public static string Show(Money money, CultureInfo culture)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = Symbol(money.Currency);
        // Never broken across two lines between the number and its sign.
        return money.Amount.ToString("C2", format).Replace(' ', '\u00A0');
    }

    /// <summary>A currency's usual sign where readers know it; its ISO code otherwise.</summary>
    public static string Symbol(string currency) => currency switch
    {
        "EUR" => "€",
        "USD" => "$",
        "GBP" => "£",
        "JPY" => "¥",
        _ => currency,
    };

    private static int DecimalSeparator(string digits, CultureInfo culture)
    {
        var last = digits.LastIndexOfAny([',', '.']);
        if (last < 0)
        {
            return -1;
        }
        var mark = digits[last];
        var after = digits.Length - last - 1;
        var marks = digits.Count(c => c == mark);
        var other = mark == ',' ? '.' : ',';
        // "1.250,00", "1,250.00": the last of two different marks is the decimal one.
        if (digits.Contains(other))
        {
            return last;
        }
        // "1.250.000": the same mark twice groups thousands.
        if (marks > 1)
        {
            return -1;
        }
        if (after is 1 or 2)
        {
            return last;
        }
        // "1,250" or "1.250": what the reader's culture means by it.
        return after == 3 && culture.NumberFormat.NumberDecimalSeparator != mark.ToString() ? -1 : last;
    }

    /// <summary>Groups of three after the first ("1,250,000"), or no group mark at all.</summary>
    private static bool GroupsAreWellFormed(string whole)
    {
        var groups = whole.Split([',', '.']);
        return groups.Length == 1 || (groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3));
    }

    // A number with its spaces, apostrophes and marks, and a currency (a sign or an ISO code) before or after it.
    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(\p{Sc}|[A-Z]{3})?\s*(?<number>-?[\d.,'’\s]*\d[\d.,'’\s]*)\s*(\p{Sc}|[A-Z]{3})?\s*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial System.Text.RegularExpressions.Regex Typed();
}
