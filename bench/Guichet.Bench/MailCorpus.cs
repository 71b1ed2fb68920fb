using System.Text;

namespace Guichet.Bench;

/// <summary>
/// A reproducible mbox of customer mail for the intake benchmarks (issue 4): new problems from new
/// and known customers, replies threaded by In-Reply-To, follow-ups matched only by subject, a
/// share of HTML and quoted-printable French, and a little noise (auto-replies) that is stored but
/// never acknowledged.
/// </summary>
public static class MailCorpus
{
    private static readonly string[] Topics =
    [
        "Colis jamais livré", "Remboursement en attente", "Facture incorrecte", "Bagage perdu vol LH1234",
        "Internet coupé depuis 3 jours", "Modem défectueux", "Résiliation de mon abonnement", "Commande incomplète",
        "Parcel never arrived", "Refund still pending", "Wrong invoice amount", "Cannot log in to my account",
    ];

    public static void Write(string path, int count, int seed)
    {
        var random = new Random(seed);
        var customers = Math.Max(1, count * 2 / 5);
        var sent = new List<(string Id, string From, string Subject)>(count);
        using var output = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        var start = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var date = start.AddSeconds(i * 3);
            var roll = random.Next(100);
            var id = $"<bench-{seed}-{i}@mail.example>";
            string from, subject;
            string? inReplyTo = null;
            if (roll < 25 && sent.Count > 0)
            {
                // A reply to an earlier message, threaded by its Message-ID.
                var earlier = sent[random.Next(sent.Count)];
                (from, subject, inReplyTo) = (earlier.From, "Re: " + earlier.Subject, earlier.Id);
            }
            else if (roll < 35 && sent.Count > 0)
            {
                // The same matter again without headers: only the subject ties it to the case.
                var earlier = sent[random.Next(sent.Count)];
                (from, subject) = (earlier.From, "TR: " + earlier.Subject);
            }
            else
            {
                from = $"client{random.Next(customers)}@example.fr";
                subject = $"{Topics[random.Next(Topics.Length)]} n°{random.Next(1_000_000)}";
            }
            output.Write($"From {from} {date:ddd MMM dd HH:mm:ss yyyy}\n");
            output.Write($"From: Client <{from}>\nTo: support@guichet.test\nSubject: {subject}\nDate: {date:R}\nMessage-ID: {id}\nMIME-Version: 1.0\n");
            if (inReplyTo is not null)
            {
                output.Write($"In-Reply-To: {inReplyTo}\nReferences: {inReplyTo}\n");
            }
            if (roll >= 97)
            {
                output.Write("Auto-Submitted: auto-replied\n");
            }
            if (roll % 5 == 0)
            {
                output.Write("Content-Type: multipart/alternative; boundary=\"b\"\n\n--b\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n");
                output.Write($"Bonjour,=0A=0Aje n'ai toujours pas re=C3=A7u de r=C3=A9ponse pour le dossier {i}.=0AMerci.\n--b\nContent-Type: text/html; charset=utf-8\n\n");
                output.Write($"<html><body><p>Bonjour,</p><p>je n'ai toujours pas reçu de réponse pour le dossier {i}.</p><p>Merci.</p></body></html>\n--b--\n\n");
            }
            else
            {
                output.Write("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n");
                output.Write($"Bonjour,\n\nJe vous écris au sujet de ma demande {i}. Pouvez-vous me dire quand elle sera traitée ?\n\n> Le message précédent\n> cité ici\n\nCordialement,\nClient\n\n");
            }
            if (roll < 97)
            {
                sent.Add((id, from, subject.Replace("Re: ", "").Replace("TR: ", "")));
            }
        }
    }
}
