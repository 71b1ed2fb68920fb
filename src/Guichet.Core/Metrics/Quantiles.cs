namespace Guichet.Core.Metrics;

internal static class Quantiles
{
    /// <summary>The nearest-rank quantile (the value that many cases waited at most); null when there is none.</summary>
    public static double? Of(IEnumerable<double?> values, double q)
    {
        var sorted = values.Where(v => v is not null).Select(v => v!.Value).Order().ToList();
        return sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public static double Share(int part, int whole) => whole == 0 ? 0 : Math.Round(part / (double)whole, 3);
}
