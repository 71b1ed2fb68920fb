using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Email;

/// <summary>Quarantined mail processed again after a fix: the stored record takes the new outcome.</summary>
public sealed partial class ReceiveEmail
{
    /// <summary>A stored message processed again (after a fix, or a larger limit): its record takes the new outcome.</summary>
    public async Task<Result<Receipt>> ReprocessAsync(long inboundId, string? team, CancellationToken ct = default)
    {
        var record = await db.InboundEmails.FirstOrDefaultAsync(e => e.Id == inboundId, ct);
        if (record is null)
        {
            return Failure.NotFound("id", $"There is no inbound message {inboundId}.");
        }
        if (record.Outcome != InboundOutcome.Quarantined)
        {
            return Failure.Conflict("outcome", $"Only a quarantined message is processed again; this one was {record.Outcome.ToWire()}.");
        }
        var mail = IncomingMail.Read(record.Raw, MaxBytes);
        if (record.MessageId is { } taken)
        {
            return await OpenFilesAsync(record, taken, mail, ct);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var receipt = await AttemptAsync(mail, team, async outcome =>
        {
            (record.Outcome, record.CaseId, record.MessageId, record.Reason) = (outcome.Kind, outcome.CaseId, outcome.MessageId, outcome.Reason);
            record.From ??= Cut(mail.Address ?? mail.RawFrom);
            record.DedupKey ??= mail.DedupKey;
            await rows.UpdateAsync(record, ct);
            return record.Id;
        }, ct);
        await tx.CommitAsync(ct);
        return receipt;
    }

    /// <summary>A message whose text was taken when it was too large: now its files join its message.</summary>
    private async Task<Result<Receipt>> OpenFilesAsync(InboundEmail record, long messageId, IncomingMail mail, CancellationToken ct)
    {
        if (mail.TooLarge)
        {
            return Failure.Conflict("size", $"The message is still larger than the limit of {MaxBytes / (1024 * 1024)} MB; raise it (--mail-max-mb) first.");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await InsertFilesAsync(mail, messageId, record.Id, ct);
        (record.Outcome, record.Reason) = (InboundOutcome.Appended, "Its files were opened after the size limit was raised.");
        await rows.UpdateAsync(record, ct);
        await tx.CommitAsync(ct);
        return new Receipt(record.Outcome, record.CaseId, record.MessageId);
    }
}
