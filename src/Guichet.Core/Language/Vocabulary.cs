namespace Guichet.Core.Language;

/// <summary>Where a phrase of a vocabulary was found, and as what words.</summary>
public sealed record PhraseMatch(string Phrase, string Written, int Start, int End);

/// <summary>
/// One rule's words (issue 23): phrases that say what the rule looks for, read as people write
/// (<see cref="RuleText"/>), shared by every check of that rule. One phrase per line or comma:
/// <list type="bullet">
/// <item>words in order, each matched by its stems ("colis perdu" finds "mon colis est perdu",
/// "le colis semble perdu", "colis perdus"), with up to four other words between two of them;</item>
/// <item><c>a|b</c> for words that stand for each other ("colis|paquet|parcel perdu|égaré|lost");</item>
/// <item><c>word*</c> for any word that begins so ("arriv*" for arrivé, arrivée, arriving);</item>
/// <item><c>=word</c> for that very form, not its family ("=appelez" is an instruction, "appellerons" is not);</item>
/// <item><c>@email</c>, <c>@phone</c>, <c>@url</c> for an address, a phone number, a web address.</item>
/// </list>
/// A negation inside the found words or just before them ("votre colis n'est pas perdu", "not a
/// lost parcel") cancels the match, unless the phrase has one itself ("valise jamais arriv*").
/// </summary>
public sealed class Vocabulary
{
    private const int MaxGap = 4;
    private const int NegationReach = 3;

    private static readonly HashSet<string> Negations = new(["pas", "jamais", "aucun", "aucune", "not", "never", "no", "non", "inutile", "needless"], StringComparer.Ordinal);

    private sealed record Term(HashSet<string> Stems, string[] Exact, string[] Prefixes);

    private sealed record Phrase(string Text, Term[] Terms, bool Negates);

    private readonly List<Phrase> phrases;

    // Every message is read against every vocabulary: phrases are found by their first word's
    // stems (or exact forms), and only those whose first word begins a prefix are tried everywhere.
    private readonly Dictionary<string, List<int>> byFirstWord = new(StringComparer.Ordinal);
    private readonly List<int> byPrefix = [];

    private Vocabulary(List<Phrase> phrases)
    {
        this.phrases = phrases;
        for (var i = 0; i < phrases.Count; i++)
        {
            var first = phrases[i].Terms[0];
            foreach (var key in first.Stems.Concat(first.Exact).Distinct(StringComparer.Ordinal))
            {
                if (!byFirstWord.TryGetValue(key, out var list))
                {
                    byFirstWord[key] = list = [];
                }
                list.Add(i);
            }
            if (first.Prefixes.Length > 0)
            {
                byPrefix.Add(i);
            }
        }
    }

    /// <summary>The phrases that may start somewhere in the text, in their order.</summary>
    private IEnumerable<Phrase> Candidates(RuleText text)
    {
        var found = new SortedSet<int>(byPrefix);
        foreach (var token in text.Tokens)
        {
            foreach (var stem in token.Stems)
            {
                if (byFirstWord.TryGetValue(stem, out var list))
                {
                    found.UnionWith(list);
                }
            }
        }
        return found.Select(i => phrases[i]);
    }

    public static readonly Vocabulary Empty = new([]);

