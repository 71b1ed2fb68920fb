using Guichet.Core.Cases;

namespace Guichet.Core.Email;

/// <summary>
/// The thread step: a reply joins the case of the message it answers (In-Reply-To, then the
/// References from the newest back); else a subject quoting a case reference joins that case when
/// the sender is its customer or one of the people they copied, and is held for an agent when not.
/// </summary>
public sealed partial class ReceiveEmail
{
    /// <param name="Side">It answers a side conversation with a third party, not the customer's thread (issue 26).</param>
    /// <param name="Bcc">Who got the message it answers in blind copy.</param>
    private sealed record Thread(long? CaseId, JoinReason Why, string? Evidence, Outcome? Held, bool Side = false, string? Bcc = null)
    {
        public static readonly Thread None = new(null, JoinReason.Reply, null, null);
    }

    private async Task<Thread> ThreadAsync(IncomingMail mail, string subject, CancellationToken ct)
    {
        if (await MessageByIdsAsync(mail.ThreadIds, ct) is { } replied)
        {
            return new Thread(replied.CaseId, JoinReason.Reply, null, null, replied.Side, replied.Bcc);
        }
        if (CaseReferenceToken.Find(subject) is not { } reference)
        {
            return Thread.None;
        }
        var quoted = await rows.QueryAsync("""SELECT "Id", "CustomerId", "Copied" FROM "Cases" WHERE "Reference" = @p0 LIMIT 1""", r => (Id: r.GetInt64(0), Customer: r.GetInt64(1), Copied: r.GetString(2)), ct, reference);
        if (quoted is not [var (id, customer, copied)])
        {
            return Thread.None;
        }
        // The customer, or someone they copied on the conversation (issue 26).
        if (await CustomerByEmailAsync(mail.Address!, ct) != customer && !CopiedPeople.Parse(copied).Contains(mail.Address!, StringComparer.OrdinalIgnoreCase))
        {
            // A stranger quoting someone else's reference must not land silently in that customer's case.
            return new Thread(null, JoinReason.CaseReference, reference, new Outcome(InboundOutcome.Held, id, null, $"Quotes {reference} but {mail.Address} is not that case's customer: an agent decides."));
        }
        return new Thread(id, JoinReason.CaseReference, reference, null);
    }

    /// <summary>Buckets of ids per lookup, so that a handful of reused commands serve every thread length.</summary>
    private static readonly int[] IdBuckets = [1, 2, 4, 8, 16, 32, 64, 128, MailIds.MaxThreadIds];

    /// <summary>
    /// The case of the first id, in the order given, that names a message Guichet sent or received,
    /// in one query however long the thread. An id two messages share (a mailer that reuses ids)
    /// names the newest of their cases.
    /// </summary>
    private async Task<long?> CaseByMessageIdsAsync(IReadOnlyList<string> ids, CancellationToken ct) => (await MessageByIdsAsync(ids, ct))?.CaseId;

    private sealed record Threaded(long CaseId, bool Side, string? Bcc);

    /// <summary>The same, saying whether the message named is part of a side conversation, and who got it in blind copy.</summary>
    private async Task<Threaded?> MessageByIdsAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return null;
        }
        var size = IdBuckets.First(b => b >= Math.Min(ids.Count, MailIds.MaxThreadIds));
        var args = Enumerable.Range(0, size).Select(i => (object?)ids[Math.Min(i, ids.Count - 1)])
            .Append(rows.Stored<Message>(nameof(Message.Kind), MessageKind.SideOut)).Append(rows.Stored<Message>(nameof(Message.Kind), MessageKind.SideIn)).ToArray();
        var hits = await rows.QueryAsync(
            $"""SELECT "InternetMessageId", MAX("CaseId"), MAX(CASE WHEN "Kind" IN (@p{size}, @p{size + 1}) THEN 1 ELSE 0 END), MAX("Bcc") FROM "Messages" WHERE "InternetMessageId" IN ({string.Join(", ", Enumerable.Range(0, size).Select(i => $"@p{i}"))}) GROUP BY "InternetMessageId" """,
            r => (Id: r.GetString(0), Case: r.GetInt64(1), Side: r.GetInt32(2) == 1, Bcc: r.IsDBNull(3) ? null : r.GetString(3)), ct, args);
        if (hits.Count == 0)
        {
            return null;
        }
        var byId = hits.ToDictionary(h => h.Id, h => new Threaded(h.Case, h.Side, h.Bcc), StringComparer.Ordinal);
        return ids.Select(id => byId.GetValueOrDefault(id)).FirstOrDefault(c => c is not null);
    }

    private async Task<long?> CaseByReferenceAsync(string reference, CancellationToken ct) =>
        (await rows.QueryAsync("""SELECT "Id" FROM "Cases" WHERE "Reference" = @p0 LIMIT 1""", r => r.GetInt64(0), ct, reference)) is [var id] ? id : null;
}
