using Guichet.Core.Data;
using Guichet.Core.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Live;

/// <summary>
/// Turns the signals this node receives (its own and other nodes') into pushes to the pages
/// connected here (W1): a changed case to those watching it, a nudge to the inboxes of its team,
/// of every-team readers and of its owner, an alert to its person, presence to a case's watchers.
/// Signals that arrive together are sent together, so a burst costs one read of the cases.
/// </summary>
public sealed class LiveRelay(ILiveBus bus, CaseChanges changes, IHubContext<WorkspaceHub> hub, IServiceScopeFactory scopes, ILogger<LiveRelay> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = bus.Received;
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            var cases = new HashSet<long>();
            var alerts = new HashSet<long>();
            var everything = false;
            while (reader.TryRead(out var signal))
            {
                if (signal.Presence is { } presence)
                {
                    await hub.Clients.Group(WorkspaceHub.CaseGroup(presence.CaseId)).SendAsync("presence", presence, stoppingToken);
                }
                everything |= signal.Everything;
                cases.UnionWith(signal.Cases);
                alerts.UnionWith(signal.Alerts);
            }
            if (everything || cases.Count > 0)
            {
                // Another node's change too: what this node computed from the cases is stale.
                changes.Moved();
            }
            try
            {
                await SendAsync(cases, alerts, everything, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A page that misses one push catches up on the next; the relay must outlive a database blip.
                log.LogWarning(e, "Live updates for {Cases} case(s) could not be sent", cases.Count);
            }
        }
    }

    private async Task SendAsync(HashSet<long> cases, HashSet<long> alerts, bool everything, CancellationToken ct)
    {
        if (everything)
        {
            await hub.Clients.All.SendAsync("refresh", ct);
            return;
        }
        foreach (var agent in alerts)
        {
            await hub.Clients.Group(WorkspaceHub.AgentGroup(agent)).SendAsync("alert", ct);
        }
        if (cases.Count == 0)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        var ids = cases.ToList();
        var found = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.TeamId, c.OwnerId }).ToListAsync(ct);
        var inboxes = new HashSet<string> { WorkspaceHub.EveryTeam };
        foreach (var c in found)
        {
            await hub.Clients.Group(WorkspaceHub.CaseGroup(c.Id)).SendAsync("case", c.Id, ct);
            inboxes.Add(WorkspaceHub.TeamGroup(c.TeamId));
            if (c.OwnerId is { } owner)
            {
                inboxes.Add(WorkspaceHub.AgentGroup(owner));
            }
        }
        await hub.Clients.Groups(inboxes.ToList()).SendAsync("inbox", ct);
    }
}
