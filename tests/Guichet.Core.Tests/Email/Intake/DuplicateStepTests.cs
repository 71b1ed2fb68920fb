using Guichet.Core.Email;

namespace Guichet.Core.Tests.Email.Intake;

/// <summary>
/// The duplicate step's judgement alone (decision 0030), on the corpus's groups of messages that
/// share bytes or a Message-ID: a second delivery (same bytes, transport headers added, re-encoded
/// by a relay) is the same message; another sender, other words or a script's reused id is not.
/// </summary>
public sealed class DuplicateStepTests
{
    [Fact]
    public void Within_each_group_a_message_is_a_duplicate_exactly_when_the_corpus_says_so()
    {
        var groups = IntakeCorpus.All.Where(e => e.Group is not null).GroupBy(e => e.Group!).ToList();
        Assert.True(groups.Count >= 8);
        foreach (var group in groups)
        {
            var seen = new List<IncomingMail>();
            foreach (var e in group.OrderBy(e => e.File, StringComparer.Ordinal))
            {
                var mail = IncomingMail.Read(e.Raw(), 1 << 20);
                var same = seen.Any(s => s.Sha256 == mail.Sha256 || (s.DedupKey is not null && s.DedupKey == mail.DedupKey));
                Assert.True(same == (e.Outcome == "duplicate"), $"{e.Name}: duplicate {same}, expected outcome {e.Outcome}");
                seen.Add(mail);
            }
        }
    }

    [Fact]
    public void The_key_is_the_id_the_sender_the_subject_and_the_decoded_text()
    {
        var key = Duplicates.Key("<a@b>", "x@example.fr", "Sujet", "Texte");
        Assert.Equal(key, Duplicates.Key("<a@b>", "x@example.fr", " Sujet ", "Texte"));
        Assert.NotEqual(key, Duplicates.Key("<a@b>", "y@example.fr", "Sujet", "Texte"));
        Assert.NotEqual(key, Duplicates.Key("<a@b>", "x@example.fr", "Sujet", "Autre texte"));
        Assert.NotEqual(key, Duplicates.Key("<a@b>", "x@example.fr", "Autre sujet", "Texte"));
        Assert.Equal(32, key.Length); // 128 bits of SHA-256 in hex
    }
}
