using System.Text.Json;
using Guichet.Core.Cases;

namespace Guichet.Core.Tests.Cases.SameMatter;

/// <summary>
/// C1 by content, measured on the labelled pairs written for it (pairs.jsonl: 250 pairs, French
/// and English, same matter or not, each with its kind). A wrong join is worse than a missed one:
/// precision must stay at least 0.97; recall is reported in docs/benchmarks.md.
/// </summary>
public sealed class SameMatterSetTests
{
    private sealed record Side(string Subject, string Body, string[]? Assets);

    private sealed record Pair(string Id, string Lang, Side Case, Side Message, bool Same, string Why, string Kind);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal static IReadOnlyList<(string Id, string Kind, string Lang, bool Same, MatterVerdict Verdict)> Judge(string file) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Cases", "SameMatter", file)).Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<Pair>(l, Json)!)
            .Select(p => (p.Id, p.Kind, p.Lang, p.Same, Core.Cases.SameMatter.Judge(new Core.Cases.SameMatter.CaseText(p.Case.Subject, [p.Case.Body]), p.Message.Subject, p.Message.Body, p.Case.Assets ?? [], [], onlyOpenCase: true)))
            .ToList();

    [Fact]
    public void Joins_are_right_at_least_97_times_in_100_on_the_labelled_pairs()
    {
        var judged = Judge("pairs.jsonl");
        Assert.True(judged.Count >= 200, $"only {judged.Count} pairs");
        var joined = judged.Where(j => j.Verdict.Link == MatterLink.Same).ToList();
        var wrong = joined.Where(j => !j.Same).ToList();
        var precision = joined.Count == 0 ? 0 : (joined.Count - wrong.Count) / (double)joined.Count;
        var recall = (joined.Count - wrong.Count) / (double)judged.Count(j => j.Same);
        var missed = judged.Where(j => j.Same && j.Verdict.Link != MatterLink.Same).Select(j => $"{j.Id} {j.Kind} {j.Verdict.Link}");
        TestContext.Current.TestOutputHelper?.WriteLine(Report(judged));
        Assert.True(precision >= 0.97 && recall >= 0.6,
            $"precision {precision:F3}, recall {recall:F3}; wrong joins: {string.Join("; ", wrong.Select(w => $"{w.Id} {w.Kind} {w.Verdict.Why} {w.Verdict.Evidence}"))}\nmissed: {string.Join("; ", missed)}");
    }

    /// <summary>
    /// The held-out pairs, each 120 pairs written by someone who never saw the rule nor the other
    /// sets: holdout.jsonl was run once after the rule was tuned on pairs.jsonl, and its wrong
    /// joins showed classes the rule then learnt (dates, signatures, references ending another);
    /// holdout-2.jsonl was written after that and run on the rule as it stands: the honest measure,
    /// in docs/benchmarks.md.
    /// </summary>
    [Theory]
    [InlineData("holdout.jsonl")]
    [InlineData("holdout-2.jsonl")]
    [InlineData("holdout-3.jsonl")]
    [InlineData("holdout-4.jsonl")]
    public void On_held_out_pairs_joins_stay_right_at_least_9_times_in_10(string file)
    {
        var judged = Judge(file);
        Assert.True(judged.Count >= 100, $"only {judged.Count} pairs");
        TestContext.Current.TestOutputHelper?.WriteLine(Report(judged));
        var joined = judged.Where(j => j.Verdict.Link == MatterLink.Same).ToList();
        var precision = joined.Count == 0 ? 0 : joined.Count(j => j.Same) / (double)joined.Count;
        Assert.True(precision >= 0.9, Report(judged));
    }

    /// <summary>Precision and recall overall, per language and per kind, and what went wrong: the figures in docs/benchmarks.md.</summary>
    internal static string Report(IReadOnlyList<(string Id, string Kind, string Lang, bool Same, MatterVerdict Verdict)> judged)
    {
        static string Line(string name, IEnumerable<(string Id, string Kind, string Lang, bool Same, MatterVerdict Verdict)> rows)
        {
            var list = rows.ToList();
            var joined = list.Count(j => j.Verdict.Link == MatterLink.Same);
            var right = list.Count(j => j.Verdict.Link == MatterLink.Same && j.Same);
            var same = list.Count(j => j.Same);
            var perhaps = list.Count(j => j.Verdict.Link == MatterLink.Perhaps && j.Same);
            var perhapsWrong = list.Count(j => j.Verdict.Link == MatterLink.Perhaps && !j.Same);
            return $"{name,-32} pairs {list.Count,4} same {same,4} joined {joined,4} right {right,4} precision {(joined == 0 ? double.NaN : right / (double)joined),6:F3} recall {(same == 0 ? double.NaN : right / (double)same),6:F3} perhaps(same) {perhaps,3} perhaps(different) {perhapsWrong,3}";
        }
        var lines = new List<string> { Line("all", judged) };
        lines.AddRange(judged.GroupBy(j => j.Lang).OrderBy(g => g.Key).Select(g => Line(g.Key, g)));
        lines.AddRange(judged.GroupBy(j => j.Kind).OrderBy(g => g.Key).Select(g => Line(g.Key, g)));
        lines.AddRange(judged.Where(j => j.Verdict.Link == MatterLink.Same).GroupBy(j => j.Verdict.Why).OrderBy(g => g.Key)
            .Select(g => $"joined by {g.Key,-14} {g.Count(),4} right {g.Count(j => j.Same),4}"));
        lines.Add("wrong joins: " + string.Join("; ", judged.Where(j => j.Verdict.Link == MatterLink.Same && !j.Same).Select(j => $"{j.Id} {j.Verdict.Why} {j.Verdict.Evidence}")));
        lines.Add("missed: " + string.Join("; ", judged.Where(j => j.Same && j.Verdict.Link != MatterLink.Same).Select(j => $"{j.Id} {j.Verdict.Link}")));
        return string.Join('\n', lines);
    }
}
