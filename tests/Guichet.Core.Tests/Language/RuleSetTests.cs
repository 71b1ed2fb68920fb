using System.Text.Json.Nodes;
using Guichet.Core.Language;
using Guichet.Core.Replies;
using Guichet.Core.Routing;

namespace Guichet.Core.Tests.Language;

/// <summary>
/// The rules' vocabularies measured on labelled sentences (issue 23): excuses (P4), redirects (C3)
/// and major problems (E2), half French, half English, half positive, with near misses. Precision
/// and recall are printed per set and language (docs/benchmarks.md); each set holds a floor.
/// </summary>
public sealed class RuleSetTests(ITestOutputHelper output)
{
    private sealed record Row(string Text, string Lang, string? Expected);

    private static IEnumerable<Row> Read(string file, Func<JsonNode, string?> expected) =>
        LabelledSet.Read(file).Select(n => new Row(n["text"]!.GetValue<string>(), n["lang"]!.GetValue<string>(), expected(n)));

    private static string? Match(JsonNode n) => LabelledSet.Yes((n["match"] ?? n["label"])!.GetValue<bool>());

    private static string? Problem(JsonNode n) =>
        n.AsObject().ContainsKey("problem") ? n["problem"]?.GetValue<string>()
        : n["match"]!.GetValue<bool>() ? n["category"]?.GetValue<string>() ?? "?" : null;

    private static readonly MajorProblems Defaults = MajorProblems.Parse(MajorProblems.Default).Value;

    private static string? MajorProblem(string text)
    {
        var read = RuleText.Of(text);
        return Defaults.Rules.FirstOrDefault(r => r.FirstIn(read) is not null)?.Code;
    }

    public static TheoryData<string, string, double, double> Sets => new()
    {
        { "excuses.jsonl", "excuses", 0.9, 0.8 },
        { "excuses-2.jsonl", "excuses", 0.9, 0.8 },
        { "redirects.jsonl", "redirects", 0.9, 0.8 },
        { "redirects-2.jsonl", "redirects", 0.9, 0.8 },
        { "major-problems.jsonl", "major-problems", 0.9, 0.8 },
        // Written blind (never used to choose a phrase): its floor is what the first measure gave, less a margin.
        { "major-problems-2.jsonl", "major-problems", 0.85, 0.75 },
        { "excuses-3.jsonl", "excuses", 0.9, 0.8 },
        { "redirects-3.jsonl", "redirects", 0.9, 0.55 },
        { "major-problems-3.jsonl", "major-problems", 0.9, 0.7 },
    };

    [Theory]
    [MemberData(nameof(Sets))]
    public void Each_rule_finds_what_people_write_and_leaves_the_near_misses(string file, string rule, double precisionFloor, double recallFloor)
    {
        var (rows, said) = rule switch
        {
            "excuses" => (Read(file, Match).ToList(), (Func<string, string?>)(t => LabelledSet.Yes(Excuses.FirstIn(t) is not null))),
            "redirects" => (Read(file, Match).ToList(), t => LabelledSet.Yes(Redirects.FirstIn(t) is not null)),
            _ => (Read(file, Problem).ToList(), MajorProblem),
        };
        var judged = rows.Select(r => (Row: r, Said: said(r.Text))).ToList();
        var all = LabelledSet.Score(output, file, [.. judged.Select(j => (j.Row.Expected, j.Said))]);
        foreach (var lang in new[] { "fr", "en" })
        {
            LabelledSet.Score(output, $"  {lang}", [.. judged.Where(j => j.Row.Lang == lang).Select(j => (j.Row.Expected, j.Said))]);
        }
        foreach (var (row, saidIt) in judged.Where(j => j.Said != j.Row.Expected))
        {
            output.WriteLine($"    {(row.Expected is null ? "FALSE" : "MISSED")} [{row.Expected ?? "-"} / {saidIt ?? "-"}] {row.Text}");
        }
        Assert.True(all.Precision >= precisionFloor, $"{file}: precision {all.Precision:F3} below {precisionFloor}");
        Assert.True(all.Recall >= recallFloor, $"{file}: recall {all.Recall:F3} below {recallFloor}");
    }

    /// <summary>The phrasings SPEC and issue 23 quote, and the source articles' own: none may be missed, none of the near misses found.</summary>
    [Theory]
    [InlineData("En raison d'une grève, votre dossier prendra du retard.", true)]
    [InlineData("Un collègue est malade, nous reviendrons vers vous lundi.", true)]
    [InlineData("Un virus a paralysé nos ordinateurs.", true)]
    [InlineData("En raison d'un fort volume de demandes, nous vous répondrons le 12 mars.", true)]
    [InlineData("En raison d'une grève et de plusieurs collègues malades, votre réponse arrivera le 4 avril.", true)]
    [InlineData("Due to a strike, your refund will be late.", true)]
    [InlineData("Nous sommes désolés : votre dossier sera traité d'ici le 12 mars. Merci de votre patience.", false)]
    [InlineData("La grève est terminée, vos billets restent valables.", false)]
    public void The_spec_excuses_are_caught(string text, bool excuse) => Assert.Equal(excuse, Excuses.FirstIn(text) is not null);

    [Theory]
    [InlineData("Merci d'écrire directement au service Bagages à l'adresse bagages@example.com.", true)]
    [InlineData("Écrivez à bagages@example.com avec vos photos.", true)]
    [InlineData("Merci d'appeler le 01 80 00 00 01 (service Bagages).", true)]
    [InlineData("Veuillez appeler notre service client.", true)]
    [InlineData("Please write to claims@example.com.", true)]
    [InlineData("Merci d'avoir écrit.", false)]
    [InlineData("Merci de votre appel, nous vous rappellerons demain au 06 12 34 56 78.", false)]
    [InlineData("Nous avons transmis votre dossier au service Bagages, qui vous répondra ici.", false)]
    public void The_spec_redirects_are_caught(string text, bool redirect) => Assert.Equal(redirect, Redirects.FirstIn(text) is not null);

    [Theory]
    [InlineData("Colis perdu", "lost-parcel")]
    [InlineData("Mon colis est perdu.", "lost-parcel")]
    [InlineData("Le colis semble perdu.", "lost-parcel")]
    [InlineData("Bagage perdu", "lost-baggage")]
    [InlineData("Ma valise n'est jamais arrivée.", "lost-baggage")]
    [InlineData("Nos bagages ont été perdus lors de la correspondance à Francfort.", "lost-baggage")]
    [InlineData("Votre colis n'est pas perdu, il arrive demain.", null)]
    [InlineData("Merci, mon colis est bien arrivé.", null)]
    public void The_spec_major_problems_go_to_the_manager(string text, string? problem)
    {
        Assert.Equal(problem, MajorProblem(text));
        Assert.All(Defaults.Rules, r => Assert.Equal(EscalationLevel.Manager, r.Level));
    }
}
