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
    /// <summary>The columns shown (the view's, else the inbox's), and what some of them need beyond the case's summary.</summary>
    public IReadOnlyList<string> Columns { get; init; } = Core.Cases.Views.ViewColumns.Default;
    public InboxColumns Extra { get; init; } = InboxColumns.None;
    /// <summary>The order the list is read in.</summary>
    public string Sort { get; init; } = "due";
    /// <summary>Whether the reader may change or remove the view shown (theirs, their team's as its lead, any as an admin).</summary>
    public bool MayChangeView { get; init; }

    public sealed record Query(string Status, string? Team, bool Mine, int PageNumber, bool Waiting = false, string? Tag = null, long? View = null, string? Sort = null);

    public static async Task<InboxData> ReadAsync(HttpContext http, GuichetDb db, Query query, CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        var me = await http.CurrentAgentAsync(db);
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var counts = http.RequestServices.GetRequiredService<CaseCounts>();
        // A page opened shows the counts it has at once, recounted behind after a change; its live
        // redraw counts again the views of up to 10,000 cases, so they follow their cases, and shows
        // the last count of longer ones (decision 0041): a redraw after each change must not count them all.
        var live = http.Request.Headers.ContainsKey("X-Live");
        var views = me is null ? [] : await ViewFilter.CountedAsync(db, me, now, counts, ct, live ? ViewFilter.Counting.Live : ViewFilter.Counting.Sidebar);
        var view = views.Select(v => v.View).FirstOrDefault(v => v.Id == query.View);
        var filter = FilterOf(query, me, view, now);
        // A column's header reorders the list for this reading only; the view keeps its own order.
        if (query.Sort is { } sort && CaseList.Orders.ContainsKey(sort))
        {
            filter = filter with { Sort = sort };
        }
        var page = await CaseList.ReadAsync(db, filter, me, counts, ct);
        var columns = view is { Columns.Count: > 0 } ? view.Columns : Core.Cases.Views.ViewColumns.Default;
        return new InboxData(page, teams, teams.FirstOrDefault(t => t.Id == me?.TeamId)?.TimeZone ?? "Europe/Paris")
        {
            Views = views, View = view, Columns = columns, Sort = filter.Sort, MayChangeView = view is not null && me is not null && view.MayChange(me),
            Extra = await InboxColumns.ReadAsync(db, columns, page.Items, ct),
        };
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
