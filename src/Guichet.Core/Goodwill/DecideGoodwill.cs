using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Goodwill;

/// <summary>A manager approves or refuses a gesture past an agent's budget (SPEC G2); the case's timeline says so.</summary>
public sealed class DecideGoodwill(GuichetDb db, TimeProvider clock)
{
    public async Task<Result<GoodwillEntry>> RunAsync(long id, bool approve, Agent manager, CancellationToken ct = default)
    {
        var entry = await db.GoodwillEntries.FirstOrDefaultAsync(g => g.Id == id, ct);
        if (entry is null)
        {
            return Failure.NotFound("id", $"There is no goodwill gesture {id}.");
        }
        if (entry.Status != GoodwillStatus.AwaitingApproval)
        {
            return Failure.Conflict("id", $"The gesture is already {entry.Status.ToWire()}.");
        }
        var now = clock.GetUtcNow();
        entry.Status = approve ? GoodwillStatus.Approved : GoodwillStatus.Refused;
        entry.DecidedBy = manager.Name;
        entry.DecidedAt = now;
        var @case = await db.Cases.FirstAsync(c => c.Id == entry.CaseId, ct);
        @case.Events.Add(CaseEvent.Create(CaseEventKind.Goodwill, now, manager, GoodwillStatus.AwaitingApproval.ToWire(), entry.Status.ToWire(),
            $"{entry.Gesture.ToWire()} {entry.Amount}: {(approve ? "approved" : "refused")} by {manager.Name}"));
        await db.SaveChangesAsync(ct);
        return entry;
    }
}
