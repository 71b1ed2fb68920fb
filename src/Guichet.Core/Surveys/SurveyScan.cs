namespace Guichet.Core.Surveys;

/// <summary>
/// Where the last complete scheduling pass of this server began, so the next one reads the cases
/// settled since (resolved, or a promise on them kept or broken) instead of every case of the
/// horizon at each pass (issue 29: fourteen days of resolutions, read once a minute). A restart
/// forgets it and reads the whole horizon once; another server keeps its own.
/// </summary>
public sealed class SurveyScan
{
    /// <summary>A transaction commits a little after the times it carries: each pass reads back this far before the last one began.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(10);

    private long _began = long.MinValue;

    /// <summary>The earliest settlement this pass must read; <paramref name="horizon"/> when no pass finished yet.</summary>
    public DateTimeOffset From(DateTimeOffset horizon, DateTimeOffset now)
    {
        var began = Interlocked.Read(ref _began);
        if (began == long.MinValue || began > now.UtcTicks)
        {
            return horizon;
        }
        var from = new DateTimeOffset(began, TimeSpan.Zero) - Overlap;
        return from > horizon ? from : horizon;
    }

    /// <summary>A pass that began at <paramref name="began"/> scheduled everything settled before it.</summary>
    public void Completed(DateTimeOffset began) => Interlocked.Exchange(ref _began, began.UtcTicks);
}
