using Guichet.Core.Promises;

namespace Guichet.Core.Metrics;

/// <summary>
/// Promise keeping per team and per owner (SPEC M4) for the promises made on the cases a filter
/// covers: kept, renegotiated in time (at least once), broken openly, and silent breaches (lapsed
/// with nobody telling the customer, or running past due now). The aim for the last is zero.
/// </summary>
public sealed record PromiseKeeping(string Group, int Made, int Open, int Kept, int Renegotiated, int Broken, int SilentBreaches, double? KeptShare)
{
    /// <param name="SilentBreach">Found lapsed by the watcher.</param>
    public sealed record Row(long Id, string Team, string? Owner, PromiseState State, bool Renegotiated, bool SilentBreach, DateTimeOffset DueAt);

    public static PromiseKeeping Of(string group, IEnumerable<Row> rows, DateTimeOffset now)
    {
        var sums = new PromiseSums();
        foreach (var r in rows)
        {
            sums.Add(r.State, r.Renegotiated, r.SilentBreach, r.DueAt);
        }
        return Of(group, sums, now);
    }

    /// <summary>
    /// Kept, broken openly, and silent breaches: found lapsed, or running past due at <paramref name="now"/>.
    /// Kept share: kept among the promises that came due (kept, broken or silently breached).
    /// </summary>
    public static PromiseKeeping Of(string group, PromiseSums s, DateTimeOffset now)
    {
        var lapsed = s.RunningDue.Count(due => due <= now.UtcTicks);
        var silent = s.Flagged + lapsed;
        return new(group, s.Made, s.RunningDue.Count - lapsed, s.Kept, s.Renegotiated, s.Broken, silent,
            s.Kept + s.Broken + silent == 0 ? null : Quantiles.Share(s.Kept, s.Kept + s.Broken + silent));
    }

    public static List<PromiseKeeping> ByTeam(IEnumerable<Row> rows, DateTimeOffset now) =>
        rows.GroupBy(r => r.Team, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Of(g.Key, g, now)).ToList();

    /// <summary>Unowned promises belong to their case's team until someone takes the case.</summary>
    public static List<PromiseKeeping> ByOwner(IEnumerable<Row> rows, DateTimeOffset now) =>
        rows.GroupBy(r => OwnerGroup(r.Owner, r.Team), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Of(g.Key, g, now)).ToList();

    public static string OwnerGroup(string? owner, string team) => owner ?? $"({team})";
}
