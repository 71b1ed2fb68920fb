using System.Security.Cryptography;
using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Guichet.Core.Email;

/// <summary>
/// One raw RFC 5322 message into Guichet, whatever door it came through (the inbound endpoint
/// now; IMAP and `guichet import mail` with the rest of issue 4). Steps, in order:
/// duplicate? → parse (or quarantine) → noise (auto-reply, bounce, list: kept, never
/// acknowledged) → thread by In-Reply-To/References → by the case reference in the subject (a
/// stranger quoting it is held) → otherwise a customer contact (OpenCase: the customer's open case
/// on the same matter, or a new case with its acknowledgment). The raw bytes are stored with the
/// outcome in the same transaction; a failure rolls back and quarantines them instead.
/// </summary>
public sealed class ReceiveEmail(GuichetDb db, TimeProvider clock, OpenCase open, ILogger<ReceiveEmail> logger)
{
    /// <summary>Over this a message is kept but not processed (issue 4: configurable, 25 MB).</summary>
    public const int MaxBytes = 25 * 1024 * 1024;

    public sealed record Receipt(InboundOutcome Outcome, long? CaseId, long? MessageId);

    public async Task<Receipt> RunAsync(byte[] raw, string? team, CancellationToken ct = default)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(raw));
        if (await KnownAsync(e => e.Sha256 == sha, ct) is { } same)
        {
            return same;
        }
        if (raw.Length > MaxBytes)
        {
            return await QuarantineAsync(raw, sha, null, null, null, $"Larger than {MaxBytes / (1024 * 1024)} MB.", ct);
        }

        MimeMessage mail;
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            mail = await MimeMessage.LoadAsync(stream, ct);
        }
        catch (FormatException e)
        {
            return await QuarantineAsync(raw, sha, null, null, null, $"Not a readable RFC 5322 message: {e.Message}", ct);
        }
        using (mail)
        {
            var messageId = string.IsNullOrWhiteSpace(mail.MessageId) ? null : MailIds.Bracket(mail.MessageId.Trim());
            if (messageId is not null && await KnownAsync(e => e.MessageIdHeader == messageId, ct) is { } duplicate)
            {
                return duplicate;
            }
            var sender = mail.From.Mailboxes.FirstOrDefault() ?? mail.Sender;
            var address = sender is null ? null : CustomerContact.NormaliseEmail(sender.Address);
            if (address is null)
            {
                return await QuarantineAsync(raw, sha, messageId, sender?.Address, mail.Subject, "No usable sender address (From).", ct);
            }
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var record = new InboundEmail { ReceivedAt = clock.Now(), Sha256 = sha, Raw = raw, MessageIdHeader = messageId, From = address, Subject = Cut(mail.Subject) };
                db.InboundEmails.Add(record);
                await ProcessAsync(mail, record, sender!, address, team, ct);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return new Receipt(record.Outcome, record.CaseId, record.MessageId);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (e is DbUpdateException && await KnownAfterRaceAsync(sha, messageId, ct) is { } raced)
                {
                    // The same message arrived twice at once; the other delivery stored it.
                    return raced;
                }
                db.ChangeTracker.Clear();
                logger.LogWarning("Inbound email {Sha} quarantined: {Error}", sha[..12], e.GetType().Name);
                return await QuarantineAsync(raw, sha, messageId, address, mail.Subject, $"Processing failed: {e.GetType().Name}: {e.Message}", ct);
            }
        }
    }

    private async Task ProcessAsync(MimeMessage mail, InboundEmail record, MailboxAddress sender, string address, string? team, CancellationToken ct)
    {
        var now = record.ReceivedAt;
        var subject = string.IsNullOrWhiteSpace(mail.Subject) ? "(sans objet)" : mail.Subject.Trim();
        var noise = MailNoiseFilter.Classify(mail);
        if (noise != MailNoise.None)
        {
            var about = await CaseByMessageIdsAsync(noise == MailNoise.Bounce ? MailNoiseFilter.BouncedIds(mail) : MailIds.Thread(mail), ct);
            if (noise == MailNoise.Bounce && about is not null)
            {
                about.Events.Add(CaseEvent.Create(CaseEventKind.DeliveryFailed, now, null, null, address, subject));
            }
            record.Outcome = InboundOutcome.Ignored;
            record.CaseId = about?.Id;
            record.Reason = $"{noise}: never acknowledged.";
            return;
        }

        var text = MailText.Of(mail);
        var name = string.IsNullOrWhiteSpace(sender.Name) ? address : sender.Name.Trim();
        var threaded = await CaseByMessageIdsAsync(MailIds.Thread(mail), ct);
        if (threaded is null && CaseReferenceToken.Find(subject) is { } reference)
        {
            threaded = await db.Cases.Where(c => c.Reference == reference).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct) is { } id
                ? await db.FindCaseAsync(id, ct)
                : null;
            if (threaded is not null && !threaded.Customer.Identities.Any(i => i.Kind == IdentityKind.Email && i.Value == address))
            {
                // A stranger quoting someone else's reference must not land silently in that customer's case.
                record.Outcome = InboundOutcome.Held;
                record.CaseId = threaded.Id;
                record.Reason = $"Quotes {reference} but {address} is not that case's customer: an agent decides.";
                return;
            }
        }
        if (threaded is not null)
        {
            var message = CustomerWrites.Record(db, threaded, Channel.Email, text, name, record.MessageIdHeader, now);
            await db.SaveChangesAsync(ct);
            (record.Outcome, record.CaseId, record.MessageId) = (InboundOutcome.Appended, threaded.Id, message.Id);
            return;
        }

        var contact = new CustomerContact(Cut(name, CustomerContact.MaxNameLength), address);
        var outcome = await open.ContactAsync(new OpenCaseRequest(contact, "email", Cut(subject, OpenCaseRequest.MaxSubjectLength), Cut(text, OpenCaseRequest.MaxBodyLength), team)
        {
            InternetMessageId = record.MessageIdHeader,
        }, ct);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", outcome.Failure!.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))));
        }
        var (@case, written, appended) = outcome.Value;
        (record.Outcome, record.CaseId, record.MessageId) = (appended ? InboundOutcome.Appended : InboundOutcome.Created, @case.Id, written.Id);
    }

    /// <summary>The case of the first id, in the order given, that names a message Guichet sent or received.</summary>
    private async Task<Case?> CaseByMessageIdsAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).Take(50).ToList();
        if (wanted.Count == 0)
        {
            return null;
        }
        var hits = await db.Messages.Where(m => m.InternetMessageId != null && wanted.Contains(m.InternetMessageId))
            .Select(m => new { m.CaseId, m.InternetMessageId }).ToListAsync(ct);
        var first = wanted.Select(id => hits.FirstOrDefault(h => h.InternetMessageId == id)).FirstOrDefault(h => h is not null);
        return first is null ? null : await db.FindCaseAsync(first.CaseId, ct);
    }

    private async Task<Receipt?> KnownAsync(System.Linq.Expressions.Expression<Func<InboundEmail, bool>> match, CancellationToken ct)
    {
        var known = await db.InboundEmails.AsNoTracking().Where(match).Select(e => new { e.CaseId, e.MessageId }).FirstOrDefaultAsync(ct);
        return known is null ? null : new Receipt(InboundOutcome.Duplicate, known.CaseId, known.MessageId);
    }

    private async Task<Receipt?> KnownAfterRaceAsync(string sha, string? messageId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await KnownAsync(e => e.Sha256 == sha || (messageId != null && e.MessageIdHeader == messageId), ct);
    }

    private async Task<Receipt> QuarantineAsync(byte[] raw, string sha, string? messageId, string? from, string? subject, string reason, CancellationToken ct)
    {
        var record = new InboundEmail
        {
            ReceivedAt = clock.Now(),
            Sha256 = sha,
            Raw = raw,
            // A quarantined message keeps its id only if no stored message has it, so a fixed re-send is not refused.
            MessageIdHeader = messageId is not null && !await db.InboundEmails.AnyAsync(e => e.MessageIdHeader == messageId, ct) ? messageId : null,
            From = Cut(from),
            Subject = Cut(subject),
            Outcome = InboundOutcome.Quarantined,
            Reason = Cut(reason, 2000),
        };
        db.InboundEmails.Add(record);
        await db.SaveChangesAsync(ct);
        return new Receipt(InboundOutcome.Quarantined, null, null);
    }

    private static string? Cut(string? text, int max = 998) => text is null ? null : text.Length <= max ? text : text[..max];
}
