using System.Globalization;
using System.Text;

namespace Guichet.Core.Cases.Tags;

/// <summary>
/// How a tag is written, whoever typed it: lower case, spaces and underscores as dashes, letters
/// (accents kept), digits and dashes only, at most <see cref="MaxLength"/> characters. "Grève 2026"
/// and "grève-2026" are one tag.
/// </summary>
public static class TagName
{
    public const int MaxLength = 50;

    /// <summary>The tag as stored, or null when nothing usable is left (the caller says which one was refused).</summary>
    public static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Trim().Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture))
        {
            if (char.IsLetterOrDigit(c))
            {
                folded.Append(c);
            }
            else if ((c is '-' or '_' || char.IsWhiteSpace(c)) && folded.Length > 0 && folded[^1] != '-')
            {
                folded.Append('-');
            }
        }
        var name = folded.ToString().Trim('-');
        return name.Length is 0 or > MaxLength ? null : name;
    }
}
