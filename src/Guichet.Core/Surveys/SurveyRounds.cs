using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Promises;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Guichet.Core.Surveys;

/// <summary>
/// The survey's life (SPEC M1), run by the clock like the promise watcher. Each pass cancels the
/// scheduled surveys of cases that reopened or gained a promise, schedules one for each case newly
/// settled (resolved, nothing promised still running), and sends those whose time has come,
/// checking again first. Every step reads indexed rows only; sending claims its batch
/// (FOR UPDATE SKIP LOCKED on PostgreSQL) so several servers never send one survey twice.
/// </summary>
public sealed class SurveyRounds(GuichetDb db, TimeProvider clock, ILogger<SurveyRounds> logger, SurveyScan? scan = null)
{
    public const int BatchSize = 100;

    /// <summary>A case settled longer ago than this gets no survey: by then it is noise, and an old database must not flood customers.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(14);

    public sealed record Pass(int Cancelled, int Scheduled, int Sent);

    // Another server scheduled some of this pass's cases first: the mark stays where it was.
    private bool clashed;

    public async Task<Pass> RunDueAsync(string publicBaseUrl, CancellationToken ct)
    {
        var cancelled = await CancelAsync(ct);
        var began = clock.Now();
        var since = began - Horizon;
        var from = scan?.From(since, began) ?? since;
        int scheduled = 0, sent = 0, n;
        clashed = false;
        do
        {
            scheduled += n = await ScheduleBatchAsync(since, from, ct);
        }
        while (n == BatchSize);
        if (!clashed)
        {
            scan?.Completed(began);
        }
        do
        {
            sent += n = await SendBatchAsync(publicBaseUrl, ct);
        }
        while (n == BatchSize);
        if (cancelled + scheduled + sent > 0)
        {
            logger.LogInformation("Surveys: {Cancelled} cancelled, {Scheduled} scheduled, {Sent} sent", cancelled, scheduled, sent);
        }
        return new Pass(cancelled, scheduled, sent);
    }

