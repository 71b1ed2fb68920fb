using System.Data.Common;
using System.Runtime.CompilerServices;
using Guichet.Core.Cases;
using Guichet.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Guichet.Core.Live;

/// <summary>
/// Every write is a live signal (W1), whoever made it: a page, the API, the watcher, an email, the
/// CLI. Reads what each save changed (a case, or any record hanging on one by <c>CaseId</c>; an
/// alert for a person) and publishes it once the data is there to read: after the save, or after
/// the commit of the transaction it ran in; a rollback publishes nothing.
/// </summary>
public sealed class LiveChanges(ILiveBus bus, CaseChanges changes) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private sealed class Pending
    {
        public List<EntityEntry> Saving { get; } = [];
        public HashSet<long> Cases { get; } = [];
        public HashSet<long> Alerts { get; } = [];
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Failed(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Capture(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var pending = _pending.GetOrCreateValue(context);
        pending.Saving.Clear();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            // An audit line records that someone read or changed a case; it is not itself a change to show
            // (a page that reads a case would otherwise redraw itself for ever).
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && entry.Entity is not Audit.AuditEntry
                && (entry.Entity is Case or Notification || entry.Metadata.FindProperty(nameof(Message.CaseId)) is not null))
            {
                pending.Saving.Add(entry);
                if (entry.State == EntityState.Deleted)
                {
                    Read(entry, pending);
                }
            }
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }
        foreach (var entry in pending.Saving)
        {
            if (entry.State != EntityState.Detached)
            {
                Read(entry, pending);
            }
        }
        pending.Saving.Clear();
        // Inside a transaction of the caller's the rows are not visible to others until it commits.
        if (context.Database.CurrentTransaction is null)
        {
            Flush(context);
        }
    }

    private static void Read(EntityEntry entry, Pending pending)
    {
        switch (entry.Entity)
        {
            case Case c:
                pending.Cases.Add(c.Id);
                break;
            case Notification n:
                pending.Alerts.Add(n.AgentId);
                pending.Cases.Add(n.CaseId);
                break;
            default:
                if (entry.Property(nameof(Message.CaseId)).CurrentValue is long caseId and > 0)
                {
                    pending.Cases.Add(caseId);
                }
                break;
        }
    }

    private void Flush(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending) || (pending.Cases.Count == 0 && pending.Alerts.Count == 0))
        {
            return;
        }
        if (pending.Cases.Count > 0)
        {
            changes.Moved();
        }
        bus.Publish(LiveSignal.Of(pending.Cases, pending.Alerts));
        pending.Cases.Clear();
        pending.Alerts.Clear();
    }

    private void Failed(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending))
        {
            pending.Saving.Clear();
            if (context.Database.CurrentTransaction is null)
            {
                pending.Cases.Clear();
                pending.Alerts.Clear();
            }
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending))
        {
            pending.Saving.Clear();
            pending.Cases.Clear();
            pending.Alerts.Clear();
        }
    }
}
