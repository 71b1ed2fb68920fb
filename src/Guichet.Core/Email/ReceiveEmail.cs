using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Guichet.Core.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Guichet.Core.Email;

/// <summary>
/// Raw RFC 5322 messages into Guichet, whatever door they came through (inbound endpoint, IMAP,
/// `guichet import mail`), one or a batch at a time in one transaction. Steps, in order:
/// duplicate? → readable (else quarantine) → noise (auto-reply, bounce, list: kept, never
/// acknowledged) → thread by In-Reply-To/References → by the case reference in the subject (a
/// stranger quoting it is held) → the customer's open case on the same matter → otherwise a new
/// case with its promise and dated acknowledgment (P1). The raw bytes are stored with the outcome;
/// each message has a savepoint, so one that fails is undone alone and quarantined instead.
/// Rows are written with <see cref="ModelRows"/>, not change tracking (decision 0010); the rules
/// are the domain's own (Case.Open, CustomerWrites.Record, Acknowledge.Write, SubjectKey).
/// </summary>
public sealed partial class ReceiveEmail(GuichetDb db, ModelRows rows, TimeProvider clock, MailIntakeSettings settings, ILogger<ReceiveEmail> logger, WriteTurns? turns = null)
{
    private const string Savepoint = "receive_email";
    private List<Team>? teams;
    private List<Routing.RoutingRule>? rules;
    private List<Incidents.Crisis>? crises;
    private object? inbound;

    public sealed record Receipt(InboundOutcome Outcome, long? CaseId, long? MessageId);

    public int MaxBytes => settings.MaxMessageBytes;

    public async Task<Receipt> RunAsync(byte[] raw, string? team, CancellationToken ct = default) =>
        (await RunAsync([raw], team, ct))[0];

    /// <summary>Many messages, one commit: parsed on every core, then written in order.</summary>
    public Task<IReadOnlyList<Receipt>> RunAsync(IReadOnlyList<byte[]> raws, string? team, CancellationToken ct = default) =>
        RunAsync(Read(raws, settings, ct: ct), team, ct);

    /// <summary>
    /// The read step alone, on every core: a caller with many batches (an import) reads the next
    /// one while this one is written, and leaves the writer its core (<paramref name="cores"/>).
    /// </summary>
    public static IReadOnlyList<IncomingMail> Read(IReadOnlyList<byte[]> raws, MailIntakeSettings settings, int? cores = null, CancellationToken ct = default) =>
        raws.Count == 1
            ? [IncomingMail.Read(raws[0], settings.MaxMessageBytes)]
            : raws.AsParallel().AsOrdered().WithDegreeOfParallelism(cores ?? Environment.ProcessorCount).WithCancellation(ct).Select(raw => ReadAhead(raw, settings)).ToArray();

    /// <summary>
    /// One message read ahead of its write, with its same-matter reading, fresh text and language
    /// made too: by a batch on every core, or by the request that brought it, rather than in the
    /// sequential write.
    /// </summary>
    public static IncomingMail ReadAhead(byte[] raw, MailIntakeSettings settings)
    {
        var mail = IncomingMail.Read(raw, settings.MaxMessageBytes);
        if (mail.MayOpenOrJoin)
        {
            _ = mail.Matter;
            _ = mail.Fresh;
            _ = mail.Language;
        }
        return mail;
    }

    /// <summary>Messages already read (<see cref="Read"/>), written in order in one commit.</summary>
    public Task<IReadOnlyList<Receipt>> RunAsync(IReadOnlyList<IncomingMail> mails, string? team, CancellationToken ct = default) =>
        WriteAsync(mails, team, giveWay: false, ct);

    /// <summary>
    /// The same, but the commit comes early when a person waits to write (<see cref="WriteTurns"/>):
    /// the receipts returned are those of the first messages, stored; the rest wait for another call.
    /// At least one message is written each call.
    /// </summary>
    public Task<IReadOnlyList<Receipt>> RunGivingWayAsync(IReadOnlyList<IncomingMail> mails, string? team, CancellationToken ct = default) =>
        WriteAsync(mails, team, giveWay: turns is not null, ct);

    private async Task<IReadOnlyList<Receipt>> WriteAsync(IReadOnlyList<IncomingMail> mails, string? team, bool giveWay, CancellationToken ct)
    {
        await using var tx = await db.OwnTransactionAsync(ct);
        var receipts = new List<Receipt>(mails.Count);
        foreach (var mail in mails)
        {
            if (giveWay && receipts.Count > 0 && turns!.PeopleWaiting)
            {
                break;
            }
            receipts.Add(await ReceiveAsync(mail, team, ct));
        }
        await tx.CommitIfOwnAsync(ct);
        return receipts;
    }

    private async Task InsertFilesAsync(IncomingMail mail, long messageId, long inboundId, CancellationToken ct)
    {
        for (var i = 0; i < mail.Files.Count; i++)
        {
            var file = mail.Files[i];
            await rows.InsertAsync(new Attachment { MessageId = messageId, InboundEmailId = inboundId, Part = i, FileName = file.FileName, ContentType = file.ContentType, Size = file.Size }, ct);
        }
    }

