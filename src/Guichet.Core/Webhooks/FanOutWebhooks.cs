using System.Text.Json;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Guichet.Core.Webhooks;

/// <summary>
/// Turns what happened into deliveries (W10). The messages and case events are written in the
/// transaction of the change, so they are the outbox: this pass reads them past its cursor and
/// writes one delivery per interested endpoint, then moves the cursor, in one transaction. It also
/// reads again the last <see cref="Window"/> rows before the cursor, since on PostgreSQL a row can
/// commit after a later one; the unique (endpoint, event) key makes a second reading write nothing.
/// Endpoints hear only of what happened after they were made.
/// </summary>
public sealed class FanOutWebhooks(GuichetDb db, TimeProvider clock, ILogger<FanOutWebhooks> logger)
{
    public const int Window = 1_000;
    public const int Batch = 500;
    public const int MaxBatchesPerPass = 40;
    private static readonly string[] Sources = ["messages", "events"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        // Paused endpoints too: what happens while they are paused waits for them (DeliverWebhooks holds it back).
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Active).ToListAsync(ct);
        var written = 0;
        foreach (var source in Sources)
        {
            // A backlog (a burst of intake, a bulk action) is read batch after batch in the same pass, up to a bound.
            for (var batch = 0; batch < MaxBatchesPerPass; batch++)
            {
                var (count, more) = await PassAsync(source, subscriptions, ct);
                written += count;
                if (!more)
                {
                    break;
                }
            }
        }
        return written;
    }

    private sealed record Happened(string Key, string Type, long CaseId, DateTimeOffset At, WebhookMessage? Message, WebhookChange? Change);

    /// <returns>The deliveries written, and whether a full batch was read (more may wait).</returns>
    private async Task<(int Written, bool More)> PassAsync(string source, IReadOnlyList<WebhookSubscription> subscriptions, CancellationToken ct)
    {
        var cursor = await db.WebhookCursors.AsNoTracking().FirstOrDefaultAsync(c => c.Source == source, ct);
        var from = cursor?.LastId ?? await ChangeFeed.NewestAsync(db, source, ct);
        if (cursor is null)
        {
            // The first pass starts from now: endpoints never hear of history.
            db.WebhookCursors.Add(new WebhookCursor { Source = source, LastId = from });
            await SaveIgnoringRaceAsync(ct);
            return (0, false);
        }
        if (subscriptions.Count == 0)
        {
            var newest = await ChangeFeed.NewestAsync(db, source, ct);
            return (newest > from ? await MoveAsync(source, from, newest, [], ct) : 0, false);
        }
        // A message's text is read only when some endpoint may be sent it.
        var (happened, read, full) = source == "messages" ? await MessagesAsync(from, subscriptions.Any(s => s.IncludeContent), ct) : await EventsAsync(from, ct);
        // Past every row read, whether it made an event or not: a long run of rows without one must not hold the cursor back.
        var until = Math.Max(from, read);
        if (happened.Count == 0)
        {
            return (until > from ? await MoveAsync(source, from, until, [], ct) : 0, full);
        }
        var keys = happened.Select(h => h.Key).ToList();
        var ids = subscriptions.Select(s => s.Id).ToList();
        var known = (await db.WebhookDeliveries.AsNoTracking().Where(d => ids.Contains(d.SubscriptionId) && keys.Contains(d.EventKey))
            .Select(d => new { d.SubscriptionId, d.EventKey }).ToListAsync(ct)).Select(d => (d.SubscriptionId, d.EventKey)).ToHashSet();
        var caseIds = happened.Select(h => h.CaseId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { Case = c, Team = c.Team.Name, Customer = c.Customer.Name })
            .ToDictionaryAsync(c => c.Case.Id, ct);
        var now = clock.Now();
        var deliveries = new List<WebhookDelivery>();
        foreach (var h in happened)
        {
            if (!cases.TryGetValue(h.CaseId, out var c))
            {
                continue;
            }
            foreach (var s in subscriptions.Where(s => s.Wants(h.Type) && h.At >= s.CreatedAt && (s.TeamId is null || s.TeamId == c.Case.TeamId) && !known.Contains((s.Id, h.Key))))
            {
                var payload = new WebhookPayload(h.Key, h.Type, h.At,
                    WebhookCase.Of(c.Case, s.IncludeContent ? c.Customer : null),
                    // A customer's name and words leave only when the admin allowed content.
                    h.Message is { } m ? m with { Body = s.IncludeContent ? m.Body : null, Author = s.IncludeContent || m.Direction == "out" ? m.Author : null } : null, h.Change);
                deliveries.Add(new WebhookDelivery
                {
                    SubscriptionId = s.Id,
                    EventType = h.Type,
                    EventKey = h.Key,
                    CaseId = h.CaseId,
                    Payload = s.Format == ChatFormats.Json ? JsonSerializer.Serialize(payload, Json) : ChatFormats.Render(s.Format, payload, c.Team),
                    CreatedAt = now,
                    NextAttemptAt = now,
                });
            }
        }
        return (await MoveAsync(source, from, until, deliveries, ct), full);
    }

    /// <summary>The deliveries and the cursor together; another node that moved the cursor first wins, and this pass writes nothing.</summary>
    private async Task<int> MoveAsync(string source, long from, long until, List<WebhookDelivery> deliveries, CancellationToken ct)
    {
        await using var tx = await db.OwnTransactionAsync(ct);
        var moved = until == from ? 1 : await db.WebhookCursors.Where(c => c.Source == source && c.LastId == from).ExecuteUpdateAsync(u => u.SetProperty(c => c.LastId, until), ct);
        if (moved == 0)
        {
            return 0;
        }
        db.WebhookDeliveries.AddRange(deliveries);
        if (!await SaveIgnoringRaceAsync(ct))
        {
            return 0;
        }
        await tx.CommitIfOwnAsync(ct);
        return deliveries.Count;
    }

    private async Task<bool> SaveIgnoringRaceAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e)
        {
            // Another node wrote the same rows first (unique keys): theirs stand.
            logger.LogInformation("Webhook fan-out: another writer came first ({Error})", e.InnerException?.GetType().Name ?? e.GetType().Name);
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Called when an endpoint is made: from then on nothing that happens is passed over (the caller saves).</summary>
    public static Task StartCursorsAsync(GuichetDb db, CancellationToken ct) => ChangeFeed.StartAsync(db, Sources, ct);

    /// <summary>Rows written lately before the cursor may have committed after it moved: they are read again for <see cref="LateCommit"/>.</summary>
    public static readonly TimeSpan LateCommit = TimeSpan.FromMinutes(2);

    private sealed record EventRow(long Id, long CaseId, CaseEventKind Kind, DateTimeOffset At, string ActorName, string? From, string? To);

    /// <summary>The recent rows before the cursor, read again (<see cref="LateCommit"/>), and apart from them the rows past it, a batch at a time.</summary>
    private static async Task<(List<T> Late, List<T> Fresh)> ReadAsync<T>(IQueryable<T> late, IQueryable<T> fresh, CancellationToken ct) =>
        (await late.Take(Window).ToListAsync(ct), await fresh.Take(Batch).ToListAsync(ct));

    private async Task<(List<Happened> Happened, long Read, bool Full)> MessagesAsync(long from, bool withText, CancellationToken ct)
    {
        IQueryable<FedMessage> Rows(IQueryable<Message> messages) => messages.Read(db, withBody: withText, withSubject: false);
        var recent = clock.Now() - LateCommit;
        var (late, fresh) = await ReadAsync(Rows(db.Messages.Where(m => m.Id > from - Window && m.Id <= from && m.CreatedAt >= recent)), Rows(db.Messages.Where(m => m.Id > from)), ct);
        var read = late.Concat(fresh).ToList();
        var urgentAtOpening = await UrgentAtOpeningAsync([.. read.Where(m => m.Opened).Select(m => m.CaseId)], ct);
        var happened = new List<Happened>();
        foreach (var m in read)
        {
            // History brought by an import happened elsewhere, before: nobody is told of it.
            if (m.IsImported || WebhookEvents.TypeOf(m.Direction, m.Kind, m.IsAutomatic, m.Opened) is not { } type)
            {
                continue;
            }
            var message = new WebhookMessage(m.Id, m.Direction.ToWire(), m.Kind.ToWire(), m.Channel.ToWire(), m.AuthorName, m.Body);
            happened.Add(new Happened($"m{m.Id}", type, m.CaseId, m.CreatedAt, message, null));
            if (type == WebhookEvents.CaseOpened && urgentAtOpening.Contains(m.CaseId))
            {
                happened.Add(new Happened($"m{m.Id}u", WebhookEvents.Urgent, m.CaseId, m.CreatedAt, message, null));
            }
        }
        return (happened, read.Count == 0 ? 0 : read.Max(m => m.Id), fresh.Count == Batch);
    }

    /// <summary>
    /// The cases among these that were urgent when they opened: their first change of priority was
    /// from urgent, or they never changed and are urgent now (the fan-out may read them after a change).
    /// </summary>
    private async Task<HashSet<long>> UrgentAtOpeningAsync(List<long> caseIds, CancellationToken ct)
    {
        if (caseIds.Count == 0)
        {
            return [];
        }
        var urgent = CasePriority.Urgent.ToWire();
        var read = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                Now = c.Priority,
                FirstFrom = db.CaseEvents.Where(e => e.CaseId == c.Id && e.Kind == CaseEventKind.PriorityChanged).OrderBy(e => e.Id).Select(e => e.From).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. read.Where(c => c.FirstFrom is { } from ? from == urgent : c.Now == CasePriority.Urgent).Select(c => c.Id)];
    }

    private async Task<(List<Happened> Happened, long Read, bool Full)> EventsAsync(long from, CancellationToken ct)
    {
        static IQueryable<EventRow> Rows(IQueryable<CaseEvent> events) => events.AsNoTracking().OrderBy(e => e.Id).Select(e => new EventRow(e.Id, e.CaseId, e.Kind, e.At, e.ActorName, e.From, e.To));
        var recent = clock.Now() - LateCommit;
        var (late, fresh) = await ReadAsync(Rows(db.CaseEvents.Where(e => e.Id > from - Window && e.Id <= from && e.At >= recent)), Rows(db.CaseEvents.Where(e => e.Id > from)), ct);
        var rows = late.Concat(fresh).ToList();
        var happened = new List<Happened>();
        foreach (var e in rows)
        {
            if (WebhookEvents.TypeOf(e.Kind) is not { } type)
            {
                continue;
            }
            var change = new WebhookChange(e.Kind.ToWire(), e.ActorName, e.From, e.To);
            happened.Add(new Happened($"e{e.Id}", type, e.CaseId, e.At, null, change));
            if (e.Kind == CaseEventKind.PriorityChanged && e.To == CasePriority.Urgent.ToWire())
            {
                happened.Add(new Happened($"e{e.Id}u", WebhookEvents.Urgent, e.CaseId, e.At, null, change));
            }
        }
        return (happened, rows.Count == 0 ? 0 : rows.Max(e => e.Id), fresh.Count == Batch);
    }
}
