using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Guichet.Core.Automations;

/// <summary>
/// Runs the time rules (W7): a promise due within N business hours, a case waiting N business
/// hours on the customer or on us. Each occurrence runs once: the run is recorded under a unique
/// (rule, occurrence) key in the transaction of its actions. On PostgreSQL a node claims the rule
/// (FOR UPDATE SKIP LOCKED) for its pass and the others skip it; SQLite's write transaction is
/// exclusive. A case whose conditions do not hold yet is looked at again on later passes.
/// </summary>
public sealed class RunTimeRules(GuichetDb db, RuleActions actions, TimeRuleScan scan, TimeProvider clock, ILogger<RunTimeRules> logger)
{
    public const int Page = 500;
    public const int MaxPagesPerRule = 20;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var rules = await db.Rules.AsNoTracking().Where(r => r.Active).OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
        var ran = 0;
        foreach (var rule in rules.Where(r => r.IsTimed))
        {
            ran += await RunAsync(rule, ct);
        }
        if (ran > 0)
        {
            logger.LogInformation("Time rules ran {Runs} times", ran);
        }
        return ran;
    }

    private async Task<int> RunAsync(Rule rule, CancellationToken ct)
    {
        try
        {
            return await RunOnceAsync(rule, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One rule's failure must not keep the others from running; it is tried again next minute.
            logger.LogError(e, "Time rule {Rule} failed", rule.Id);
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    /// <summary>Judged outside the write transaction; in it, the rule claimed, what ran meanwhile left out, the matched cases loaded together and acted on.</summary>
    private async Task<int> RunOnceAsync(Rule rule, CancellationToken ct)
    {
        var now = clock.Now();
        var teams = await db.Teams.AsNoTracking().ToListAsync(ct);
        var byId = teams.ToDictionary(t => t.Id);
        var needs = RuleSubjects.Needs.Of([rule]);
        var matched = new List<TimeCandidates.Candidate>();
        var after = scan.For(rule.Id);
        for (var page = 0; page < MaxPagesPerRule; page++)
        {
            var candidates = await TimeCandidates.PageAsync(db, rule, teams, now, after, Page, ct);
            after = candidates.Count < Page ? 0 : candidates[^1].CaseId;
            var subjects = await RuleSubjects.LoadAsync(db, candidates.Select(c => c.CaseId).Distinct().ToList(), byId, needs, now, ct);
            matched.AddRange(candidates.Where(c => subjects.TryGetValue(c.CaseId, out var s) && RuleConditions.Hold(rule.Conditions, s)));
            if (after == 0)
            {
                break;
            }
        }
        scan.Stopped(rule.Id, after);
        if (matched.Count == 0)
        {
            return 0;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db is PostgresGuichetDb && (await db.Database.SqlQuery<long>($"""SELECT "Id" AS "Value" FROM "Rules" WHERE "Id" = {rule.Id} FOR UPDATE SKIP LOCKED""").ToListAsync(ct)).Count == 0)
        {
            return 0;
        }
        var keys = matched.Select(c => c.Key).ToList();
        var done = (await db.RuleRuns.AsNoTracking().Where(r => r.RuleId == rule.Id && keys.Contains(r.Key)).Select(r => r.Key).ToListAsync(ct)).ToHashSet();
        var fresh = matched.Where(c => !done.Contains(c.Key)).ToList();
        var cases = await RunRules.LoadManyAsync(db, fresh.Select(c => c.CaseId).Distinct().ToList(), ct);
        var ran = 0;
        foreach (var candidate in fresh)
        {
            if (cases.TryGetValue(candidate.CaseId, out var @case))
            {
                await RunRules.ApplyAsync(db, actions, rule, @case, candidate.Key, now, recordRun: true, ct);
                ran++;
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Another node ran these occurrences first: theirs stand, this pass's actions are undone.
            logger.LogInformation("Time rule {Rule}: another node ran it first", rule.Id);
            ran = 0;
        }
        db.ChangeTracker.Clear();
        return ran;
    }
}
