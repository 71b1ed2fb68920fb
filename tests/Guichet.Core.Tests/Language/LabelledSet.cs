using System.Text.Json.Nodes;

namespace Guichet.Core.Tests.Language;

/// <summary>The labelled sentence sets of Language/Sets, and precision and recall printed the same way for every reader.</summary>
internal static class LabelledSet
{
    public static List<JsonNode> Read(string file) =>
        [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Language", "Sets", file)).Where(l => l.Trim().Length > 0).Select(l => JsonNode.Parse(l)!)];

    /// <summary>A sentence is found when the reader says something, and right when it says what was expected (null: nothing).</summary>
    public static (double Precision, double Recall) Score(ITestOutputHelper output, string name, IReadOnlyCollection<(string? Expected, string? Said)> judged)
    {
        var said = judged.Count(j => j.Said is not null);
        var right = judged.Count(j => j.Said is not null && j.Said == j.Expected);
        var expected = judged.Count(j => j.Expected is not null);
        var precision = said == 0 ? 1 : right / (double)said;
        var recall = expected == 0 ? 1 : right / (double)expected;
        output.WriteLine($"{name,-28} rows {judged.Count,4} positive {expected,4} found {said,4} right {right,4} precision {precision:F3} recall {recall:F3}");
        return (precision, recall);
    }

    public static string? Yes(bool found) => found ? "yes" : null;
}
