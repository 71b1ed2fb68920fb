using System.Text.Json.Nodes;
using Guichet.Core.Cases;
using Guichet.Core.Routing;
using Guichet.Core.Social;

namespace Guichet.Core.Tests.Language;

/// <summary>
/// The readers issue 23 did not move onto vocabularies, measured on their labelled sets so that
/// docs/benchmarks.md can say where they stand: negative tone (E1, <see cref="Tone"/>: two angry
/// words or more), a customer chasing (the reminder cue of C1, <see cref="MatterCues"/>) and the
/// social classes (H5, <see cref="SocialClassifier"/>). The floors are what they gave, less a margin.
/// </summary>
public sealed class SignalSetTests(ITestOutputHelper output)
{
    private static List<JsonNode> Read(string file) => LabelledSet.Read(file);

    private (double Precision, double Recall) Measure(string name, IEnumerable<(bool Expected, bool Said)> judged) =>
        LabelledSet.Score(output, name, [.. judged.Select(j => (LabelledSet.Yes(j.Expected), LabelledSet.Yes(j.Said)))]);

    [Fact]
    public void Negative_tone_is_read_on_two_angry_words()
    {
        var judged = Read("negative-tone.jsonl").Select(n => (n["match"]!.GetValue<bool>(), Tone.Read(n["text"]!.GetValue<string>()).Score >= 2)).ToList();
        var (precision, recall) = Measure("negative-tone (E1)", judged);
        // One sentence rarely holds two angry words: the E1 tone signal is weak alone (docs/benchmarks.md).
        Measure("negative-tone, one word", [.. Read("negative-tone.jsonl").Select(n => (n["match"]!.GetValue<bool>(), Tone.Read(n["text"]!.GetValue<string>()).Score >= 1))]);
        Assert.True(precision >= 0.9 && recall >= 0.03, $"{precision:F3} / {recall:F3}");
    }

    [Fact]
    public void A_customer_chasing_is_read_by_the_reminder_cue()
    {
        var judged = Read("stalled.jsonl").Select(n => (n["match"]!.GetValue<bool>(), MatterCues.Of(n["text"]!.GetValue<string>()).Reminder)).ToList();
        var (precision, recall) = Measure("stalled (reminder cue)", judged);
        Assert.True(precision >= 0.8 && recall >= 0.45, $"{precision:F3} / {recall:F3}");
    }

    [Fact]
    public void Social_comments_are_sorted_into_their_class()
    {
        var rows = Read("social.jsonl").Select(n => (Expected: n["class"]!.GetValue<string>(), Said: Wire(SocialClassifier.Classify(n["text"]!.GetValue<string>()).Class))).ToList();
        var worst = 1.0;
        foreach (var kind in rows.Select(r => r.Expected).Distinct().Order(StringComparer.Ordinal))
        {
            var (precision, recall) = Measure($"social: {kind} (H5)", [.. rows.Select(r => (r.Expected == kind, r.Said == kind))]);
            worst = Math.Min(worst, Math.Min(precision, recall));
        }
        output.WriteLine($"social accuracy {rows.Count(r => r.Expected == r.Said) / (double)rows.Count:F3}");
        Assert.True(worst >= 0.13, $"the weakest class is at {worst:F3}");
    }

    private static string Wire(SocialClass c) => c switch
    {
        SocialClass.Complaint => "complaint",
        SocialClass.Question => "question",
        SocialClass.Opinion => "opinion",
        _ => "insult-or-spam",
    };
}
