namespace Guichet.Core.Routing;

/// <summary>A message folded once (lowercase, accents off, words between spaces) for every signal that reads it.</summary>
public sealed class FoldedText(string raw)
{
    private HashSet<string>? _significant;
    private Language.RuleText? _rule;
    private Tone.Reading? _tone;

    /// <summary>What a customer wrote in a message, without the history their mail client quoted below it (a reply quoting the first message is not a re-explanation).</summary>
    public static FoldedText Fresh(string message) => new(Email.QuotedHistory.Split(message).Fresh);

    /// <summary>Everything the signals read, made now: the email intake reads a message on another core before its turn to be written.</summary>
    public FoldedText ReadAll()
    {
        _ = Significant;
        _ = Rule;
        _ = Tone;
        return this;
    }

    /// <summary>The text as the rules' vocabularies read it (issue 23), made once.</summary>
    public Language.RuleText Rule => _rule ??= Language.RuleText.Of(Raw);

    /// <summary>How angry it reads (E1), made once.</summary>
    public Tone.Reading Tone => _tone ??= Routing.Tone.Read(this);

    public string Raw { get; } = raw;

    public string Padded { get; } = Words.Padded(raw);

    public bool Has(string phrase) => Words.HasPhrase(Padded, phrase);

    /// <summary>Words of four letters or more that are not common ones (C5).</summary>
    public HashSet<string> Significant => _significant ??= Padded.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Where(w => w.Length >= 4 && !Words.IsCommon(w)).ToHashSet(StringComparer.Ordinal);
}
