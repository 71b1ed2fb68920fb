using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Cases;

/// <summary>The inbox: one page of cases by the next promise due, the teams to filter by, and the agent's zone.</summary>
public sealed record InboxData(Page<CaseSummaryDto> Page, IReadOnlyList<Core.Teams.Team> Teams, string Zone)
{
    /// <summary>The reader's views with their counts (W4), and the one shown, if any.</summary>
    public IReadOnlyList<ViewFilter.Counted> Views { get; init; } = [];
    public Core.Cases.Views.View? View { get; init; }

    public sealed record Query(string Status, string? Team, bool Mine, int PageNumber, bool Waiting = false, string? Tag = null, long? View = null);

    public static async Task<InboxData> ReadAsync(HttpContext http, GuichetDb db, Query query, CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        var me = await http.CurrentAgentAsync(db);
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var counts = http.RequestServices.GetRequiredService<CaseCounts>();
        var views = me is null ? [] : await ViewFilter.CountedAsync(db, me, now, counts, ct);
        var view = views.Select(v => v.View).FirstOrDefault(v => v.Id == query.View);
        var filter = FilterOf(query, me, view, now);
        var page = await CaseList.ReadAsync(db, filter, me, counts, ct);
        return new InboxData(page, teams, teams.FirstOrDefault(t => t.Id == me?.TeamId)?.TimeZone ?? "Europe/Paris") { Views = views, View = view };
    }

    /// <summary>The list the inbox shows: the view chosen, else its filters.</summary>
    public static CaseList.Filter FilterOf(Query query, Core.Agents.Agent? me, Core.Cases.Views.View? view, DateTimeOffset now)
    {
        if (view is not null && me is not null)
        {
            return ViewFilter.Of(view, me, now, Math.Max(1, query.PageNumber), 50);
        }
        CaseStatus? status = WireNames.TryParseWire<CaseStatus>(query.Status, out var s) ? s : null;
        return new CaseList.Filter(status, query.Status == "active", string.IsNullOrEmpty(query.Team) ? null : query.Team,
            query.Mine ? me?.Id : null, null, Math.Max(1, query.PageNumber), 50, query.Waiting, Core.Cases.Tags.TagName.Normalise(query.Tag));
    }
}
