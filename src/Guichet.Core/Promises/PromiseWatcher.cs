using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Guichet.Core.Promises;

/// <summary>
/// Acts on every promise whose next action time has come (SPEC P3, P5, P6): alerts the owner,
/// renegotiates with the customer before the due time, and handles a lapse at once. It reads
/// only rows whose stored NextActionAt is due, through an index, so its cost follows the work
/// due, not the number of open promises.
///
/// Each batch is claimed and settled in one transaction: the notice, its outbox row and the
/// promise's new schedule commit together, so a crash sends nothing twice and loses nothing.
/// On PostgreSQL the claim is FOR UPDATE SKIP LOCKED, so several servers share the work; on
/// SQLite the write transaction is exclusive, so one watcher runs at a time.
/// </summary>
public sealed class PromiseWatcher(GuichetDb db, TimeProvider clock, ILogger<PromiseWatcher> logger)
{
    public const int BatchSize = 100;

    // Leads and managers per team, read once per pass rather than once per promise.
    private readonly Dictionary<(long Team, bool Managers), List<Agent>> _recipients = [];

    public sealed record Pass(int Promises, int Cases);

    /// <summary>Works until nothing is due at the clock's current time.</summary>
    public async Task<Pass> RunDueAsync(CancellationToken ct)
    {
        _recipients.Clear();
        var promises = await AllBatchesAsync(PromiseBatchAsync, ct);
        var cases = await AllBatchesAsync(CeilingBatchAsync, ct);
        if (promises + cases > 0)
        {
            logger.LogInformation("Promise watcher acted on {Promises} promises and {Cases} case ceilings", promises, cases);
        }
        return new Pass(promises, cases);
    }

    private static async Task<int> AllBatchesAsync(Func<CancellationToken, Task<int>> batch, CancellationToken ct)
    {
        int total = 0, n;
        do
        {
            n = await batch(ct);
            total += n;
        }
        while (n == BatchSize);
        return total;
    }

    /// <summary>
    /// The ids of one batch of due rows, claimed inside the caller's transaction: on PostgreSQL
    /// locked rows are skipped so servers share the work; SQLite's write transaction is exclusive.
    /// </summary>
    private async Task<List<long>> ClaimAsync(FormattableString postgres, IQueryable<long> sqlite, CancellationToken ct) =>
        db is PostgresGuichetDb
            ? await db.Database.SqlQuery<long>(postgres).ToListAsync(ct)
            : await sqlite.Take(BatchSize).ToListAsync(ct);

