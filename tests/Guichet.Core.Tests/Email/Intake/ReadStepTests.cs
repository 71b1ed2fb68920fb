using Guichet.Core.Email;

namespace Guichet.Core.Tests.Email.Intake;

/// <summary>
/// The read step alone (IncomingMail: parse, charsets, sender, text, files) on every message of
/// the fixture corpus: what an agent will see, without a database.
/// </summary>
public sealed class ReadStepTests
{
    [Fact]
    public void Every_corpus_message_reads_with_its_sender_subject_text_and_files()
    {
        Assert.True(IntakeCorpus.All.Count >= 150);
        var wrong = new List<string>();
        foreach (var e in IntakeCorpus.All)
        {
            var mail = IncomingMail.Read(e.Raw(), 25 * 1024 * 1024);
            if ((mail.Unreadable is not null) != (e.Outcome == "quarantined"))
            {
                wrong.Add($"{e.Name}: unreadable «{mail.Unreadable}», expected outcome {e.Outcome}");
                continue;
            }
            if (e.Sender is not null && mail.Address != e.Sender)
            {
                wrong.Add($"{e.Name}: sender {mail.Address}, expected {e.Sender}");
            }
            if (e.Subject is not null && mail.Subject != e.Subject)
            {
                wrong.Add($"{e.Name}: subject «{mail.Subject}», expected «{e.Subject}»");
            }
            if (e.Outcome is not ("created" or "appended"))
            {
                continue;
            }
            if (e.Text is not null && !Squeezed(mail.Text).Contains(Squeezed(e.Text), StringComparison.Ordinal))
            {
                wrong.Add($"{e.Name}: text does not hold «{e.Text}»");
            }
            if (!mail.Files.Select(f => f.FileName).SequenceEqual(e.Files, StringComparer.Ordinal))
            {
                wrong.Add($"{e.Name}: files [{string.Join(", ", mail.Files.Select(f => f.FileName))}], expected [{string.Join(", ", e.Files)}]");
            }
        }
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Theory]
    [InlineData("001-from-root-localhost.eml", "root@localhost")]
    [InlineData("002-from-dotless-intranet.eml", "admin@intranet")]
    [InlineData("003-blank-line-before-headers.eml", "camille.roux@example.fr")]
    [InlineData("004-no-from-sender-only.eml", "lucie.martin@example.fr")]
    public void The_sender_falls_back_from_From_to_Sender_to_Reply_To_and_accepts_a_dotless_domain(string file, string address) =>
        Assert.Equal(address, IncomingMail.Read(IntakeCorpus.Named(file).Raw(), 1 << 20).Address);

    private static string Squeezed(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t', '\u00a0'], StringSplitOptions.RemoveEmptyEntries));
}
