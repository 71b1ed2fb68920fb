using Guichet.Core.Agents;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases;

/// <summary>
/// Which cases a person sees (issue 10, decision 0021): every case for those who see every team;
/// otherwise their team's cases and the ones they own, which covers a case transferred to them
/// from another team. The one rule behind the API, the pages and every list.
/// </summary>
public static class CaseVisibility
{
    /// <summary>The cases <paramref name="viewer"/> may see; none when there is nobody (an account deactivated since sign-in).</summary>
    public static IQueryable<Case> VisibleTo(this IQueryable<Case> cases, Agent? viewer) =>
        viewer is null ? cases.Where(c => false)
        : viewer.SeesEveryTeam ? cases
        : cases.Where(c => c.TeamId == viewer.TeamId || c.OwnerId == viewer.Id);

    public static IQueryable<Promises.Promise> VisibleTo(this IQueryable<Promises.Promise> promises, Agent? viewer) =>
        viewer is null ? promises.Where(p => false)
        : viewer.SeesEveryTeam ? promises
        : promises.Where(p => p.Case.TeamId == viewer.TeamId || p.Case.OwnerId == viewer.Id);

    public static bool Sees(this Agent viewer, long caseTeamId, long? caseOwnerId) =>
        viewer.SeesEveryTeam || caseTeamId == viewer.TeamId || caseOwnerId == viewer.Id;

    /// <summary>A customer is seen through a case in view, or by those who see every team (issue 21).</summary>
    public static async Task<bool> SeesCustomerAsync(this Data.GuichetDb db, Agent viewer, long customerId, CancellationToken ct) =>
        viewer.SeesEveryTeam || await db.Cases.VisibleTo(viewer).AnyAsync(c => c.CustomerId == customerId, ct);

    /// <summary>Records that hang on a case (a survey, a social post, a stored email) are seen with their case; without one, by those who see every team.</summary>
    public static bool SeesCaseless(this Agent? viewer) => viewer?.SeesEveryTeam == true;
}
