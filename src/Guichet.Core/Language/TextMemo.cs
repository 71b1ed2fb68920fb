using System.Collections.Concurrent;

namespace Guichet.Core.Language;

/// <summary>
/// Readings of whole texts, remembered by their content: the email intake reads a message on
/// another core before its turn to be written, and an open case's texts are read again at each of
/// the customer's new messages. Bounded by the characters it keeps, so that a flood of long
/// messages cannot grow it; a reading must depend on the text alone.
/// </summary>
internal sealed class TextMemo<T>(Func<string, T> read, int maxChars)
{
    private readonly ConcurrentDictionary<string, T> known = new(StringComparer.Ordinal);
    private long chars;

    public T Get(string text)
    {
        if (known.TryGetValue(text, out var found))
        {
            return found;
        }
        var made = read(text);
        if (Interlocked.Add(ref chars, text.Length) > maxChars)
        {
            known.Clear();
            Interlocked.Exchange(ref chars, text.Length);
        }
        known.TryAdd(text, made);
        return made;
    }
}