    /// <summary>
    /// The phrases, one per line or separated by commas; blank lines and lines starting with # are
    /// skipped. A team's text is read on every request that loads the team: each distinct text is compiled once.
    /// </summary>
    public static Vocabulary Parse(string? text)
    {
        text ??= "";
        if (Compiled.TryGetValue(text, out var known))
        {
            return known;
        }
        var vocabulary = Of(text.Split(['\n', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')));
        return Compiled.Count < MaxCompiled ? Compiled.GetOrAdd(text, vocabulary) : vocabulary;
    }

    private const int MaxCompiled = 256;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Vocabulary> Compiled = new(StringComparer.Ordinal);

    public static Vocabulary Of(IEnumerable<string> phrases) => new([.. phrases.Select(Compile).OfType<Phrase>()]);

    /// <summary>These phrases and a team's, in that order; made once per team vocabulary, not at every check.</summary>
    public Vocabulary With(Vocabulary more) => more.phrases.Count == 0 ? this : withMore.GetValue(more, m => new([.. phrases, .. m.phrases]));

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<Vocabulary, Vocabulary> withMore = [];

    public int Count => phrases.Count;

    public PhraseMatch? FirstIn(string text) => FirstIn(RuleText.Of(text));

    public PhraseMatch? FirstIn(RuleText text)
    {
        foreach (var phrase in Candidates(text))
        {
            if (Find(phrase, text) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    /// <summary>Every phrase found, the first place each is found: for a rule that then weighs where it stands.</summary>
    public IEnumerable<PhraseMatch> AllIn(RuleText text)
    {
        foreach (var phrase in Candidates(text))
        {
            if (Find(phrase, text) is { } found)
            {
                yield return found;
            }
        }
    }

    private static Phrase? Compile(string text)
    {
        var terms = new List<Term>();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // A plain word that is two in a text ("d'écrire", "e-mail", "rendez-vous") is two terms, as the text reads it.
            if (!word.Contains('|', StringComparison.Ordinal) && !word.StartsWith('@') && !word.StartsWith('=') && !word.EndsWith('*'))
            {
                terms.AddRange(RuleText.Of(word).Tokens.Select(t => new Term(new HashSet<string>(t.Stems, StringComparer.Ordinal), [], [])));
                continue;
            }
            var stems = new HashSet<string>(StringComparer.Ordinal);
            var exact = new List<string>();
            var prefixes = new List<string>();
            foreach (var alternative in word.Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                if (alternative.StartsWith('@'))
                {
                    stems.Add(alternative.ToLowerInvariant());
                }
                else if (alternative.StartsWith('=') && alternative.Length > 1)
                {
                    exact.Add(StemmedText.Fold(alternative[1..].ToLowerInvariant()));
                }
                else if (alternative.EndsWith('*') && alternative.Length > 1)
                {
                    prefixes.Add(StemmedText.Fold(alternative[..^1].ToLowerInvariant()));
                }
                else if (RuleText.Of(alternative).Tokens is { Count: > 0 } parts)
                {
                    // "sous-traitant", "court-circuit", "c'est" inside alternatives: their last word, never each of their words.
                    stems.UnionWith(parts[^1].Stems);
                }
            }
            if (stems.Count > 0 || prefixes.Count > 0 || exact.Count > 0)
            {
                terms.Add(new Term(stems, [.. exact], [.. prefixes]));
            }
        }
        var negates = terms.Any(t => t.Exact.Any(Negations.Contains) || t.Stems.Any(Negations.Contains));
        return terms.Count == 0 ? null : new Phrase(text, [.. terms], negates);
    }

    private static bool Matches(Term term, RuleText.Token token)
    {
        foreach (var stem in token.Stems)
        {
            if (term.Stems.Contains(stem))
            {
                return true;
            }
        }
        foreach (var exact in term.Exact)
        {
            if (token.Folded == exact)
            {
                return true;
            }
        }
        foreach (var prefix in term.Prefixes)
        {
            if (token.Folded.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static PhraseMatch? Find(Phrase phrase, RuleText text)
    {
        var tokens = text.Tokens;
        for (var start = 0; start < tokens.Count; start++)
        {
            if (!Matches(phrase.Terms[0], tokens[start]))
            {
                continue;
            }
            if (Rest(phrase, tokens, 1, start) is { } end && (phrase.Negates || !Negated(tokens, phrase, start, end)))
            {
                return new PhraseMatch(phrase.Text, text.Written(tokens[start].Start, tokens[end].End), tokens[start].Start, tokens[end].End);
            }
        }
        return null;
    }

    /// <summary>The index of the last token of the match of terms[from..] after position <paramref name="after"/>, or null.</summary>
    private static int? Rest(Phrase phrase, IReadOnlyList<RuleText.Token> tokens, int from, int after)
    {
        if (from == phrase.Terms.Length)
        {
            return after;
        }
        for (var i = after + 1; i <= Math.Min(tokens.Count - 1, after + 1 + MaxGap); i++)
        {
            if (Matches(phrase.Terms[from], tokens[i]) && Rest(phrase, tokens, from + 1, i) is { } end)
            {
                return end;
            }
        }
        return null;
    }

    private static bool Negated(IReadOnlyList<RuleText.Token> tokens, Phrase phrase, int start, int end)
    {
        for (var i = Math.Max(0, start - NegationReach); i <= end; i++)
        {
            if (Negations.Contains(tokens[i].Folded) && !phrase.Terms.Any(t => Matches(t, tokens[i])))
            {
                return true;
            }
        }
        return false;
    }
}
