namespace Guichet.Core.Metrics;

/// <summary>
/// What the effort figures (SPEC M2, M3) need of a group of cases, summed: the counts of each
/// irritant and how many cases waited each time (hundredths of hours, as the figures round them),
/// so that medians and p90 stay exact. Adding two groups' sums gives the sums of both, so a day's
/// cases are summed once and any period adds its days (issue 29); a period's waits take as much
/// room as their distinct values, not as their cases.
/// </summary>
public sealed class EffortSums
{
    public int Cases { get; set; }
    public int Contacts { get; set; }
    public int RepeatContacts { get; set; }
    public int ChannelSwitches { get; set; }
    public int Transfers { get; set; }
    public int ReExplanations { get; set; }
    public int HotlineRedirects { get; set; }
    public int ReExplained { get; set; }
    public int CalledAfterWriting { get; set; }
    public int HighEffort { get; set; }
    public int Transferred { get; set; }
    public int SeveralContacts { get; set; }
    /// <summary>First human answers: how many came that many hundredths of an hour after the case opened.</summary>
    public Dictionary<int, int> FirstAnswers { get; set; } = [];
    /// <summary>Resolutions: how many came that many hundredths of an hour after the case opened.</summary>
    public Dictionary<int, int> Resolutions { get; set; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public int Answered => FirstAnswers.Values.Sum();
    [System.Text.Json.Serialization.JsonIgnore]
    public int Resolved => Resolutions.Values.Sum();

    public static EffortSums Of(IEnumerable<CaseEffort> cases)
    {
        var sums = new EffortSums();
        foreach (var c in cases)
        {
            sums.Add(c);
        }
        return sums;
    }

    public void Add(CaseEffort c)
    {
        Cases++;
        Contacts += c.Contacts;
        RepeatContacts += c.RepeatContacts;
        ChannelSwitches += c.ChannelSwitches;
        Transfers += c.Transfers;
        ReExplanations += c.ReExplanations;
        HotlineRedirects += c.HotlineRedirects;
        ReExplained += c.ReExplained ? 1 : 0;
        CalledAfterWriting += c.CalledAfterWritingOnline ? 1 : 0;
        HighEffort += c.HighEffort ? 1 : 0;
        Transferred += c.Transferred ? 1 : 0;
        SeveralContacts += c.SeveralContacts ? 1 : 0;
        if (c.FirstHumanAnswerHours is { } first)
        {
            Count(FirstAnswers, Hundredths(first), 1);
        }
        if (c.ResolutionHours is { } resolved)
        {
            Count(Resolutions, Hundredths(resolved), 1);
        }
    }

    public void Add(EffortSums s)
    {
        Cases += s.Cases;
        Contacts += s.Contacts;
        RepeatContacts += s.RepeatContacts;
        ChannelSwitches += s.ChannelSwitches;
        Transfers += s.Transfers;
        ReExplanations += s.ReExplanations;
        HotlineRedirects += s.HotlineRedirects;
        ReExplained += s.ReExplained;
        CalledAfterWriting += s.CalledAfterWriting;
        HighEffort += s.HighEffort;
        Transferred += s.Transferred;
        SeveralContacts += s.SeveralContacts;
        foreach (var (wait, n) in s.FirstAnswers)
        {
            Count(FirstAnswers, wait, n);
        }
        foreach (var (wait, n) in s.Resolutions)
        {
            Count(Resolutions, wait, n);
        }
    }

    /// <summary>The nearest-rank quantile of waits (as <see cref="Quantiles.Of"/>), in hours as the figures show them.</summary>
    public static double? Quantile(Dictionary<int, int> waits, double q)
    {
        var total = waits.Values.Sum();
        if (total == 0)
        {
            return null;
        }
        var rank = Math.Clamp((int)Math.Ceiling(q * total) - 1, 0, total - 1);
        var seen = 0;
        foreach (var wait in waits.Keys.Order())
        {
            seen += waits[wait];
            if (seen > rank)
            {
                return wait / 100.0;
            }
        }
        return null;
    }

    private static void Count(Dictionary<int, int> waits, int wait, int n) => waits[wait] = waits.GetValueOrDefault(wait) + n;

    // The figures round waits to hundredths of an hour (CaseEfforts): kept as such, they add up exactly.
    private static int Hundredths(double hours) => (int)Math.Round(hours * 100, MidpointRounding.AwayFromZero);
}
