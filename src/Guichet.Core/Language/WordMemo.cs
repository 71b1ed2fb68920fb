using System.Collections.Concurrent;

namespace Guichet.Core.Language;

/// <summary>
/// What was learnt of each word, remembered: customers use a few thousand words, and stemming
/// each one again for every message cost more than the rules that read them. Bounded, so that
/// odd input cannot grow it; case does not matter.
/// </summary>
internal sealed class WordMemo<T>(Func<string, T> learn)
{
    private const int Max = 50_000;
    private readonly ConcurrentDictionary<string, T> known = new(StringComparer.OrdinalIgnoreCase);

    public T Get(ReadOnlySpan<char> word)
    {
        if (known.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var found))
        {
            return found;
        }
        var key = word.ToString();
        var learnt = learn(key);
        if (known.Count >= Max)
        {
            known.Clear();
        }
        known[key] = learnt;
        return learnt;
    }
}
