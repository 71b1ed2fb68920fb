using Guichet.Core.Promises;

namespace Guichet.Core.Metrics;

/// <summary>
/// What promise keeping (SPEC M4) needs of a group of promises, summed, without the time of
/// reading: a running promise becomes a silent breach when its due time passes, so the running
/// ones keep their due times and <see cref="PromiseKeeping.Of(string, PromiseSums, DateTimeOffset)"/>
/// counts them at the time asked (issue 29).
/// </summary>
public sealed class PromiseSums
{
    public int Made { get; set; }
    public int Kept { get; set; }
    /// <summary>Renegotiated at least once, whatever became of them.</summary>
    public int Renegotiated { get; set; }
    /// <summary>Found lapsed by the watcher (whatever their state now).</summary>
    public int Flagged { get; set; }
    /// <summary>Broken openly (not found lapsed).</summary>
    public int Broken { get; set; }
    /// <summary>The due times (UTC ticks) of the running promises not found lapsed.</summary>
    public List<long> RunningDue { get; set; } = [];

    public void Add(PromiseState state, bool renegotiated, bool flagged, DateTimeOffset dueAt)
    {
        Made++;
        Kept += state == PromiseState.Kept ? 1 : 0;
        Renegotiated += renegotiated ? 1 : 0;
        Flagged += flagged ? 1 : 0;
        Broken += state == PromiseState.Broken && !flagged ? 1 : 0;
        if (state is PromiseState.Open or PromiseState.Renegotiated && !flagged)
        {
            RunningDue.Add(dueAt.UtcTicks);
        }
    }

    public void Add(PromiseSums s)
    {
        Made += s.Made;
        Kept += s.Kept;
        Renegotiated += s.Renegotiated;
        Flagged += s.Flagged;
        Broken += s.Broken;
        RunningDue.AddRange(s.RunningDue);
    }
}
