namespace Guichet.Core.Email;

/// <summary>
/// The duplicate step (decision 0030): the same bytes, or the same Message-ID from the same sender
/// with the same subject and decoded text (<see cref="Duplicates"/>), is a message already stored;
/// a different message that reuses a Message-ID is not, and goes on.
/// </summary>
public sealed partial class ReceiveEmail
{
    private async Task<Receipt?> KnownAsync(IncomingMail mail, CancellationToken ct)
    {
        // One lookup for both keys (each has its index): asked of every message, so one query, not two.
        var known = mail.DedupKey is null
            ? await rows.QueryAsync("""SELECT "CaseId", "MessageId" FROM "InboundEmails" WHERE "Sha256" = @p0 LIMIT 1""", Read, ct, mail.Sha256)
            : await rows.QueryAsync("""SELECT "CaseId", "MessageId" FROM "InboundEmails" WHERE "Sha256" = @p0 OR "DedupKey" = @p1 LIMIT 1""", Read, ct, mail.Sha256, mail.DedupKey);
        if (known.Count == 0 && mail.DedupKey is not null && (legacy ??= await HasLegacyRecordsAsync(ct)))
        {
            known = await StoredBeforeKeysAsync(mail, ct);
        }
        return known is [var (caseId, messageId)] ? new Receipt(InboundOutcome.Duplicate, caseId, messageId) : null;
    }

    private bool? legacy;

    /// <summary>Whether any stored mail has a Message-ID but no key: asked once per intake, not per message.</summary>
    private async Task<bool> HasLegacyRecordsAsync(CancellationToken ct) =>
        (await rows.QueryAsync("""SELECT 1 FROM "InboundEmails" WHERE "DedupKey" IS NULL AND "MessageIdHeader" IS NOT NULL LIMIT 1""", r => r.GetInt32(0), ct)).Count > 0;

    /// <summary>
    /// Mail stored before this key existed has none: the records with the same Message-ID and no key
    /// are read again, given their key, and compared. Only a database upgraded from an older
    /// version has any; each is read once.
    /// </summary>
    private async Task<List<(long?, long?)>> StoredBeforeKeysAsync(IncomingMail mail, CancellationToken ct)
    {
        var older = await rows.QueryAsync("""SELECT "Id", "Raw", "CaseId", "MessageId" FROM "InboundEmails" WHERE "MessageIdHeader" = @p0 AND "DedupKey" IS NULL""",
            r => (Id: r.GetInt64(0), Raw: (byte[])r.GetValue(1), Case: r.IsDBNull(2) ? (long?)null : r.GetInt64(2), Message: r.IsDBNull(3) ? (long?)null : r.GetInt64(3)), ct, mail.MessageId);
        var found = new List<(long?, long?)>();
        foreach (var record in older)
        {
            var key = IncomingMail.Read(record.Raw, MaxBytes).DedupKey;
            if (key is null)
            {
                continue;
            }
            await rows.ExecuteAsync("""UPDATE "InboundEmails" SET "DedupKey" = @p0 WHERE "Id" = @p1 AND NOT EXISTS (SELECT 1 FROM "InboundEmails" WHERE "DedupKey" = @p0)""", ct, key, record.Id);
            if (key == mail.DedupKey)
            {
                found.Add((record.Case, record.Message));
            }
        }
        return found.Take(1).ToList();
    }

    private static (long?, long?) Read(System.Data.Common.DbDataReader r) => (r.IsDBNull(0) ? null : r.GetInt64(0), r.IsDBNull(1) ? null : r.GetInt64(1));
}
