using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Promises;
using Guichet.Core.Teams;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Guichet.Core.Automations;

/// <summary>
/// The cases whose time has come for a time rule, each with the occurrence it would run for: a
/// promise and its renegotiations so far, the moment a wait began. Counted in each team's business hours, so
/// the query bound is computed per team and the rows come from indexed columns.
/// </summary>
public static class TimeCandidates
{
    public sealed record Candidate(long CaseId, string Key);

    /// <summary>One page of candidates after <paramref name="afterCaseId"/>, in case order.</summary>
    public static async Task<List<Candidate>> PageAsync(GuichetDb db, Rule rule, IReadOnlyCollection<Team> teams, DateTimeOffset now, long afterCaseId, int size, CancellationToken ct)
    {
        var found = new List<Candidate>();
        var hours = Duration.FromMinutes(Math.Round((rule.Hours ?? 0) * 60));
        foreach (var team in teams.Where(t => rule.TeamId is null || rule.TeamId == t.Id))
        {
            var teamId = team.Id;
            switch (rule.When)
            {
                case RuleTriggers.PromiseDueWithin:
                    var limit = team.Calendar.AddBusinessTime(now.ToInstant(), hours).ToUtc();
                    found.AddRange((await db.Promises.AsNoTracking()
                        .Where(p => (p.State == PromiseState.Open || p.State == PromiseState.Renegotiated) && p.DueAt > now && p.DueAt <= limit && p.Case.TeamId == teamId && p.CaseId > afterCaseId)
                        .OrderBy(p => p.CaseId).Take(size).Select(p => new { p.CaseId, p.Id, Dates = p.Renegotiations.Count }).ToListAsync(ct))
                        // A new date given to the customer is a new occurrence; a target moved earlier with the priority is not.
                        .Select(p => new Candidate(p.CaseId, $"p{p.Id}@{p.Dates}")));
                    break;
                case RuleTriggers.WaitingOnUs:
                    var since = team.Calendar.SubtractBusinessTime(now.ToInstant(), hours).ToUtc();
                    found.AddRange((await db.Cases.AsNoTracking()
                        .Where(c => c.InInbox == 1 && c.TeamId == teamId && c.CustomerWaitingSince <= since && c.Id > afterCaseId)
                        .OrderBy(c => c.Id).Take(size).Select(c => new { c.Id, c.CustomerWaitingSince }).ToListAsync(ct))
                        .Select(c => new Candidate(c.Id, $"w{c.Id}@{c.CustomerWaitingSince!.Value.ToUnixTimeSeconds()}")));
                    break;
                case RuleTriggers.WaitingOnCustomer:
                    var asked = team.Calendar.SubtractBusinessTime(now.ToInstant(), hours).ToUtc();
                    var waiting = CaseStatus.WaitingOnCustomer.ToWire();
                    found.AddRange((await db.Cases.AsNoTracking()
                        .Where(c => c.Status == CaseStatus.WaitingOnCustomer && c.TeamId == teamId && c.Id > afterCaseId)
                        .Select(c => new { c.Id, Since = db.CaseEvents.Where(e => e.CaseId == c.Id && e.Kind == CaseEventKind.StatusChanged && e.To == waiting).Max(e => (DateTimeOffset?)e.At) })
                        .Where(c => c.Since <= asked)
                        .OrderBy(c => c.Id).Take(size).ToListAsync(ct))
                        .Select(c => new Candidate(c.Id, $"c{c.Id}@{c.Since!.Value.ToUnixTimeSeconds()}")));
                    break;
            }
        }
        // Several promises of one case are several occurrences; the page is cut at a whole case.
        return [.. found.OrderBy(c => c.CaseId).ThenBy(c => c.Key, StringComparer.Ordinal).Take(size)];
    }
}
