namespace Guichet.Core.Metrics;

/// <summary>
/// What the effort figures (SPEC M2, M3) need of a group of cases, summed: the counts of each
/// irritant and the waits themselves (hundredths of hours, as the figures round them) for the
/// medians. Adding two groups' sums gives the sums of both, so a day's cases are summed once and
/// any period adds its days (issue 29).
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
    /// <summary>First human answers, in hundredths of an hour after the case opened.</summary>
    public List<int> FirstAnswers { get; set; } = [];
    /// <summary>Resolutions, in hundredths of an hour after the case opened.</summary>
    public List<int> Resolutions { get; set; } = [];

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
            FirstAnswers.Add(Hundredths(first));
        }
        if (c.ResolutionHours is { } resolved)
        {
            Resolutions.Add(Hundredths(resolved));
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
        FirstAnswers.AddRange(s.FirstAnswers);
        Resolutions.AddRange(s.Resolutions);
    }

    /// <summary>The nearest-rank quantile of waits, in hours as the figures show them.</summary>
    public static double? Quantile(List<int> hundredths, double q) => Quantiles.Of(hundredths.Select(h => (double?)(h / 100.0)), q);

    // The figures round waits to hundredths of an hour (CaseEfforts): kept as such, they add up exactly.
    private static int Hundredths(double hours) => (int)Math.Round(hours * 100, MidpointRounding.AwayFromZero);
}
