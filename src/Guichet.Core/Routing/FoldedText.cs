namespace Guichet.Core.Routing;

/// <summary>A message folded once (lowercase, accents off, words between spaces) for every signal that reads it.</summary>
public sealed class FoldedText(string raw)
{
    private HashSet<string>? _significant;
    private Language.RuleText? _rule;

    /// <summary>The text as the rules' vocabularies read it (issue 23), made once.</summary>
    public Language.RuleText Rule => _rule ??= Language.RuleText.Of(Raw);

    public string Raw { get; } = raw;

    public string Padded { get; } = Words.Padded(raw);

    public bool Has(string phrase) => Words.HasPhrase(Padded, phrase);

    /// <summary>Words of four letters or more that are not common ones (C5).</summary>
    public HashSet<string> Significant => _significant ??= Padded.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Where(w => w.Length >= 4 && !Words.IsCommon(w)).ToHashSet(StringComparer.Ordinal);
}
