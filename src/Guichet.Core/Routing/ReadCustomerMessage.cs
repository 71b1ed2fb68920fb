using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Routing;

/// <summary>
/// What a customer's new message says about the case beyond its words, on every channel: a
/// re-explanation (C5) and the signals that put it to a lead or a manager (E1, E2).
/// </summary>
public static class ReadCustomerMessage
{
    /// <summary>How many of the customer's latest messages a new one is compared with (C5).</summary>
    public const int RepeatWindow = 10;

    /// <summary>How many of the latest messages are read: enough for every signal.</summary>
    public const int HistoryLength = 50;

    /// <summary>The case's earlier messages people wrote (not the one just added), oldest first; the last fifty are enough.</summary>
    public static async Task<IReadOnlyList<PastMessage>> HistoryAsync(GuichetDb db, long caseId, CancellationToken ct)
    {
        if (caseId == 0)
        {
            return [];
        }
        var latest = await db.Messages.AsNoTracking().Where(m => m.CaseId == caseId && !m.IsAutomatic).Where(Message.WithCustomer)
            .OrderByDescending(m => m.Id).Take(HistoryLength).Select(m => new { m.Id, m.Direction, m.Body }).ToListAsync(ct);
        return latest.OrderBy(m => m.Id).Select(m => new PastMessage(m.Direction, m.Body, false) { Id = m.Id }).ToList();
    }

    /// <param name="read">The message already read (<see cref="FoldedText.Fresh"/>), when the caller read it ahead.</param>
    public static void Apply(Case @case, Teams.Team team, string message, IReadOnlyList<PastMessage> history, DateTimeOffset now, FoldedText? read = null)
    {
        // Each text is folded once for every signal. The customer's last ten messages: a story told again repeats a recent one, and a long thread
        // (a hundred follow-ups on one case) must not cost a hundred readings per message.
        var fromCustomer = history.Where(m => m.Direction == MessageDirection.In && !m.Automatic).TakeLast(RepeatWindow).ToList();
        var text = read ?? FoldedText.Fresh(message);
        var earlier = fromCustomer.Select(m => FoldedText.Fresh(m.Body)).ToList();
        var repeated = Repetition.Best(text, earlier);
        if (repeated is { } again)
        {
            @case.RecordReExplanation(again.Share, fromCustomer[again.Index].Id, now);
        }
        var signals = EscalationSignals.Read(text, history, earlier, repeated, team.MajorProblemRules);
        if (signals.Count > 0)
        {
            @case.Escalate(signals, now);
        }
    }
}
