namespace Guichet.Core.Language;

/// <summary>French elisions glued to the next word by an apostrophe: "l'avion", "qu'il", "d'écrire".</summary>
internal static class FrenchElision
{
    /// <summary>The word an elided prefix stands for ("d" → "de"), or null when the prefix is part of its word ("aujourd'hui", "don't").</summary>
    public static string? FullForm(ReadOnlySpan<char> prefix) => prefix.Length > 7 ? null : StemmedText.Fold(prefix.ToString().ToLowerInvariant()) switch
    {
        "l" => "le",
        "d" => "de",
        "j" => "je",
        "m" => "me",
        "t" => "te",
        "s" => "se",
        "n" => "ne",
        "c" => "ce",
        "qu" => "que",
        "jusqu" => "jusque",
        "lorsqu" => "lorsque",
        "puisqu" => "puisque",
        "quoiqu" => "quoique",
        _ => null,
    };
}
