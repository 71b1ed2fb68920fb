using Guichet.Core;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Metrics;
using Guichet.Core.Promises;
using Guichet.Core.Replies;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Guichet.Features.Simulation;

/// <summary>What the strike did to the service, read back from the database the simulation wrote.</summary>
public sealed record StrikeReport(
    StrikeOptions Options,
    int Contacts,
    int FollowUpsJoined,
    int Customers,
    int Cases,
    int MaxCasesPerCustomer,
    int Acknowledgments,
    int AcknowledgmentsWithDate,
    int FirstResponseKept,
    int FirstResponseRenegotiated,
    int FirstResponseBroken,
    int FirstResponseStillOpen,
    int SilentBreaches,
    int NoticesSent,
    int CeilingAlerts,
    int CeilingApprovals,
    int Unanswered,
    double FirstAnswerP50Hours,
    double FirstAnswerP95Hours,
    IReadOnlyList<StrikeReport.Day> Days,
    int Transfers = 0,
    int CasesTransferred = 0,
    int MaxTransfersPerCase = 0,
    int ReExplanations = 0,
    int CasesWithReExplanation = 0,
    int ContactChangesTold = 0,
    IReadOnlyDictionary<string, int>? Escalations = null,
    ServiceFigures? Figures = null,
    int HandedOverAtCeiling = 0,
    int PastCeilingUnapproved = 0)
{
    public sealed record Day(DateOnly Date, int Contacts, int Answers, int Notices, int WaitingAtEnd);

    public double CasesPerCustomer => Customers == 0 ? 0 : (double)Cases / Customers;

    public double TransfersPerCase => Cases == 0 ? 0 : (double)Transfers / Cases;

    public double AcknowledgedWithDateShare => Acknowledgments == 0 ? 0 : (double)AcknowledgmentsWithDate / Acknowledgments;

    public static async Task<StrikeReport> ReadAsync(IServiceProvider services, StrikeOptions options, int contacts, int joined, IReadOnlyList<Day> days, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();

        var perCustomer = await db.Cases.GroupBy(c => c.CustomerId).Select(g => g.Count()).ToListAsync(ct);
        var acknowledgments = await AcknowledgmentsAsync(db, ct);
        var firstResponses = await db.Promises.Where(p => p.Kind == PromiseKind.FirstResponse)
            .Select(p => new { p.State, Renegotiated = p.Renegotiations.Any() }).ToListAsync(ct);
        var counts = await PromiseCounts.ReadAsync(db, clock, ct);
        // Effort, channel parity, promise keeping and surveys as the dashboard computes them (M1–M4).
        var figures = await ServiceFigures.ReadAsync(db, clock, new MetricFilter(options.Start, now.AddSeconds(1)), MetricGrouping.Week, ct);
        var answers = await db.Cases
            .Select(c => new { c.CreatedAt, First = c.Messages.Where(m => m.Direction == MessageDirection.Out && !m.IsAutomatic).Min(m => (DateTimeOffset?)m.CreatedAt) })
            .ToListAsync(ct);
        var waits = answers.Where(a => a.First is not null).Select(a => (a.First!.Value - a.CreatedAt).TotalHours).Order().ToList();
        var effort = await db.Cases.Select(c => new { c.Transfers, c.ReExplanations }).ToListAsync(ct);
        var escalations = (await db.Cases.Where(c => c.EscalationCodes != "").Select(c => c.EscalationCodes).ToListAsync(ct))
            .SelectMany(codes => codes.Split(',', StringSplitOptions.RemoveEmptyEntries))
            .GroupBy(code => code, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        return new StrikeReport(
            options,
            contacts,
            joined,
            await db.Customers.CountAsync(ct),
            perCustomer.Count == 0 ? 0 : perCustomer.Sum(),
            perCustomer.Count == 0 ? 0 : perCustomer.Max(),
            acknowledgments.Total,
            acknowledgments.WithDate,
            firstResponses.Count(p => p.State == PromiseState.Kept),
            firstResponses.Count(p => p.Renegotiated),
            firstResponses.Count(p => p.State == PromiseState.Broken),
            firstResponses.Count(p => p.State is PromiseState.Open or PromiseState.Renegotiated),
            counts.SilentBreaches,
            await db.Messages.CountAsync(m => m.Kind == MessageKind.DelayNotice || m.Kind == MessageKind.LateNotice, ct),
            await db.CaseEvents.CountAsync(e => e.Kind == CaseEventKind.CeilingNear, ct),
            await db.CaseEvents.CountAsync(e => e.Kind == CaseEventKind.CeilingApproved, ct),
            answers.Count(a => a.First is null),
            Percentile(waits, 0.50),
            Percentile(waits, 0.95),
            days,
            effort.Sum(e => e.Transfers),
            effort.Count(e => e.Transfers > 0),
            effort.Count == 0 ? 0 : effort.Max(e => e.Transfers),
            effort.Sum(e => e.ReExplanations),
            effort.Count(e => e.ReExplanations > 0),
            await db.Messages.CountAsync(m => m.Kind == MessageKind.ContactChange, ct),
            escalations,
            figures,
            await db.CaseEvents.Where(e => e.Kind == CaseEventKind.CeilingHandedOver).Select(e => e.CaseId).Distinct().CountAsync(ct),
            await PastCeilingUnapprovedAsync(db, ct));
    }

    /// <summary>
    /// P5: dates given past a case's ceiling that no manager approved. A hand-over at the ceiling
    /// gives the manager's own date and is counted apart (<see cref="HandedOverAtCeiling"/>).
    /// </summary>
    private static async Task<int> PastCeilingUnapprovedAsync(GuichetDb db, CancellationToken ct)
    {
        var moves = await (from r in db.Set<PromiseRenegotiation>()
                           join p in db.Promises on r.PromiseId equals p.Id
                           join c in db.Cases on p.CaseId equals c.Id
                           select new { p.CaseId, r.NewDueAt, r.At, c.CeilingAt, c.CeilingApprovedUntil }).ToListAsync(ct);
        var handovers = (await db.CaseEvents.Where(e => e.Kind == CaseEventKind.CeilingHandedOver).Select(e => new { e.CaseId, e.At }).ToListAsync(ct))
            .Select(e => (e.CaseId, e.At)).ToHashSet();
        var moved = moves.Count(m => m.NewDueAt > m.CeilingAt && (m.CeilingApprovedUntil is null || m.NewDueAt > m.CeilingApprovedUntil) && !handovers.Contains((m.CaseId, m.At)));
        // A new date after a lapse (late notice) past the ceiling: the old way of never leaving the customer silent.
        var replaced = await db.Messages.Where(m => m.Kind == MessageKind.LateNotice && m.Promise != null)
            .CountAsync(m => m.Promise!.DueAt > m.Promise.Case.CeilingAt && (m.Promise.Case.CeilingApprovedUntil == null || m.Promise.DueAt > m.Promise.Case.CeilingApprovedUntil), ct);
        return moved + replaced;
    }

    /// <summary>Every automatic acknowledgment, and how many state their promise's due date written out (P1).</summary>
    private static async Task<(int Total, int WithDate)> AcknowledgmentsAsync(GuichetDb db, CancellationToken ct)
    {
        var rows = await db.Messages
            .Where(m => m.Kind == MessageKind.Acknowledgment && m.Promise != null)
            .Select(m => new { m.Body, m.CreatedAt, Due = m.Promise!.Renegotiations.OrderBy(r => r.At).Select(r => (DateTimeOffset?)r.OldDueAt).FirstOrDefault() ?? m.Promise.DueAt, m.Promise.Case.Customer.Language, m.Promise.Case.Customer.TimeZone })
            .ToListAsync(ct);
        var withDate = rows.Count(r => Acknowledgment.StatesDate(r.Body, r.Due, r.Language, r.TimeZone, r.CreatedAt));
        return (rows.Count, withDate);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
