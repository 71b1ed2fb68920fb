using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.ServiceLevels;

/// <summary>The active policies, read once per unit of work (a handful of rows), and which one a case falls under.</summary>
public sealed class ServicePolicies(GuichetDb db)
{
    private List<ServicePolicy>? _active;

    private List<ServicePolicy> Active => _active ??= [.. db.ServicePolicies.AsNoTracking().Where(p => p.Active).OrderBy(p => p.Position).ThenBy(p => p.Id)];

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
