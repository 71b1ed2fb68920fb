using System.Text.Json;
using Guichet.Core.Replies;

namespace Guichet.Core.Tests.Replies;

/// <summary>
/// Issue 24: the language of a customer's first words decides the language of everything they are
/// sent. Two labelled sets of short messages as customers write them (typos, no accents, codes,
/// franglais): the detector must read nearly all of them right.
/// </summary>
public sealed class LanguageGuessTests
{
    private static IEnumerable<(string Label, string Text)> Labelled()
    {
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Language", "short-messages.tsv")))
        {
            if (line.Length > 3 && !line.StartsWith('#'))
            {
                yield return (line[..2], line[3..]);
            }
        }
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Replies", "language-detection.jsonl")))
        {
            if (line.Trim().Length > 0)
            {
                var e = JsonDocument.Parse(line).RootElement;
                yield return (e.GetProperty("lang").GetString()!, e.GetProperty("text").GetString()!);
            }
        }
    }

    [Fact]
    public void Short_customer_messages_are_read_in_their_language_at_least_96_times_in_100()
    {
        var set = Labelled().ToList();
        Assert.True(set.Count >= 400, $"the labelled sets hold {set.Count} messages");
        Assert.Equal(set.Count(s => s.Label == "fr"), set.Count(s => s.Label == "en"), 20.0);
        var wrong = set.Where(s => LanguageGuess.Of(s.Text) != s.Label).ToList();
        var right = set.Count - wrong.Count;
        Assert.True(right >= 0.96 * set.Count, $"{right} of {set.Count} right; wrong: {string.Join(" | ", wrong.Take(30).Select(w => $"{w.Label} {w.Text}"))}");
    }

    [Theory]
    [InlineData("Bonjour, toujours rien reçu depuis lundi, pouvez-vous me rappeler ?", "fr")]
    [InlineData("Hello, still nothing since Monday, could you call me back?", "en")]
    [InlineData("Le tracking dit livré mais je n'ai rien reçu", "fr")]
    public void A_message_of_a_few_words_is_read(string text, string language) => Assert.Equal(language, LanguageGuess.Of(text));

    [Theory]
    [InlineData("")]
    [InlineData("12345 ?!")]
    public void A_text_without_letters_has_no_language(string text) => Assert.Null(LanguageGuess.Of(text));

    [Theory]
    [InlineData("OK merci")]
    [InlineData("Parfait")]
    public void A_reply_too_short_to_judge_never_makes_the_guard_warn(string text) => Assert.Null(LanguageGuess.Surely(text));
}
