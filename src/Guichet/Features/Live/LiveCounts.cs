using Guichet.Core.Agents;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Live;

/// <summary>
/// The menu's counters (issue 24): unread alerts, and customers waiting for an answer among the
/// cases of the person's team and their own (every team's for those who see every team). Read on
/// each page and again when a live signal says they moved; both read an index, never the history.
/// </summary>
public static class LiveCounts
{
    public sealed record Counts(int Alerts, int Waiting);

    public static async Task<Counts> OfAsync(GuichetDb db, Agent me, CancellationToken ct)
    {
        var alerts = await Notifications.NotificationsData.UnreadAsync(db, me.Id, ct);
        var waiting = db.Cases.Where(c => c.CustomerWaitingSince != null);
        if (!me.SeesEveryTeam)
        {
            waiting = waiting.Where(c => c.TeamId == me.TeamId || c.OwnerId == me.Id);
        }
        return new Counts(alerts, await waiting.CountAsync(ct));
    }

    public static async Task<IResult> ReadAsync(HttpContext http, GuichetDb db, CancellationToken ct) =>
        await http.CurrentAgentAsync(db) is { } me ? TypedResults.Json(await OfAsync(db, me, ct)) : TypedResults.Unauthorized();
}
