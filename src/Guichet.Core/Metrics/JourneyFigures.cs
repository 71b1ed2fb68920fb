using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Journeys;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Metrics;

/// <summary>
/// Test journeys' results (SPEC M5) over the runs started in a period: passed, failed, still
/// running, and the latest run with what failed. Only here: their cases count nowhere else.
/// </summary>
public sealed record JourneyFigures(long Id, string Name, string Channel, bool Enabled, int Runs, int Passed, int Failed, int Running, double? PassedShare,
    DateTimeOffset? LastStartedAt, string? LastState, string? LastFailures, long? LastCaseId)
{
    public static async Task<List<JourneyFigures>> ReadAsync(GuichetDb db, MetricFilter filter, CancellationToken ct = default)
    {
        var journeys = await db.TestJourneys.AsNoTracking().OrderBy(j => j.Name).ToListAsync(ct);
        var runs = await db.JourneyRuns.AsNoTracking().Where(r => r.StartedAt >= filter.From && r.StartedAt < filter.To)
            .Select(r => new { r.Id, r.JourneyId, r.State, r.StartedAt, r.Failures, r.CaseId }).ToListAsync(ct);
        return journeys.Select(j =>
        {
            var mine = runs.Where(r => r.JourneyId == j.Id).ToList();
            var last = mine.MaxBy(r => (r.StartedAt, r.Id));
            var passed = mine.Count(r => r.State == JourneyRunState.Passed);
            var failed = mine.Count(r => r.State == JourneyRunState.Failed);
            return new JourneyFigures(j.Id, j.Name, j.Channel.ToWire(), j.Enabled, mine.Count, passed, failed, mine.Count(r => r.State == JourneyRunState.Running),
                passed + failed == 0 ? null : Quantiles.Share(passed, passed + failed), last?.StartedAt, last?.State.ToWire(), last is { Failures.Length: > 0 } ? last.Failures : null, last?.CaseId);
        }).ToList();
    }
}
