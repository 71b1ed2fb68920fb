using System.Collections.Concurrent;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.ServiceLevels;

/// <summary>
/// The active policies and which one a case falls under. They are a handful of rows read on the
/// intake's path for every new case, so they are kept per database for the process: a change on
/// this node is seen at once (<see cref="Changed"/>), one on another node within <see cref="Fresh"/>.
/// The cached rows are never tracked, so no unit of work can change them.
/// </summary>
public sealed class ServicePolicies(GuichetDb db)
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(10);

    private sealed record Read(IReadOnlyList<ServicePolicy> Active, long AtTicks);

    private static readonly ConcurrentDictionary<string, Read> Cache = new();

    private IReadOnlyList<ServicePolicy>? _active;

    private IReadOnlyList<ServicePolicy> Active => _active ??= Current();

    private IReadOnlyList<ServicePolicy> Current()
    {
        var key = db.Database.GetConnectionString() ?? "";
        var now = Environment.TickCount64;
        if (Cache.TryGetValue(key, out var read) && now - read.AtTicks < Fresh.TotalMilliseconds)
        {
            return read.Active;
        }
        List<ServicePolicy> active = [.. db.ServicePolicies.AsNoTracking().Where(p => p.Active).OrderBy(p => p.Position).ThenBy(p => p.Id)];
        Cache[key] = new Read(active, now);
        return active;
    }

    /// <summary>Called once a change to the policies is saved: this node reads them again.</summary>
    public static void Changed(GuichetDb db) => Cache.TryRemove(db.Database.GetConnectionString() ?? "", out _);

    public ServicePolicy? ById(long? id) => id is { } wanted ? Active.FirstOrDefault(p => p.Id == wanted) : null;

    /// <summary>The first policy matching the case as it stands; its customer's organisations are read only if a policy asks.</summary>
    public ServicePolicy? For(Case @case)
    {
        if (Active.Count == 0)
        {
            return null;
        }
        IReadOnlySet<long>? organisations = null;
        IReadOnlySet<long> Organisations() => organisations ??=
            db.Memberships.AsNoTracking().Where(m => m.CustomerId == @case.CustomerId).Select(m => m.OrganisationId).ToHashSet();
        return Active.FirstOrDefault(p => p.Matches(@case, Organisations));
    }
}
