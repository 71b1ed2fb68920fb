using System.Text.Json;
using Guichet.Core.Replies;

namespace Guichet.Core.Tests.Replies;

/// <summary>
/// The send guard against a labelled corpus (send-guard-corpus.jsonl, French and English): good
/// replies and each kind of defect. Every defect is caught with its code; no good reply is stopped.
/// </summary>
public sealed class SendGuardCorpusTests
{
    public sealed record Sample(string Name, string? Salutation, string Lang, string Text, string[] Expect, bool Promise = false, bool Delay = false, bool Template = false, bool Sensitive = false);

    public static TheoryData<int, Sample> Corpus()
    {
        var data = new TheoryData<int, Sample>();
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Replies", "send-guard-corpus.jsonl"));
        for (var i = 0; i < lines.Length; i++)
        {
            data.Add(i + 1, JsonSerializer.Deserialize<Sample>(lines[i], options)!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Each_reply_gets_exactly_its_labelled_reasons(int line, Sample sample)
    {
        var reasons = SendGuard.Check(new GuardContext(sample.Text)
        {
            CustomerName = sample.Name,
            CustomerSalutation = sample.Salutation,
            CustomerLanguage = sample.Lang,
            CarriesPromise = sample.Promise,
            IsDelayNotice = sample.Delay,
            TemplateUnchanged = sample.Template,
            SensitiveCase = sample.Sensitive,
        });
        Assert.True(sample.Expect.Order(StringComparer.Ordinal).SequenceEqual(reasons.Select(r => r.Code).Order(StringComparer.Ordinal)),
            $"line {line}: expected [{string.Join(", ", sample.Expect)}], got [{string.Join(", ", reasons.Select(r => $"{r.Code}: {r.Message}"))}]");
        Assert.All(reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Message)));
    }

    [Fact]
    public void The_corpus_is_large_enough_and_covers_every_code_and_good_replies_in_both_languages()
    {
        var samples = Corpus().Select(row => (Sample)row.Data.Item2).ToList();
        Assert.True(samples.Count >= 60);
        var codes = samples.SelectMany(s => s.Expect).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string> { "Q1.empty", "Q1.placeholder", "Q2.salutation", "Q2.name", "Q3.language", "C3.redirect", "P2.undated", "P4.excuse", "E4.template" }, codes);
        Assert.True(samples.Count(s => s.Expect.Length == 0 && s.Lang == "fr") >= 10);
        Assert.True(samples.Count(s => s.Expect.Length == 0 && s.Lang == "en") >= 8);
    }
}
