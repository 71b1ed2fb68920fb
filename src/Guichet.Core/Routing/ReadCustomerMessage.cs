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
    /// <summary>The case's earlier messages people wrote (not the one just added), oldest first; the last fifty are enough.</summary>
    public static async Task<IReadOnlyList<PastMessage>> HistoryAsync(GuichetDb db, long caseId, CancellationToken ct)
    {
        if (caseId == 0)
        {
            return [];
        }
        var latest = await db.Messages.AsNoTracking().Where(m => m.CaseId == caseId && !m.IsAutomatic)
            .OrderByDescending(m => m.Id).Take(50).Select(m => new { m.Id, m.Direction, m.Body, m.CreatedAt }).ToListAsync(ct);
        return latest.OrderBy(m => m.Id).Select(m => new PastMessage(m.Direction, m.Body, false) { At = m.CreatedAt }).ToList();
    }

    public static void Apply(Case @case, Teams.Team team, string message, IReadOnlyList<PastMessage> history, DateTimeOffset now)
    {
        var fromCustomer = history.Where(m => m.Direction == MessageDirection.In && !m.Automatic).ToList();
        if (Repetition.Best(message, fromCustomer.Select(m => m.Body).ToList()) is { } repeated)
        {
            @case.RecordReExplanation(repeated.Share, fromCustomer[repeated.Index].At, now);
        }
        var signals = EscalationSignals.Read(message, history, team.MajorProblemRules);
        if (signals.Count > 0)
        {
            @case.Escalate(signals, now);
        }
    }
}
