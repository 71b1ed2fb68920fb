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
public sealed partial class ReceiveEmail(GuichetDb db, ModelRows rows, TimeProvider clock, MailIntakeSettings settings, ILogger<ReceiveEmail> logger)
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
    public async Task<IReadOnlyList<Receipt>> RunAsync(IReadOnlyList<byte[]> raws, string? team, CancellationToken ct = default)
    {
        var mails = raws.Count == 1
            ? [IncomingMail.Read(raws[0], MaxBytes)]
            : raws.AsParallel().AsOrdered().WithCancellation(ct).Select(raw => IncomingMail.Read(raw, MaxBytes)).ToArray();
        await using var tx = await db.OwnTransactionAsync(ct);
        var receipts = new Receipt[mails.Length];
        for (var i = 0; i < mails.Length; i++)
        {
            receipts[i] = await ReceiveAsync(mails[i], team, ct);
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

    private sealed record Outcome(InboundOutcome Kind, long? CaseId, long? MessageId, string? Reason);

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
            if (mail.TooLarge && outcome is { CaseId: { } toldCase, MessageId: not null })
            {
                outcome = await TellTooLargeAsync(toldCase, mail, outcome, ct);
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

    private async Task<Outcome> ProcessAsync(IncomingMail mail, string? team, CancellationToken ct)
    {
        var now = clock.Now();
        var subject = string.IsNullOrWhiteSpace(mail.Subject) ? "(sans objet)" : mail.Subject.Trim();
        if (mail.Noise != MailNoise.None)
        {
            var about = await CaseByMessageIdsAsync(mail.Noise == MailNoise.Bounce ? mail.BouncedIds : mail.ThreadIds, ct);
            if (mail.Noise == MailNoise.Bounce && about is { } bounced)
            {
                await rows.InsertAsync(CaseEvent.Create(CaseEventKind.DeliveryFailed, now, null, null, mail.Address, subject), ct, ("CaseId", bounced));
            }
            return new Outcome(InboundOutcome.Ignored, about, null, $"{mail.Noise}: never acknowledged.");
        }

        var threaded = await CaseByMessageIdsAsync(mail.ThreadIds, ct);
        if (threaded is null && CaseReferenceToken.Find(subject) is { } reference)
        {
            var quoted = await rows.QueryAsync("""SELECT "Id", "CustomerId" FROM "Cases" WHERE "Reference" = @p0 LIMIT 1""", r => (Id: r.GetInt64(0), Customer: r.GetInt64(1)), ct, reference);
            if (quoted is [var (id, customer)])
            {
                if (await CustomerByEmailAsync(mail.Address!, ct) != customer)
                {
                    // A stranger quoting someone else's reference must not land silently in that customer's case.
                    return new Outcome(InboundOutcome.Held, id, null, $"Quotes {reference} but {mail.Address} is not that case's customer: an agent decides.");
                }
                threaded = id;
            }
        }
        if (threaded is { } caseId)
        {
            return await SurveyAnswerAsync(caseId, mail, now, ct) ?? await FollowUpAsync(caseId, mail, now, ct);
        }

        var known = await CustomerByEmailAsync(mail.Address!, ct);
        if (known is { } customerId && SubjectKey.SameMatter(await ActiveCasesAsync(customerId, ct), subject) is { } sameMatter)
        {
            return await FollowUpAsync(sameMatter, mail, now, ct);
        }
        var (receiving, named) = await TeamAsync(team, mail.Recipients, ct);
        return await NewCaseAsync(mail, known, subject, receiving, named, now, ct);
    }

    /// <summary>
    /// The text joined the case; the files were not opened. The customer is told, and the message
    /// stays in quarantine so that an admin can open its files once the limit is raised.
    /// </summary>
    private async Task<Outcome> TellTooLargeAsync(long caseId, IncomingMail mail, Outcome taken, CancellationToken ct)
    {
        var now = clock.Now();
        var @case = await rows.FindAsync<Case>(caseId, ct) ?? throw new InvalidOperationException($"Case {caseId} vanished.");
        var customer = await rows.FindAsync<Customer>(@case.CustomerId, ct) ?? throw new InvalidOperationException($"Customer {@case.CustomerId} vanished.");
        var notice = new Message
        {
            CaseId = caseId,
            Direction = MessageDirection.Out,
            Kind = MessageKind.IntakeNotice,
            Channel = Channel.Email,
            Body = Replies.SizeNotice.Write(customer, @case.Reference, mail.Subject, mail.Raw.Length, MaxBytes),
            AuthorName = CaseEvent.SystemActor,
            IsAutomatic = true,
            CreatedAt = now,
        };
        var delivery = Outbox.Create(@case, notice, now, recipient: mail.Address);
        await rows.InsertAsync(notice, ct);
        await rows.InsertAsync(delivery, ct);
        return taken with
        {
            Kind = InboundOutcome.Quarantined,
            Reason = $"Larger than {MaxBytes / (1024 * 1024)} MB: its text joined {@case.Reference}, its files were not opened, the customer was told. Process it again after raising the limit to open them.",
        };
    }

    private async Task<Outcome> FollowUpAsync(long caseId, IncomingMail mail, DateTimeOffset now, CancellationToken ct)
    {
        var @case = await rows.FindAsync<Case>(caseId, ct) ?? throw new InvalidOperationException($"Case {caseId} vanished.");
        Message message;
        if (!@case.IsActive)
        {
            // Reopening a settled case gives it a new promise among its old ones: the tracked path knows them all.
            var tracked = await db.FindCaseAsync(caseId, ct);
            message = await CustomerWrites.RecordAsync(db, tracked!, Channel.Email, Cut(mail.Text, OpenCaseRequest.MaxBodyLength)!, mail.Name, mail.MessageId, now, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return new Outcome(InboundOutcome.Appended, caseId, message.Id, null);
        }
        // Read without its team (lean path): the team comes from the intake's own list.
        var team = (await TeamsAsync(ct)).FirstOrDefault(t => t.Id == @case.TeamId) ?? await db.Teams.AsNoTracking().FirstAsync(t => t.Id == @case.TeamId, ct);
        message = CustomerWrites.Record(db, @case, team, await HistoryAsync(caseId, ct), Channel.Email, Cut(mail.Text, OpenCaseRequest.MaxBodyLength)!, mail.Name, mail.MessageId, now);
        await rows.UpdateAsync(@case, ct);
        await InsertEventsAsync(@case, ct);
        message.CaseId = caseId;
        await rows.InsertAsync(message, ct);
        return new Outcome(InboundOutcome.Appended, caseId, message.Id, null);
    }

    private async Task<Outcome> NewCaseAsync(IncomingMail mail, long? knownCustomer, string subject, Team receiving, bool teamNamed, DateTimeOffset now, CancellationToken ct)
    {
        var customer = knownCustomer is { } id ? await rows.FindAsync<Customer>(id, ct) : null;
        var isNew = customer is null;
        if (customer is null)
        {
            // The language they wrote in is the best guess of the language to answer in (Q3).
            customer = new Customer { Name = Cut(mail.Name, CustomerContact.MaxNameLength)!, TimeZone = receiving.TimeZone, Language = Replies.LanguageGuess.Of(mail.Text) ?? CustomerLanguage.Default, CreatedAt = now };
            await rows.InsertAsync(customer, ct);
        }
        // The address they wrote from: stored for a new customer, and where the acknowledgment goes either way.
        var address = new CustomerIdentity { CustomerId = customer.Id, Kind = IdentityKind.Email, Value = mail.Address! };
        if (isNew)
        {
            await rows.InsertAsync(address, ct);
        }
        customer.Identities.Add(address);

        var (@case, first) = await Routing.NewContact.OpenAsync(db, customer, Channel.Email, Cut(subject, OpenCaseRequest.MaxSubjectLength)!, Cut(mail.Text, OpenCaseRequest.MaxBodyLength)!,
            mail.MessageId, receiving, teamNamed, await RulesAsync(ct), await TeamsAsync(ct), customer.PostalCode is null ? [] : await CrisesAsync(ct), now, ct);
        await rows.InsertAsync(@case, ct);
        @case.Reference = Case.FormatReference(@case.Id, now);
        var (_, delivery) = Acknowledge.Write(db.TemplateBook, @case, now);
        await rows.UpdateAsync(@case, ct);
        foreach (var promise in @case.Promises)
        {
            await rows.InsertAsync(promise, ct);
        }
        await InsertEventsAsync(@case, ct);
        foreach (var message in @case.Messages)
        {
            message.CaseId = @case.Id;
            await rows.InsertAsync(message, ct);
        }
        await rows.InsertAsync(delivery, ct);
        return new Outcome(InboundOutcome.Created, @case.Id, first.Id, null);
    }

    private async Task InsertEventsAsync(Case @case, CancellationToken ct)
    {
        foreach (var change in @case.Events)
        {
            await rows.InsertAsync(change, ct, ("CaseId", @case.Id));
        }
    }

    private static string? Cut(string? text, int max = 998) => text is null ? null : text.Length <= max ? text : text[..max];
}
