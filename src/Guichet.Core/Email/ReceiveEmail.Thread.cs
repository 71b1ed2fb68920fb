using Guichet.Core.Cases;

namespace Guichet.Core.Email;

/// <summary>
/// The thread step: a reply joins the case of the message it answers (In-Reply-To, then the
/// References from the newest back); else a subject quoting a case reference joins that case when
/// the sender is its customer, and is held for an agent when not.
/// </summary>
public sealed partial class ReceiveEmail
{
    private sealed record Thread(long? CaseId, JoinReason Why, string? Evidence, Outcome? Held)
    {
        public static readonly Thread None = new(null, JoinReason.Reply, null, null);
    }

    private async Task<Thread> ThreadAsync(IncomingMail mail, string subject, CancellationToken ct)
    {
        if (await CaseByMessageIdsAsync(mail.ThreadIds, ct) is { } replied)
        {
            return new Thread(replied, JoinReason.Reply, null, null);
        }
        if (CaseReferenceToken.Find(subject) is not { } reference)
        {
            return Thread.None;
        }
        var quoted = await rows.QueryAsync("""SELECT "Id", "CustomerId" FROM "Cases" WHERE "Reference" = @p0 LIMIT 1""", r => (Id: r.GetInt64(0), Customer: r.GetInt64(1)), ct, reference);
        if (quoted is not [var (id, customer)])
        {
            return Thread.None;
        }
        if (await CustomerByEmailAsync(mail.Address!, ct) != customer)
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
    private async Task<long?> CaseByMessageIdsAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return null;
        }
        var size = IdBuckets.First(b => b >= Math.Min(ids.Count, MailIds.MaxThreadIds));
        var args = Enumerable.Range(0, size).Select(i => (object?)ids[Math.Min(i, ids.Count - 1)]).ToArray();
        var hits = await rows.QueryAsync(
            $"""SELECT "InternetMessageId", MAX("CaseId") FROM "Messages" WHERE "InternetMessageId" IN ({string.Join(", ", Enumerable.Range(0, size).Select(i => $"@p{i}"))}) GROUP BY "InternetMessageId" """,
            r => (Id: r.GetString(0), Case: r.GetInt64(1)), ct, args);
        if (hits.Count == 0)
        {
            return null;
        }
        var byId = hits.ToDictionary(h => h.Id, h => h.Case, StringComparer.Ordinal);
        return ids.Select(id => byId.TryGetValue(id, out var caseId) ? caseId : (long?)null).FirstOrDefault(c => c is not null);
    }

    private async Task<long?> CaseByReferenceAsync(string reference, CancellationToken ct) =>
        (await rows.QueryAsync("""SELECT "Id" FROM "Cases" WHERE "Reference" = @p0 LIMIT 1""", r => r.GetInt64(0), ct, reference)) is [var id] ? id : null;
}
