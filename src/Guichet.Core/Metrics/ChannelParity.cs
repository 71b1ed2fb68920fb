using Guichet.Core.Cases;

namespace Guichet.Core.Metrics;

/// <summary>
/// Response times per channel side by side (SPEC M3): a company that answers a tweet in an hour
/// and an email in two months shows it here. Cases count on the channel the customer first used.
/// </summary>
public sealed record ChannelParity(
    string Channel,
    int Cases,
    int Answered,
    double? FirstResponseMedianHours,
    double? FirstResponseP90Hours,
    int Resolved,
    double? ResolutionMedianHours,
    double? ResolutionP90Hours)
{
    public static List<ChannelParity> Of(IEnumerable<CaseEffort> cases) =>
        Of(cases.GroupBy(c => c.Channel).Select(g => (g.Key, EffortSums.Of(g))));

    /// <summary>One row per channel, from each channel's sums.</summary>
    public static List<ChannelParity> Of(IEnumerable<(Channel Channel, EffortSums Sums)> channels) =>
        channels.OrderBy(c => c.Channel).Select(c => new ChannelParity(c.Channel.ToWire(), c.Sums.Cases,
            c.Sums.Answered,
            EffortSums.Quantile(c.Sums.FirstAnswers, 0.5),
            EffortSums.Quantile(c.Sums.FirstAnswers, 0.9),
            c.Sums.Resolved,
            EffortSums.Quantile(c.Sums.Resolutions, 0.5),
            EffortSums.Quantile(c.Sums.Resolutions, 0.9))).ToList();

    /// <summary>How many times slower the slowest channel's typical first response is than the fastest's; null with fewer than two answered channels.</summary>
    public static double? Gap(IReadOnlyList<ChannelParity> rows)
    {
        var medians = rows.Where(r => r.FirstResponseMedianHours is > 0).Select(r => r.FirstResponseMedianHours!.Value).ToList();
        return medians.Count < 2 ? null : Math.Round(medians.Max() / medians.Min(), 1);
    }
}
