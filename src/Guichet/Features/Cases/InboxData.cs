using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Cases;

/// <summary>The inbox: one page of cases by the next promise due, the teams to filter by, and the agent's zone.</summary>
public sealed record InboxData(Page<CaseSummaryDto> Page, IReadOnlyList<Core.Teams.Team> Teams, string Zone)
{
    public sealed record Query(string Status, string? Team, bool Mine, int PageNumber, bool Waiting = false, string? Tag = null);

    public static async Task<InboxData> ReadAsync(HttpContext http, GuichetDb db, Query query, CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        var me = await http.CurrentAgentAsync(db);
        CaseStatus? status = WireNames.TryParseWire<CaseStatus>(query.Status, out var s) ? s : null;
        var filter = new CaseList.Filter(status, query.Status == "active", string.IsNullOrEmpty(query.Team) ? null : query.Team,
            query.Mine ? me?.Id : null, null, Math.Max(1, query.PageNumber), 50, query.Waiting, Core.Cases.Tags.TagName.Normalise(query.Tag));
        var page = await CaseList.ReadAsync(db, filter, me, ct);
        return new InboxData(page, teams, teams.FirstOrDefault(t => t.Id == me?.TeamId)?.TimeZone ?? "Europe/Paris");
    }
}
