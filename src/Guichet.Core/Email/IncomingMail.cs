using System.Security.Cryptography;
using Guichet.Core.Customers;
using MimeKit;

namespace Guichet.Core.Email;

/// <summary>
/// What the intake needs from one raw message, read without touching the database so that a
/// batch can be parsed on every core before its sequential write (decision 0010). A message that
/// cannot be read carries the reason it will be quarantined with.
/// </summary>
public sealed record IncomingMail(byte[] Raw, string Sha256)
{
    public string? MessageId { get; private init; }
    public string? Address { get; private init; }
    public string? RawFrom { get; private init; }
    public string Name { get; private init; } = "";
    public string? Subject { get; private init; }
    public MailNoise Noise { get; private init; }
    public IReadOnlyList<string> ThreadIds { get; private init; } = [];
    public IReadOnlyList<string> BouncedIds { get; private init; } = [];
    /// <summary>A case reference a bounce quotes (the returned acknowledgment's subject), when its ids name no message.</summary>
    public string? BouncedReference { get; private init; }
    public string Text { get; private init; } = "";
    public IReadOnlyList<MailAttachments.File> Files { get; private init; } = [];
    /// <summary>Where it was addressed (To, Cc, Delivered-To, X-Original-To), normalised: which team's mailbox it reached.</summary>
    public IReadOnlyList<string> Recipients => [.. Addressed.Concat(DeliveredTo).Distinct(StringComparer.Ordinal)];
    /// <summary>Who the sender wrote to and copied (To, Cc), normalised: the people on the conversation, ours among them.</summary>
    public IReadOnlyList<string> Addressed { get; private init; } = [];
    /// <summary>Who the sender copied (Cc), normalised.</summary>
    public IReadOnlyList<string> CarbonCopied { get; private init; } = [];
    /// <summary>The mailbox that delivered it here (Delivered-To, X-Original-To): ours.</summary>
    public IReadOnlyList<string> DeliveredTo { get; private init; } = [];
    /// <summary>It has an HTML part, which the case page can show as laid out (<see cref="MessageHtml"/>).</summary>
    public bool HasHtml { get; private init; }
    /// <summary>Over the size limit: its text is taken, its files are not, and it stays in quarantine.</summary>
    public bool TooLarge { get; private init; }
    /// <summary>What makes two deliveries the same message, when it has a Message-ID (<see cref="Duplicates"/>).</summary>
    public string? DedupKey { get; private init; }
    /// <summary>Set when the message must be quarantined rather than processed.</summary>
    public string? Unreadable { get; private init; }

    /// <summary>The subject as cases carry it: trimmed, or "(sans objet)".</summary>
    public string CaseSubject => string.IsNullOrWhiteSpace(Subject) ? "(sans objet)" : Subject.Trim();

    private Cases.SameMatter.Reading? matter;

    /// <summary>The same-matter rule's reading of it (C1), made once, while the batch is read when it may be needed.</summary>
    public Cases.SameMatter.Reading Matter => matter ??= Cases.SameMatter.Reading.Of(CaseSubject, Text);

    private Routing.FoldedText? fresh;

    /// <summary>What the customer wrote now, as the escalation signals read it (E1, E2, C5), made once, while the batch is read.</summary>
    public Routing.FoldedText Fresh => fresh ??= Routing.FoldedText.Fresh(Text.Length <= Cases.OpenCaseRequest.MaxBodyLength ? Text : Text[..Cases.OpenCaseRequest.MaxBodyLength]).ReadAll();

    private (bool Read, string? Value) language;

    /// <summary>The language it is written in, when sure enough (a new customer's), read once, while the batch is read.</summary>
    public string? Language => (language.Read ? language : language = (true, Replies.LanguageGuess.Of(Text))).Value;

    /// <summary>Whether the same-matter step may read it: a readable message from someone, not noise.</summary>
    public bool MayOpenOrJoin => Unreadable is null && Noise == MailNoise.None && Address is not null;

    public static IncomingMail Read(byte[] raw, int maxBytes)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(raw));
        MimeMessage mail;
        try
        {
            mail = MailParse.Load(raw);
        }
        catch (FormatException e)
        {
            return new IncomingMail(raw, sha) { Unreadable = $"Not a readable RFC 5322 message: {e.Message}" };
        }
        using (mail)
        {
            try
            {
                var read = Extract(raw, sha, mail, withFiles: raw.Length <= maxBytes);
                return raw.Length > maxBytes && read.Unreadable is null ? read with { TooLarge = true } : read;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // One odd message must never fail the batch it arrived in: it is kept for an admin.
                return new IncomingMail(raw, sha) { Unreadable = $"Could not be read: {e.GetType().Name}: {e.Message}" };
            }
        }
    }

    private static IncomingMail Extract(byte[] raw, string sha, MimeMessage mail, bool withFiles)
    {
        var messageId = string.IsNullOrWhiteSpace(mail.MessageId) ? null : MailIds.Bracket(mail.MessageId.Trim());
        var sender = MailSender.Of(mail);
        var address = sender?.Address;
        var addressed = mail.To.Mailboxes.Concat(mail.Cc.Mailboxes).Select(m => CustomerContact.NormaliseEmail(m.Address)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var delivered = mail.Headers.Where(h => h.Field.Equals("Delivered-To", StringComparison.OrdinalIgnoreCase) || h.Field.Equals("X-Original-To", StringComparison.OrdinalIgnoreCase))
            .Select(h => CustomerContact.NormaliseEmail(h.Value.Trim().Trim('<', '>'))).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var read = new IncomingMail(raw, sha)
        {
            MessageId = messageId,
            RawFrom = sender?.Raw ?? mail.From.Mailboxes.FirstOrDefault()?.Address,
            Address = address,
            Subject = mail.Subject,
            Addressed = addressed,
            CarbonCopied = mail.Cc.Mailboxes.Select(m => CustomerContact.NormaliseEmail(m.Address)).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            DeliveredTo = delivered,
            HasHtml = mail.HtmlBody is not null,
        };
        if (address is null)
        {
            return read with { Unreadable = "No usable sender address (From, Sender or Reply-To)." };
        }
        var noise = MailNoiseFilter.Classify(mail);
        var text = noise == MailNoise.None ? MailText.Of(mail) : "";
        return read with
        {
            Name = sender!.Name,
            Noise = noise,
            // Every id a reply points at, newest first: a long thread's only known id may be its oldest.
            ThreadIds = MailIds.Thread(mail).Distinct(StringComparer.Ordinal).Take(MailIds.MaxThreadIds).ToList(),
            BouncedIds = noise == MailNoise.Bounce ? MailNoiseFilter.BouncedIds(mail).Distinct(StringComparer.Ordinal).Take(MailIds.MaxThreadIds).ToList() : [],
            BouncedReference = noise == MailNoise.Bounce ? MailNoiseFilter.BouncedReference(mail) : null,
            Text = text,
            Files = noise == MailNoise.None && withFiles ? MailAttachments.Of(mail).Select(MailAttachments.Describe).ToList() : [],
            DedupKey = messageId is null ? null : Duplicates.Key(messageId, address, mail.Subject, text),
        };
    }
}
