using Guichet.Core.Agents;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases;

/// <summary>
/// Which cases a person sees (issue 10, decision 0021): every case for those who see every team;
/// otherwise their team's cases, the ones they own (a case transferred to them from another team),
/// and the ones they worked on: wrote on, acted on, or hold a promise of, even after the case left
/// their team (K2, issue 24: two agents must never contradict each other for lack of history).
/// The one rule behind the API, the pages and every list.
/// </summary>
public static class CaseVisibility
{
    /// <summary>The cases <paramref name="viewer"/> may see; none when there is nobody (an account deactivated since sign-in).</summary>
    public static IQueryable<Case> VisibleTo(this IQueryable<Case> cases, Agent? viewer)
    {
        if (viewer is null)
        {
            return cases.Where(c => false);
        }
        if (viewer.SeesEveryTeam)
        {
            return cases;
        }
        var (team, me) = (viewer.TeamId, viewer.Id);
        var worked = WorkedOn(cases, me);
        return cases.Where(c => c.TeamId == team || c.OwnerId == me || worked.Contains(c.Id));
    }

    public static IQueryable<Promises.Promise> VisibleTo(this IQueryable<Promises.Promise> promises, Agent? viewer)
    {
        if (viewer is null)
        {
            return promises.Where(p => false);
        }
        if (viewer.SeesEveryTeam)
        {
            return promises;
        }
        var (team, me) = (viewer.TeamId, viewer.Id);
        var worked = WorkedOn(promises.Select(p => p.Case), me);
        return promises.Where(p => p.Case.TeamId == team || p.Case.OwnerId == me || worked.Contains(p.CaseId));
    }

    /// <summary>Whether <paramref name="viewer"/> sees a case by its team and owner alone, before asking what they worked on.</summary>
    public static bool Sees(this Agent viewer, long caseTeamId, long? caseOwnerId) =>
        viewer.SeesEveryTeam || caseTeamId == viewer.TeamId || caseOwnerId == viewer.Id;

    /// <summary>Whether <paramref name="viewer"/> sees this one case.</summary>
    public static async Task<bool> SeesCaseAsync(this Data.GuichetDb db, Agent viewer, long caseId, long caseTeamId, long? caseOwnerId, CancellationToken ct) =>
        viewer.Sees(caseTeamId, caseOwnerId)
        || await WorkedOn(db.Cases.Where(c => c.Id == caseId), viewer.Id).AnyAsync(ct);

    /// <summary>
    /// Which of these cases an agent worked on, from what is already recorded: the messages they
    /// wrote, the promises they hold, what they did on the timeline (a transfer, a note, an
    /// assignment…). Each part reads an index that starts with the agent.
    /// </summary>
    private static IQueryable<long> WorkedOn(IQueryable<Case> cases, long agent) =>
        cases.SelectMany(c => c.Messages).Where(m => m.AuthorId == agent).Select(m => m.CaseId)
            .Concat(cases.SelectMany(c => c.Promises).Where(p => p.OwnerId == agent).Select(p => p.CaseId))
            .Concat(cases.SelectMany(c => c.Events).Where(e => e.ActorId == agent).Select(e => e.CaseId));

    /// <summary>A customer is seen through a case in view, or by those who see every team (issue 21).</summary>
    public static async Task<bool> SeesCustomerAsync(this Data.GuichetDb db, Agent viewer, long customerId, CancellationToken ct) =>
        viewer.SeesEveryTeam || await db.Cases.VisibleTo(viewer).AnyAsync(c => c.CustomerId == customerId, ct);

    /// <summary>Records that hang on a case (a survey, a social post, a stored email) are seen with their case; without one, by those who see every team.</summary>
    public static bool SeesCaseless(this Agent? viewer) => viewer?.SeesEveryTeam == true;
}
