namespace Guichet.Bench;

/// <summary>How the request benchmarks report their timings: nearest-rank p50 and p95, and the slowest.</summary>
internal static class Timings
{
    public static void Report(string what, List<double> ms)
    {
        if (ms.Count == 0)
        {
            return;
        }
        ms.Sort();
        double P(double p) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(p * ms.Count) - 1)];
        Console.WriteLine($"{what}: p50 {P(0.50):N1} ms, p95 {P(0.95):N1} ms, max {ms[^1]:N1} ms ({ms.Count} requests)");
    }
}
