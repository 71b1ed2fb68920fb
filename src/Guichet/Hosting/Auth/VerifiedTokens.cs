using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Guichet.Core.Agents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Guichet.Hosting.Auth;

/// <summary>
/// Bearer tokens checked in the last seconds, so a script or an MTA posting a thousand requests a
/// second is not a query and a database context each (12 % of a mail storm's CPU, issue 29). An
/// entry lives <see cref="Lifetime"/> at most, never past the token's expiry; any save that changes
/// an agent or a token on this node forgets them all at once (revoked, deactivated, a new role), so
/// here a change applies at the next request, and on another node within <see cref="Lifetime"/>
/// (decision 0043).
/// </summary>
public sealed class VerifiedTokens(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, Verified> verified = new(StringComparer.Ordinal);

    /// <summary>What a check found: the person's claims, the token (null for the admin token) and when it was last recorded used.</summary>
    public sealed record Verified(IReadOnlyList<Claim> Claims, long? TokenId, DateTimeOffset? LastUsedAt, DateTimeOffset Until);

    public Verified? Find(string key) =>
        verified.TryGetValue(key, out var found) && found.Until > clock.GetUtcNow() ? found : null;

    public void Remember(string key, IEnumerable<Claim> claims, long? tokenId, DateTimeOffset? lastUsedAt, DateTimeOffset? expiresAt)
    {
        if (verified.Count >= MaxEntries)
        {
            verified.Clear();
        }
        var until = clock.GetUtcNow() + Lifetime;
        verified[key] = new Verified([.. claims], tokenId, lastUsedAt, expiresAt is { } expiry && expiry < until ? expiry : until);
    }

    public void Forget() => verified.Clear();

    /// <summary>Forgets every checked token when a save changed an agent or a token.</summary>
    public sealed class OnChanges(VerifiedTokens tokens) : SaveChangesInterceptor
    {
        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            ForgetIfChanged(eventData.Context);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            ForgetIfChanged(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            Forget(eventData.Context);
            return result;
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Forget(eventData.Context);
            return ValueTask.FromResult(result);
        }

        private static readonly object Changed = new();
        private readonly ConditionalWeakTable<DbContext, object> changing = [];

        // Noted before the save (its entries are unchanged after it) and forgotten after it too: a
        // check made while the save ran read the old row.
        private void ForgetIfChanged(DbContext? context)
        {
            if (context is not null && (Changes<Agent>(context) || Changes<ApiToken>(context)))
            {
                tokens.Forget();
                changing.AddOrUpdate(context, Changed);
            }
        }

        // Only these entities' changes are detected here (the save detects the rest after this interceptor).
        private static bool Changes<T>(DbContext context) where T : class
        {
            var auto = context.ChangeTracker.AutoDetectChangesEnabled;
            context.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                foreach (var entry in context.ChangeTracker.Entries<T>())
                {
                    entry.DetectChanges();
                    if (entry.State is EntityState.Modified or EntityState.Deleted)
                    {
                        return true;
                    }
                }
                return false;
            }
            finally
            {
                context.ChangeTracker.AutoDetectChangesEnabled = auto;
            }
        }

        private void Forget(DbContext? context)
        {
            if (context is not null && changing.Remove(context))
            {
                tokens.Forget();
            }
        }
    }
}