    private async Task<int> PromiseBatchAsync(CancellationToken ct)
    {
        var now = clock.Now();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = await ClaimAsync(
            $"""SELECT "Id" AS "Value" FROM "Promises" WHERE "NextActionAt" <= {now} ORDER BY "NextActionAt" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED""",
            db.Promises.Where(p => p.NextActionAt <= now).OrderBy(p => p.NextActionAt).Select(p => p.Id), ct);
        if (ids.Count == 0)
        {
            return 0;
        }
        var promises = await db.Promises.Where(p => ids.Contains(p.Id))
            .Include(p => p.Owner).ThenInclude(o => o!.Team)
            .Include(p => p.Renegotiations)
            .Include(p => p.Case).ThenInclude(c => c.Team)
            .Include(p => p.Case).ThenInclude(c => c.Owner).ThenInclude(o => o!.Team)
            .Include(p => p.Case).ThenInclude(c => c.Customer).ThenInclude(c => c.Identities)
            .Include(p => p.Case).ThenInclude(c => c.Promises)
            .AsSplitQuery()
            .ToListAsync(ct);
        foreach (var promise in promises.OrderBy(p => p.NextActionAt).ThenBy(p => p.Id))
        {
            await ActAsync(promise, now, ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return ids.Count;
    }

    private async Task ActAsync(Promise promise, DateTimeOffset now, CancellationToken ct)
    {
        if (!promise.IsActive)
        {
            promise.RefreshNextAction();
            return;
        }
        if (promise.DueAt <= now)
        {
            await LapsedAsync(promise, now, ct);
            return;
        }
        if (promise.OwnerAlertedAt is null && promise.OwnerAlertAt <= now)
        {
            await AlertOwnerAsync(promise, now, ct);
        }
        if (promise.NoticeAt <= now)
        {
            await NoticeAsync(promise, now, ct);
        }
    }

    private async Task AlertOwnerAsync(Promise promise, DateTimeOffset now, CancellationToken ct)
    {
        var @case = promise.Case;
        var owner = promise.Owner ?? @case.Owner;
        // No alert at midnight on a Sunday: wait for the owner's next opening if it still helps.
        var hours = (owner?.Team ?? @case.Team).Calendar;
        if (!hours.IsOpen(now.ToInstant()))
        {
            var back = hours.NextOpening(now.ToInstant()).ToUtc();
            if (back < (promise.NoticeAt ?? promise.DueAt))
            {
                promise.DeferOwnerAlert(back);
                return;
            }
        }
        var recipients = owner is not null ? [owner] : await RecipientsAsync(@case.TeamId, managers: false, ct);
        var text = $"{@case.Reference}: \"{promise.What}\" is due {promise.DueAt:yyyy-MM-dd HH:mm} UTC; keep it before the customer is sent a new date.";
        Notify(recipients, @case, promise, NotificationKind.PromiseDueSoon, text, now);
        @case.Events.Add(CaseEvent.Create(CaseEventKind.OwnerAlerted, now, null, null, string.Join(", ", recipients.Select(r => r.Name)), promise.What));
        promise.MarkOwnerAlerted(now);
    }

    private async Task NoticeAsync(Promise promise, DateTimeOffset now, CancellationToken ct)
    {
        var @case = promise.Case;
        var team = @case.Team;
        var calendar = team.Calendar;
        // Customer notices go out inside business hours, as long as that is still before the due time.
        if (!calendar.IsOpen(now.ToInstant()))
        {
            var open = calendar.NextOpening(now.ToInstant()).ToUtc();
            if (open < promise.DueAt)
            {
                promise.SetNoticeAt(open);
                return;
            }
        }
        var newDue = calendar.AddBusinessDays(promise.DueAt.ToInstant(), team.RenegotiationBusinessDays).ToUtc();
        var limit = @case.RenegotiationLimit;
        if (newDue > limit)
        {
            await AskManagersAsync(@case, now, ct);
            if (limit <= promise.DueAt)
            {
                // Nothing left to move without approval (P5): a manager may still approve until the
                // last hour; then the case is handed to one. Never a date past the ceiling, never silence.
                var last = promise.DueAt - HandOverMargin;
                if (now < last)
                {
                    promise.SetNoticeAt(last);
                }
                else if (!await HandOverAsync(promise, now, ct))
                {
                    promise.SetNoticeAt(null);
                }
                return;
            }
            newDue = limit;
        }
        DelayNotices.Renegotiate(db, promise, newDue, null, now);
    }

    private async Task LapsedAsync(Promise promise, DateTimeOffset now, CancellationToken ct)
    {
        var @case = promise.Case;
        var calendar = @case.Team.Calendar;
        // The customer is told at once, whatever the hour: the date was already missed.
        var newDue = calendar.AddBusinessDays(now.ToInstant(), @case.Team.RenegotiationBusinessDays).ToUtc();
        if (newDue > @case.RenegotiationLimit)
        {
            await AskManagersAsync(@case, now, ct);
            if (@case.RenegotiationLimit > now)
            {
                newDue = @case.RenegotiationLimit;
            }
            else if (await HandOverAsync(promise, now, ct))
            {
                // Past the ceiling with no approval: the case is a manager's now, and the customer knows by when.
                return;
            }
        }
        DelayNotices.ReplaceLapsed(db, promise, newDue, now);
    }

    /// <summary>How long before a promise at the ceiling lapses the watcher stops waiting for a manager's approval.</summary>
    public static readonly TimeSpan HandOverMargin = TimeSpan.FromHours(1);

    /// <summary>
    /// P5 at the ceiling with no approval: the case goes to a manager (the one who owns it, else
    /// the team's first), whose next business day is the date the customer is given. False when
    /// the team has no manager to hand it to.
    /// </summary>
    private async Task<bool> HandOverAsync(Promise promise, DateTimeOffset now, CancellationToken ct)
    {
        var @case = promise.Case;
        var managers = await RecipientsAsync(@case.TeamId, managers: true, ct);
        var manager = @case.Owner is { Role: AgentRole.Manager or AgentRole.Admin } owner ? owner : managers.FirstOrDefault();
        if (manager is null)
        {
            return false;
        }
        var calendar = (manager.TeamId == @case.TeamId ? @case.Team : await db.Teams.FindAsync([manager.TeamId], ct) ?? @case.Team).Calendar;
        var from = promise.DueAt > now ? promise.DueAt : now;
        var until = calendar.AddBusinessDays(from.ToInstant(), 1).ToUtc();
        DelayNotices.HandOver(db, promise, manager, until, now);
        Notify([manager], @case, promise, NotificationKind.CeilingHandedOver,
            $"{@case.Reference} reached its ceiling ({@case.CeilingAt:yyyy-MM-dd}) with no approval: it is yours now, and the customer was told you will write by {until:yyyy-MM-dd HH:mm} UTC.", now);
        return true;
    }

    private async Task AskManagersAsync(Case @case, DateTimeOffset now, CancellationToken ct)
    {
        if (@case.CeilingApprovalRequestedAt is not null)
        {
            return;
        }
        var managers = await RecipientsAsync(@case.TeamId, managers: true, ct);
        Notify(managers, @case, null, NotificationKind.CeilingApprovalNeeded,
            $"{@case.Reference} reaches its ceiling ({@case.CeilingAt:yyyy-MM-dd}); approve a later date or resolve it.", now);
        @case.RecordCeilingApprovalRequest(now);
    }

    private async Task<int> CeilingBatchAsync(CancellationToken ct)
    {
        var now = clock.Now();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = await ClaimAsync(
            $"""SELECT "Id" AS "Value" FROM "Cases" WHERE "CeilingAlertAt" <= {now} ORDER BY "CeilingAlertAt" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED""",
            db.Cases.Where(c => c.CeilingAlertAt <= now).OrderBy(c => c.CeilingAlertAt).Select(c => c.Id), ct);
        if (ids.Count == 0)
        {
            return 0;
        }
        var cases = await db.Cases.Where(c => ids.Contains(c.Id)).Include(c => c.Team).ToListAsync(ct);
        foreach (var @case in cases)
        {
            if (@case.IsActive)
            {
                var leads = await RecipientsAsync(@case.TeamId, managers: false, ct);
                Notify(leads, @case, null, NotificationKind.CeilingNear,
                    $"{@case.Reference} has been open since {@case.CreatedAt:yyyy-MM-dd}; its ceiling is {@case.CeilingAt:yyyy-MM-dd}.", now);
            }
            @case.CeilingAlertHandled(@case.IsActive, now);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return ids.Count;
    }

    private async Task<List<Agent>> RecipientsAsync(long teamId, bool managers, CancellationToken ct)
    {
        if (!_recipients.TryGetValue((teamId, managers), out var agents))
        {
            agents = managers ? await Recipients.ManagersAsync(db, teamId, ct) : await Recipients.LeadsOfAsync(db, teamId, ct);
            _recipients[(teamId, managers)] = agents;
        }
        return agents;
    }

    private void Notify(IEnumerable<Agent> recipients, Case @case, Promise? promise, NotificationKind kind, string text, DateTimeOffset now)
    {
        foreach (var agent in recipients)
        {
            db.Notifications.Add(new Notification { AgentId = agent.Id, CaseId = @case.Id, PromiseId = promise?.Id, Kind = kind, Text = text, CreatedAt = now });
        }
    }
}
