using System.Globalization;

namespace Guichet.Core.Automations;

/// <summary>
/// The ids a cursor passed over because they were missing, kept for <see cref="LateCommit"/>: on
/// PostgreSQL an id is taken when a row is written and visible when its transaction commits, so a
/// smaller id can appear after a larger one was read. Each row is then read exactly once.
/// </summary>
public sealed class ReadCursor
{
    public static readonly TimeSpan LateCommit = TimeSpan.FromMinutes(2);
    private const int MaxPending = 2_000;

    private readonly Dictionary<long, long> _pending;

    private ReadCursor(Dictionary<long, long> pending) => _pending = pending;

    public IReadOnlyCollection<long> Pending => _pending.Keys;

    public static ReadCursor Parse(string? text)
    {
        var pending = new Dictionary<long, long>();
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Split(':') is [var id, var since]
                && long.TryParse(id, CultureInfo.InvariantCulture, out var i) && long.TryParse(since, CultureInfo.InvariantCulture, out var s))
            {
                pending[i] = s;
            }
        }
        return new(pending);
    }

    /// <summary>After reading ids past <paramref name="from"/> (and some pending ones): what is still missing, and for how long.</summary>
    public string? Next(long from, IReadOnlyCollection<long> read, DateTimeOffset now)
    {
        var seen = read.ToHashSet();
        var stamp = now.ToUnixTimeSeconds();
        var oldest = (now - LateCommit).ToUnixTimeSeconds();
        var next = _pending.Where(p => !seen.Contains(p.Key) && p.Value >= oldest).ToDictionary(p => p.Key, p => p.Value);
        var until = read.Where(id => id > from).DefaultIfEmpty(from).Max();
        for (var id = from + 1; id < until && next.Count < MaxPending; id++)
        {
            if (!seen.Contains(id))
            {
                next[id] = stamp;
            }
        }
        return next.Count == 0 ? null : string.Join(';', next.OrderBy(p => p.Key).Select(p => $"{p.Key}:{p.Value}"));
    }
}