    private async Task<Receipt> ReceiveAsync(IncomingMail mail, string? team, CancellationToken ct)
    {
        if (await KnownAsync(mail, ct) is { } duplicate)
        {
            return duplicate;
        }
        return await AttemptAsync(mail, team, async outcome =>
        {
            var record = new InboundEmail
            {
                ReceivedAt = clock.Now(),
                Sha256 = mail.Sha256,
                Raw = mail.Raw,
                MessageIdHeader = mail.MessageId,
                DedupKey = mail.DedupKey,
                From = Cut(mail.Address ?? mail.RawFrom),
                Subject = Cut(mail.Subject),
                Outcome = outcome.Kind,
                CaseId = outcome.CaseId,
                MessageId = outcome.MessageId,
                Reason = outcome.Reason,
            };
            await rows.InsertAsync(record, ct);
            return record.Id;
        }, ct);
    }

    /// <param name="Side">A third party's answer to a side conversation: never answered as if it were the customer.</param>
    private sealed record Outcome(InboundOutcome Kind, long? CaseId, long? MessageId, string? Reason, bool Side = false);

    private static Outcome Quarantined(string reason) => new(InboundOutcome.Quarantined, null, null, Cut(reason, 2000));

    /// <summary>
    /// Processes and stores the record under a savepoint. A failure undoes this message alone: if
    /// another delivery stored the same message meanwhile it is a duplicate, otherwise quarantined.
    /// </summary>
    private async Task<Receipt> AttemptAsync(IncomingMail mail, string? team, Func<Outcome, Task<long>> store, CancellationToken ct)
    {
        var tx = db.Database.CurrentTransaction!;
        await tx.CreateSavepointAsync(Savepoint, ct);
        Outcome outcome;
        try
        {
            outcome = mail.Unreadable is { } reason ? Quarantined(reason) : await ProcessAsync(mail, team, ct);
            if (mail.TooLarge && outcome is { CaseId: { } toldCase, MessageId: not null, Side: false })
            {
                outcome = await TellTooLargeAsync(toldCase, mail, outcome, ct);
            }
            else if (mail.TooLarge && outcome is { Side: true, CaseId: not null })
            {
                // The customer's notice would go to the third party: the agents see the text, an admin opens the files.
                outcome = outcome with { Kind = InboundOutcome.Quarantined, Reason = $"A side conversation's answer larger than {MaxBytes / (1024 * 1024)} MB: its text joined the case, its files were not opened. Process it again after raising the limit to open them." };
            }
            var stored = await store(outcome);
            if (outcome.MessageId is { } messageId)
            {
                await InsertFilesAsync(mail, messageId, stored, ct);
            }
            await tx.ReleaseSavepointAsync(Savepoint, ct);
            return new Receipt(outcome.Kind, outcome.CaseId, outcome.MessageId);
        }
        // A transient database failure is not the message's fault: it undoes the whole group, and the sender retries.
        catch (Exception e) when (e is not OperationCanceledException && !TransientFailure.Is(e))
        {
            await tx.RollbackToSavepointAsync(Savepoint, ct);
            db.ChangeTracker.Clear();
            if (await KnownAsync(mail, ct) is { } raced)
            {
                return raced;
            }
            logger.LogWarning("Inbound email {Sha} quarantined: {Error}", mail.Sha256[..12], e.GetType().Name);
            outcome = Quarantined($"Processing failed: {e.GetType().Name}: {e.Message}");
            await store(outcome);
            return new Receipt(outcome.Kind, null, null);
        }
    }

    /// <summary>
    /// The intake's steps after reading (<see cref="IncomingMail"/>: parse, sender, files) and the
    /// duplicate check, in order, each in its own file with its own tests: noise → thread → same
    /// matter → append or open (the acknowledgment is written with the new case).
    /// </summary>
    private async Task<Outcome> ProcessAsync(IncomingMail mail, string? team, CancellationToken ct)
    {
        var now = clock.Now();
        var subject = mail.CaseSubject;
        if (mail.Noise != MailNoise.None)
        {
            return await NoiseAsync(mail, subject, now, ct);
        }
        if (IsOwnMail(mail))
        {
            return new Outcome(InboundOutcome.Ignored, null, null, "Guichet's own mail came back (a copy to a mailbox that delivers here): kept, joined to nothing.");
        }
        var thread = await ThreadAsync(mail, subject, ct);
        if (thread.Held is { } held)
        {
            return held;
        }
        if (thread is { CaseId: { } answered } && (thread.Side || await BlindCopiedAsync(answered, thread.Bcc, mail, ct)))
        {
            return await SideAnswerAsync(answered, mail, now, ct);
        }
        if (thread.CaseId is { } caseId)
        {
            return await SurveyAnswerAsync(caseId, mail, now, ct) ?? await AppendAsync(caseId, mail, thread.Why, thread.Evidence, now, ct);
        }
        var customer = await CustomerByEmailAsync(mail.Address!, ct);
        var matter = customer is { } known ? await SameMatterAsync(known, mail, subject, ct) : null;
        if (matter is ({ } open, { Link: MatterLink.Same } same))
        {
            return await AppendAsync(open.Id, mail, same.Why!.Value, same.Evidence, now, ct);
        }
        var (receiving, named) = await TeamAsync(team, mail.Recipients, ct);
        var opened = await OpenAsync(mail, customer, subject, receiving, named, now, ct);
        if (matter is ({ } maybe, { Link: MatterLink.Perhaps } perhaps))
        {
            await PerhapsAsync(opened, maybe, perhaps, now, ct);
        }
        return opened;
    }

    private static string? Cut(string? text, int max = 998) => text is null ? null : text.Length <= max ? text : text[..max];
}
