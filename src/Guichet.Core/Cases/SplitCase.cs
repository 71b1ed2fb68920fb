using Guichet.Core.Agents;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases;

/// <summary>
/// POST /api/cases/{id}/split (issue 26): a customer's message about another problem (and, if
/// asked, everything after it) moves into a new case for the same customer, with the same team and
/// owner, its own first-response promise and its dated acknowledgment (P1), so the customer learns
/// the new reference. Both cases say where the other is; files and the raw mail move with their messages.
/// </summary>
public sealed class SplitCase(GuichetDb db, TimeProvider clock)
{
    public async Task<Result<Case>> RunAsync(long caseId, long? messageId, bool following, Agent by, CancellationToken ct = default)
    {
        if (messageId is null)
        {
            return Failure.Invalid("messageId", "Name the customer's message to split into a new case.");
        }
        if (!await db.Cases.VisibleTo(by).AnyAsync(c => c.Id == caseId, ct))
        {
            return CaseQueries.CaseNotFound(caseId);
        }
        var messages = await db.Messages.AsNoTracking().Where(m => m.CaseId == caseId).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Direction, m.Kind, m.Channel, m.CreatedAt }).ToListAsync(ct);
        var at = messages.FindIndex(m => m.Id == messageId);
        if (at < 0)
        {
            return Failure.NotFound("messageId", $"Case {caseId} has no message {messageId}.");
        }
        var chosen = messages[at];
        if (chosen.Direction != MessageDirection.In || chosen.Kind != MessageKind.Contact)
        {
            return Failure.Invalid("messageId", "Only a customer's message can start a case of its own.");
        }
        var moving = following ? messages.Skip(at).ToList() : [chosen];
        var movingIds = moving.Select(m => m.Id).ToList();
        if (!messages.Any(m => m.Kind == MessageKind.Contact && !movingIds.Contains(m.Id)))
        {
            return Failure.Conflict("messageId", "Nothing of the customer's would stay on this case: it is the whole case, not a part to split.");
        }

        var now = clock.Now();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var source = (await db.FindCaseAsync(caseId, ct))!;
        var split = Case.Open(source.Team, source.Customer, source.Subject, chosen.Channel, now);
        if (source.Owner is { } owner)
        {
            split.AssignTo(owner, by, now);
        }
        split.Copied = source.Copied;
        db.Cases.Add(split);
        await db.SaveChangesAsync(ct);
        split.Reference = Case.FormatReference(split.Id, now);

        await db.Messages.Where(m => movingIds.Contains(m.Id)).ExecuteUpdateAsync(u => u.SetProperty(m => m.CaseId, split.Id), ct);
        await db.InboundEmails.Where(e => e.MessageId != null && movingIds.Contains(e.MessageId.Value)).ExecuteUpdateAsync(u => u.SetProperty(e => e.CaseId, (long?)split.Id), ct);
        // A file moves with its messages unless a message staying here carries it too (a photo sent on in a reply).
        var files = db.Attachments.Where(a => movingIds.Contains(a.MessageId) && a.StoredFileId != null).Select(a => a.StoredFileId!.Value);
        var staying = db.Attachments.Where(a => a.StoredFileId != null && db.Messages.Any(m => m.Id == a.MessageId && m.CaseId == caseId)).Select(a => a.StoredFileId!.Value);
        await db.Files.Where(f => files.Contains(f.Id) && !staying.Contains(f.Id)).ExecuteUpdateAsync(u => u.SetProperty(f => f.CaseId, split.Id), ct);

        var contacts = moving.Count(m => m.Kind == MessageKind.Contact);
        // Whether the customer still waits here: for their messages that stay, after the last answer that stays.
        var stays = messages.Where(m => !movingIds.Contains(m.Id)).ToList();
        var lastAnswer = stays.Where(m => m.Kind == MessageKind.Reply).Select(m => (DateTimeOffset?)m.CreatedAt).Max();
        var stillWaiting = stays.Where(m => m.Kind == MessageKind.Contact && (lastAnswer is null || m.CreatedAt > lastAnswer)).Select(m => (DateTimeOffset?)m.CreatedAt).Min();
        source.SplitInto(split, contacts, stillWaiting, by, now);
        split.SplitFrom(source, contacts, chosen.CreatedAt, by, now);
        Acknowledge.FirstContact(db, split, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return split;
    }
}
