using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Guichet.Core.Routing;

/// <summary>Text folded for comparison: lowercase, accents off, words of letters and digits.</summary>
internal static partial class Words
{
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(c);
            }
        }
        return kept.ToString().Normalize(NormalizationForm.FormC);
    }

    public static IEnumerable<string> Of(string folded) => Word().Matches(folded).Select(m => m.Value);

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Word();
}
