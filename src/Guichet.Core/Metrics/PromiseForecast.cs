using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Promises;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Metrics;

/// <summary>
/// The promises falling due in the next 24 hours (SPEC M4), whoever made them: what a lead must
/// staff today so that none lapses. Test journeys are left out; the filter's team and channel apply.
/// </summary>
public sealed record PromiseForecast(IReadOnlyList<PromiseForecast.Due> Promises, IReadOnlyList<int> PerHour)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public sealed record Due(long Id, long CaseId, string Reference, string What, DateTimeOffset DueAt, string Team, string? Owner);

    public static async Task<PromiseForecast> ReadAsync(GuichetDb db, TimeProvider clock, string? team, Channel? channel, CancellationToken ct = default)
    {
        var now = clock.Now();
        var until = now + Window;
        var due = await db.Promises.AsNoTracking()
            .Where(p => (p.State == PromiseState.Open || p.State == PromiseState.Renegotiated) && p.DueAt > now && p.DueAt <= until)
            .Where(p => p.Case.Origin == CaseOrigin.Contact && (team == null || p.Case.Team.Slug == team) && (channel == null || p.Case.Channel == channel))
            .OrderBy(p => p.DueAt)
            .Select(p => new Due(p.Id, p.CaseId, p.Case.Reference, p.What, p.DueAt, p.Case.Team.Name, p.Owner != null ? p.Owner.Name : null))
            .ToListAsync(ct);
        var perHour = new int[(int)Window.TotalHours];
        foreach (var p in due)
        {
            perHour[Math.Min(perHour.Length - 1, (int)((p.DueAt - now).TotalHours))]++;
        }
        return new PromiseForecast(due, perHour);
    }

    /// <summary>The list as a person may read it: the promises of the cases in their view; the counts per hour stay whole (issue 21).</summary>
    public async Task<PromiseForecast> SeenByAsync(GuichetDb db, Agents.Agent? viewer, CancellationToken ct)
    {
        if (viewer?.SeesEveryTeam == true)
        {
            return this;
        }
        var ids = Promises.Select(p => p.CaseId).Distinct().ToList();
        var visible = (await db.Cases.VisibleTo(viewer).Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        return this with { Promises = Promises.Where(p => visible.Contains(p.CaseId)).ToList() };
    }
}
