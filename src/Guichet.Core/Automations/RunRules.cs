using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Teams;
using Guichet.Core.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Guichet.Core.Automations;

/// <summary>
/// Runs the rules on what happened (W7). Messages and case events are written with the change,
/// so they are the queue: this pass reads them past a cursor, batch by batch, and in one
/// transaction moves the cursor (conditionally: a node that moved it first wins, and the other
/// writes nothing), runs the rules in order on each case, and records each run. A change made by
/// a rule starts no rule, so rules cannot loop; within one happening, each rule sees the case as
/// the rules before it left it. Rules run a moment after the change, never holding up the intake.
/// </summary>
public sealed class RunRules(GuichetDb db, RuleActions actions, TimeProvider clock, ILogger<RunRules> logger)
{
    public const int Batch = 500;
    public const int MaxBatchesPerPass = 40;
    public const string Messages = "rules.messages";
    public const string Events = "rules.events";

    private sealed record Happened(long RowId, string Key, string When, long CaseId, DateTimeOffset At, string? Words, IReadOnlyCollection<string>? TagsAdded = null);

    /// <returns>The rule runs written.</returns>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var rules = await db.Rules.AsNoTracking().Where(r => r.Active).OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
        var onChange = rules.Where(r => !r.IsTimed).ToList();
        var ran = 0;
        foreach (var source in new[] { Messages, Events })
        {
            try
            {
                for (var batch = 0; batch < MaxBatchesPerPass; batch++)
                {
                    var (count, more) = await PassAsync(source, onChange, ct);
                    ran += count;
                    if (!more)
                    {
                        break;
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The batch is tried again next tick; the other source goes on meanwhile.
                logger.LogError(e, "Rules on {Source} failed", source);
                db.ChangeTracker.Clear();
            }
        }
        return ran;
    }

    /// <summary>
    /// One batch: read, judged and run outside the write transaction (on SQLite the intake keeps
    /// committing meanwhile); then, in it, the cursor moved (or another node won) and all saved, unless
    /// a case changed in between, when the batch runs again inside the transaction.
    /// </summary>
    private async Task<(int Ran, bool More)> PassAsync(string source, List<Rule> rules, CancellationToken ct)
    {
        var cursor = await db.WebhookCursors.AsNoTracking().FirstOrDefaultAsync(c => c.Source == source, ct);
        if (cursor is null)
        {
            await StartAsync(source, ct);
            return (0, false);
        }
        var now = clock.Now();
        var from = cursor.LastId;
        var late = ReadCursor.Parse(cursor.Pending);
        if (rules.Count == 0)
        {
            // Nothing to run: the cursor follows the tables, so a rule made later starts from then.
            var newest = await ChangeFeed.NewestAsync(db, source, ct);
            if (newest != from)
            {
                await using var moving = await db.Database.BeginTransactionAsync(ct);
                await MoveAsync(source, from, cursor.Pending, newest, null, ct);
                await moving.CommitAsync(ct);
            }
            return (0, false);
        }
        var needs = RuleSubjects.Needs.Of(rules);
        var (happened, read, full) = source == Messages ? await MessagesAsync(from, late.Pending, needs.Words, ct) : await EventsAsync(from, late.Pending, ct);
        var until = read.Where(id => id > from).DefaultIfEmpty(from).Max();
        var relevant = happened.Where(h => rules.Any(r => r.When == h.When)).ToList();
        var teams = relevant.Count == 0 ? [] : await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, ct);
        var subjects = await RuleSubjects.LoadAsync(db, relevant.Select(h => h.CaseId).Distinct().ToList(), teams, needs, now, ct);
        // Rules that hold for nothing as the case stands change nothing, so none after them holds either.
        // A case some rule acts on has all its happenings of the batch judged in order, each after the last's changes.
        var touched = relevant.Where(h => subjects.TryGetValue(h.CaseId, out var s) && rules.Any(r => Holds(r, h, s))).Select(h => h.CaseId).ToHashSet();
        var acting = relevant.Where(h => touched.Contains(h.CaseId)).ToList();

        // The rules run on cases read before the write transaction, so that on SQLite the intake goes on
        // committing meanwhile; if one of them changed before the transaction began, the batch runs again in it.
        var ran = await RunOnAsync(acting, rules, new(subjects), now, ct);
        var stamps = Stamps();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await MoveAsync(source, from, cursor.Pending, until, late.Next(from, read, now), ct))
        {
            db.ChangeTracker.Clear();
            return (0, false);
        }
        if (!await UnchangedAsync(stamps, ct))
        {
            db.ChangeTracker.Clear();
            ran = await RunOnAsync(acting, rules, subjects, now, ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return (ran, full);
    }

    /// <summary>What every change to a case moves: its last update, and its next due time (a promise kept or moved).</summary>
    private Dictionary<long, (DateTimeOffset UpdatedAt, DateTimeOffset? NextDueAt)> Stamps() =>
        db.ChangeTracker.Entries<Case>().ToDictionary(e => e.Entity.Id,
            e => (e.OriginalValues.GetValue<DateTimeOffset>(nameof(Case.UpdatedAt)), e.OriginalValues.GetValue<DateTimeOffset?>(nameof(Case.NextDueAt))));

    private async Task<bool> UnchangedAsync(Dictionary<long, (DateTimeOffset UpdatedAt, DateTimeOffset? NextDueAt)> stamps, CancellationToken ct)
    {
        if (stamps.Count == 0)
        {
            return true;
        }
        var ids = stamps.Keys.ToList();
        var now = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.UpdatedAt, c.NextDueAt }).ToListAsync(ct);
        return now.Count == stamps.Count && now.All(c => stamps[c.Id] == (c.UpdatedAt, c.NextDueAt));
    }

    // A rule acts on what happens once it exists: history brought in by an import is dated before it.
    private static bool Holds(Rule rule, Happened h, RuleSubject subject) =>
        rule.When == h.When && h.At >= rule.CreatedAt && (rule.TeamId is not { } team || team == subject.TeamId)
        && RuleConditions.Hold(rule.Conditions, subject with { Words = h.Words, TagsAdded = h.TagsAdded });

    private async Task<int> RunOnAsync(List<Happened> happened, List<Rule> rules, Dictionary<long, RuleSubject> subjects, DateTimeOffset now, CancellationToken ct)
    {
        if (happened.Count == 0)
        {
            return 0;
        }
        var loaded = await LoadManyAsync(db, [.. happened.Select(h => h.CaseId).Distinct()], ct);
        var ran = 0;
        foreach (var h in happened)
        {
            if (!subjects.TryGetValue(h.CaseId, out var subject) || !loaded.TryGetValue(h.CaseId, out var @case))
            {
                continue;
            }
            foreach (var rule in rules)
            {
                // Each sees the case as the rules before it left it.
                if (!Holds(rule, h, subject))
                {
                    continue;
                }
                await ApplyAsync(db, actions, rule, @case, h.Key, now, recordRun: false, ct);
                subject = RuleSubjects.After(subject, @case);
                ran++;
            }
            subjects[h.CaseId] = subject;
        }
        return ran;
    }

    /// <summary>Cases as rules change them: their team, owner, customer, tags and promises.</summary>
    private static IQueryable<Case> Loading(GuichetDb db) =>
        db.Cases
            .Include(c => c.Team)
            .Include(c => c.Owner)
            .Include(c => c.Customer).ThenInclude(c => c.Identities)
            .Include(c => c.Promises).ThenInclude(p => p.Renegotiations)
            .Include(c => c.Tags)
            .AsSplitQuery();

    public static async Task<Dictionary<long, Case>> LoadManyAsync(GuichetDb db, List<long> caseIds, CancellationToken ct) =>
        caseIds.Count == 0 ? [] : await Loading(db).Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);

    /// <summary>
    /// One rule's actions on the case, then its run written on the case: every change it made
    /// carries its id (so no rule runs on it) and its name as the actor. A time rule's run is also
    /// recorded under its occurrence, so that it runs once.
    /// </summary>
    public static async Task ApplyAsync(GuichetDb db, RuleActions actions, Rule rule, Case @case, string key, DateTimeOffset now, bool recordRun, CancellationToken ct)
    {
        var before = @case.Events.Count;
        var said = await actions.RunAsync(rule, @case, key, now, ct);
        @case.Events.Add(CaseEvent.Create(CaseEventKind.RuleRan, now, null, null, rule.Name, Clip(string.Join("; ", said))));
        foreach (var made in @case.Events.Skip(before))
        {
            made.RuleId = rule.Id;
            if (made.ActorId is null)
            {
                made.ActorName = rule.ActorName.Length > 200 ? rule.ActorName[..200] : rule.ActorName;
            }
        }
        if (recordRun)
        {
            db.RuleRuns.Add(new RuleRun { RuleId = rule.Id, CaseId = @case.Id, Key = key, At = now });
        }
    }

    private static string Clip(string text) => text.Length > 2000 ? text[..2000] : text;

    /// <summary>Moves the cursor if nobody moved it since it was read: the same last id and the same ids waiting (a pass may read only late rows).</summary>
    private async Task<bool> MoveAsync(string source, long from, string? wasPending, long until, string? pending, CancellationToken ct)
    {
        var moved = await db.WebhookCursors.Where(c => c.Source == source && c.LastId == from && c.Pending == wasPending)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.LastId, until).SetProperty(c => c.Pending, pending), ct);
        if (moved == 0)
        {
            logger.LogDebug("Rules: another node read {Source} first", source);
        }
        return moved == 1;
    }

    private async Task StartAsync(string source, CancellationToken ct)
    {
        db.WebhookCursors.Add(new WebhookCursor { Source = source, LastId = await ChangeFeed.NewestAsync(db, source, ct) });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Rules hear only of what happens after they exist: called when one is made (the caller saves).</summary>
    public static Task StartCursorsAsync(GuichetDb db, CancellationToken ct) => ChangeFeed.StartAsync(db, [Messages, Events], ct);

    private async Task<(List<Happened> Happened, List<long> Read, bool Full)> MessagesAsync(long from, IReadOnlyCollection<long> pending, bool withText, CancellationToken ct)
    {
        var ids = pending.ToList();
        var rows = await db.Messages.Where(m => m.Id > from || ids.Contains(m.Id)).Read(db, withBody: withText, withSubject: withText).Take(Batch).ToListAsync(ct);
        var happened = rows
            .Select(m => !m.IsImported && WebhookEvents.TypeOf(m.Direction, m.Kind, m.IsAutomatic, m.Opened) is { } when
                ? new Happened(m.Id, $"m{m.Id}", when, m.CaseId, m.CreatedAt, RuleSubject.Fold(m.Direction == MessageDirection.In ? m.Words : null))
                : null)
            .OfType<Happened>().ToList();
        return (happened, [.. rows.Select(m => m.Id)], rows.Count(m => m.Id > from) == Batch);
    }

    private async Task<(List<Happened> Happened, List<long> Read, bool Full)> EventsAsync(long from, IReadOnlyCollection<long> pending, CancellationToken ct)
    {
        var ids = pending.ToList();
        var rows = await db.CaseEvents.AsNoTracking().Where(e => e.Id > from || ids.Contains(e.Id)).OrderBy(e => e.Id).Take(Batch)
            .Select(e => new { e.Id, e.CaseId, e.Kind, e.RuleId, e.To, e.At })
            .ToListAsync(ct);
        var happened = rows
            .Select(e => e.RuleId is null && WebhookEvents.TypeOf(e.Kind) is { } when
                ? new Happened(e.Id, $"e{e.Id}", when, e.CaseId, e.At, null, e.Kind == CaseEventKind.Tagged ? (e.To ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries) : null)
                : null)
            .OfType<Happened>().ToList();
        return (happened, [.. rows.Select(e => e.Id)], rows.Count(e => e.Id > from) == Batch);
    }
}
