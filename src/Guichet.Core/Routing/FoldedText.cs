namespace Guichet.Core.Routing;

/// <summary>A message folded once (lowercase, accents off, words between spaces) for every signal that reads it.</summary>
public sealed class FoldedText(string raw)
{
    private HashSet<string>? _significant;

    public string Raw { get; } = raw;

    public string Padded { get; } = Words.Padded(raw);

    public bool Has(string phrase) => Words.HasPhrase(Padded, phrase);

    /// <summary>Words of four letters or more that are not common ones (C5).</summary>
    public HashSet<string> Significant => _significant ??= Padded.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Where(w => w.Length >= 4 && !Words.IsCommon(w)).ToHashSet(StringComparer.Ordinal);
}