    /// <summary>A scheduled survey whose case reopened, or that someone promised something on, waits for the next resolution.</summary>
    private async Task<int> CancelAsync(CancellationToken ct)
    {
        var now = clock.Now();
        var stale = await db.Surveys
            .Where(s => s.State == SurveyState.Scheduled)
            .Select(s => new { Survey = s, Reopened = s.Case.Status != CaseStatus.Resolved && s.Case.Status != CaseStatus.Closed, Promised = s.Case.Promises.Any(p => p.State == PromiseState.Open || p.State == PromiseState.Renegotiated) })
            .Where(x => x.Reopened || x.Promised)
            .ToListAsync(ct);
        foreach (var x in stale)
        {
            x.Survey.Cancel(x.Reopened ? "the case reopened" : "a promise is open on the case", now);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return stale.Count;
    }

    /// <summary>
    /// The cases settled since <paramref name="from"/>: resolved then, or resolved within the horizon
    /// with a promise kept or broken then (the survey waits for the last one). Both through an index;
    /// the caller's condition on the horizon bounds the first pass.
    /// </summary>
    private IQueryable<Case> SettledSince(DateTimeOffset since, DateTimeOffset from) =>
        from <= since
            ? db.Cases
            : db.Cases.Where(c => c.ResolvedAt >= from)
                .Union(db.Cases.Where(c => db.Promises.Where(p => p.SettledAt >= from).Select(p => p.CaseId).Contains(c.Id)));

    private async Task<int> ScheduleBatchAsync(DateTimeOffset since, DateTimeOffset from, CancellationToken ct)
    {
        var now = clock.Now();
        var settled = await SettledSince(since, from).AsNoTracking()
            .Where(c => c.Origin == CaseOrigin.Contact && c.ResolvedAt >= since && (c.Status == CaseStatus.Resolved || c.Status == CaseStatus.Closed) && c.Team.SurveysOn)
            .Where(c => !c.Promises.Any(p => p.State == PromiseState.Open || p.State == PromiseState.Renegotiated))
            // A case folded into another by a merge is closed, not solved: the kept case gets the survey.
            .Where(c => !c.Events.Any(e => e.Kind == CaseEventKind.CaseMerged && e.From == c.Reference))
            // No survey yet, or one cancelled before the case was settled again.
            .Where(c => !db.Surveys.Any(s => s.CaseId == c.Id && (s.State != SurveyState.Cancelled
                || (s.CancelledAt >= c.ResolvedAt && !c.Promises.Any(p => p.SettledAt > s.CancelledAt)))))
            .OrderBy(c => c.ResolvedAt)
            .Select(c => new { c.Id, ResolvedAt = c.ResolvedAt!.Value, LastSettled = c.Promises.Max(p => p.SettledAt), c.Team.SurveyDelayHours })
            .Take(BatchSize)
            .ToListAsync(ct);
        if (settled.Count == 0)
        {
            return 0;
        }
        var ids = settled.Select(c => c.Id).ToList();
        var cancelled = await db.Surveys.Where(s => ids.Contains(s.CaseId)).ToDictionaryAsync(s => s.CaseId, ct);
        foreach (var c in settled)
        {
            var settledAt = c.LastSettled is { } last && last > c.ResolvedAt ? last : c.ResolvedAt;
            var sendAt = settledAt.AddHours(Math.Max(0, c.SurveyDelayHours));
            if (cancelled.TryGetValue(c.Id, out var survey))
            {
                survey.Reschedule(sendAt, now);
            }
            else
            {
                db.Surveys.Add(Survey.Schedule(c.Id, sendAt, now));
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Another server scheduled one of these first; the next pass sees it (and reads from where this one did).
            db.ChangeTracker.Clear();
            clashed = true;
            return 0;
        }
        db.ChangeTracker.Clear();
        return settled.Count;
    }

    private async Task<int> SendBatchAsync(string publicBaseUrl, CancellationToken ct)
    {
        var now = clock.Now();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = db is PostgresGuichetDb
            ? await db.Database.SqlQuery<long>($"""SELECT "Id" AS "Value" FROM "Surveys" WHERE "SendAt" <= {now} ORDER BY "SendAt" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED""").ToListAsync(ct)
            : await db.Surveys.Where(s => s.SendAt <= now).OrderBy(s => s.SendAt).Select(s => s.Id).Take(BatchSize).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return 0;
        }
        var surveys = await db.Surveys.Where(s => ids.Contains(s.Id))
            .Include(s => s.Case).ThenInclude(c => c.Team)
            .Include(s => s.Case).ThenInclude(c => c.Customer).ThenInclude(c => c.Identities)
            .Include(s => s.Case).ThenInclude(c => c.Promises)
            .AsSplitQuery()
            .ToListAsync(ct);
        var caseIds = surveys.Select(s => s.CaseId).ToList();
        var lastChannels = await db.Messages
            .Where(m => caseIds.Contains(m.CaseId) && m.Direction == MessageDirection.In && m.Kind == MessageKind.Contact)
            .GroupBy(m => m.CaseId)
            .Select(g => new { CaseId = g.Key, Channel = g.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Select(m => m.Channel).First() })
            .ToDictionaryAsync(x => x.CaseId, x => x.Channel, ct);
        foreach (var survey in surveys)
        {
            var @case = survey.Case;
            if (!(@case.Status is CaseStatus.Resolved or CaseStatus.Closed))
            {
                survey.Cancel("the case reopened", now);
            }
            else if (@case.Promises.Any(p => p.IsActive))
            {
                survey.Cancel("a promise is open on the case", now);
            }
            else if (SurveyInvitation.ChannelFor(@case, lastChannels.GetValueOrDefault(@case.Id, @case.Channel)) is not { } channel)
            {
                survey.Cancel("no written channel reaches the customer", now);
            }
            else
            {
                var message = SurveyInvitation.Write(db.TemplateBook, @case, channel, $"{publicBaseUrl.TrimEnd('/')}/avis/{survey.Token}", now);
                db.Outbox.Add(Outbox.Create(@case, message, now));
                survey.MarkSent(message, now);
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return surveys.Count;
    }
}
