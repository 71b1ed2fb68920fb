using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Automations;

/// <summary>A case a rule would touch now.</summary>
public sealed record RuleMatch(long Id, string Reference, string Subject, string Status, string Priority);

/// <summary>What a dry run found: the cases (the first <see cref="DryRunRule.Shown"/>), how many in all, among how many looked at.</summary>
public sealed record DryRun(IReadOnlyList<RuleMatch> Cases, int Matching, int Examined);

/// <summary>
/// A rule tried without acting (W7): a time rule lists the cases whose time has come and that it
/// has not run on yet; a rule on a change lists the active cases whose conditions hold now (the
/// words, on the case's subject and the customer's last message), the most recently updated first. Nothing is written.
/// </summary>
public sealed class DryRunRule(GuichetDb db, SaveRule save, TimeProvider clock)
{
    public const int Shown = 50;
    public const int MaxExamined = 5_000;

    public async Task<Result<DryRun>> RunAsync(RuleRequest request, Agent actor, CancellationToken ct = default)
    {
        var checkedRule = await save.CheckAsync(request, actor, ct);
        if (checkedRule.Failure is { } failure)
        {
            return failure;
        }
        var rule = checkedRule.Value;
        var now = clock.Now();
        var teams = await db.Teams.AsNoTracking().ToListAsync(ct);
        var byId = teams.ToDictionary(t => t.Id);
        var needs = RuleSubjects.Needs.Of([rule]);
        List<long> caseIds;
        if (rule.IsTimed)
        {
            var candidates = await TimeCandidates.PageAsync(db, rule, teams, now, 0, MaxExamined, ct);
            caseIds = [.. candidates.Select(c => c.CaseId).Distinct()];
        }
        else
        {
            var scoped = db.Cases.AsNoTracking().Where(c => c.InInbox == 1);
            if (rule.TeamId is { } team)
            {
                scoped = scoped.Where(c => c.TeamId == team);
            }
            caseIds = await scoped.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id).Select(c => c.Id).Take(MaxExamined).ToListAsync(ct);
        }
        var subjects = await RuleSubjects.LoadAsync(db, caseIds, byId, needs, now, ct);
        var texts = needs.Words ? await LastWordsAsync(caseIds, ct) : [];
        var matching = caseIds
            .Where(id => subjects.TryGetValue(id, out var s) && RuleConditions.Hold(rule.Conditions, s with { Words = RuleSubject.Fold(texts.GetValueOrDefault(id)) }))
            .ToList();
        var shown = matching.Take(Shown).ToList();
        var rows = await db.Cases.AsNoTracking().Where(c => shown.Contains(c.Id)).Select(c => new { c.Id, c.Reference, c.Subject, c.Status, c.Priority }).ToDictionaryAsync(c => c.Id, ct);
        return new DryRun([.. shown.Where(rows.ContainsKey).Select(id => rows[id]).Select(c => new RuleMatch(c.Id, c.Reference, c.Subject, c.Status.ToWire(), c.Priority.ToWire()))],
            matching.Count, caseIds.Count);
    }

    private async Task<Dictionary<long, string>> LastWordsAsync(List<long> caseIds, CancellationToken ct)
    {
        var last = await db.Messages.AsNoTracking()
            .Where(m => caseIds.Contains(m.CaseId) && m.Direction == MessageDirection.In)
            .GroupBy(m => m.CaseId).Select(g => g.Max(m => m.Id)).ToListAsync(ct);
        var read = await db.Messages.Where(m => last.Contains(m.Id)).Read(db, withBody: true, withSubject: true).ToListAsync(ct);
        return read.ToDictionary(m => m.CaseId, m => m.Words!);
    }
}
