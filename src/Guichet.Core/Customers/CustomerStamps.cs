using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Guichet.Core.Customers;

/// <summary>
/// Stamps <see cref="Customer.UpdatedAt"/> on every save that adds or changes a customer or one of
/// their addresses, memberships, tags or fields, whatever wrote it, so the incremental export (issue 25) misses no change.
/// </summary>
public sealed class CustomerStamps(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var now = clock.GetUtcNow();
        var changed = new HashSet<long>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            switch (entry.Entity)
            {
                case Customer customer when entry.State != EntityState.Deleted:
                    customer.UpdatedAt = now;
                    break;
                case CustomerIdentity identity:
                    changed.Add(identity.CustomerId);
                    break;
                case Organisations.Membership membership:
                    changed.Add(membership.CustomerId);
                    break;
                case CustomerTag tag:
                    changed.Add(tag.CustomerId);
                    break;
                case CustomerFieldValue value:
                    changed.Add(value.CustomerId);
                    break;
            }
        }
        if (changed.Count == 0)
        {
            return;
        }
        foreach (var entry in context.ChangeTracker.Entries<Customer>())
        {
            if (changed.Contains(entry.Entity.Id) && entry.State == EntityState.Unchanged)
            {
                entry.Entity.UpdatedAt = now;
            }
        }
    }
}
