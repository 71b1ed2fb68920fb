using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Live;

/// <summary>
/// The workspace's live connection (W1, W2). Each signed-in page joins its person's groups (their
/// alerts; their team's or every team's cases); a case page watches its case once the person is
/// shown to see it, and says who reads or writes there. Only ids travel: pages fetch what changed
/// with the reader's own rights.
/// </summary>
public sealed class WorkspaceHub(GuichetDb db, ILiveBus bus) : Hub
{
    public static string AgentGroup(long agentId) => $"agent-{agentId}";
    public static string TeamGroup(long teamId) => $"team-{teamId}";
    public static string CaseGroup(long caseId) => $"case-{caseId}";
    public const string EveryTeam = "every-team";

    private const string NameKey = "name";
    private const string AgentKey = "agent";
    private const string WatchedKey = "watched";
    // Pages tell people apart by a word of their own, never by the connection's id.
    private const string WhoKey = "who";

    public override async Task OnConnectedAsync()
    {
        var agent = Context.GetHttpContext() is { } http ? await http.CurrentAgentAsync(db) : null;
        if (agent is null)
        {
            Context.Abort();
            return;
        }
        Context.Items[AgentKey] = agent;
        Context.Items[NameKey] = agent.Name;
        Context.Items[WatchedKey] = new HashSet<long>();
        Context.Items[WhoKey] = Guid.NewGuid().ToString("N")[..12];
        await Groups.AddToGroupAsync(Context.ConnectionId, AgentGroup(agent.Id));
        await Groups.AddToGroupAsync(Context.ConnectionId, agent.SeesEveryTeam ? EveryTeam : TeamGroup(agent.TeamId));
        await base.OnConnectedAsync();
    }

    /// <summary>Follows a case the person may see and returns the word that names this page in presence; null (and nothing joined) otherwise.</summary>
    public async Task<string?> Watch(long caseId)
    {
        if (Context.Items[AgentKey] is not Agent agent)
        {
            return null;
        }
        var found = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.TeamId, c.OwnerId }).FirstOrDefaultAsync(Context.ConnectionAborted);
        if (found is null || !await db.SeesCaseAsync(agent, caseId, found.TeamId, found.OwnerId, Context.ConnectionAborted))
        {
            return null;
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, CaseGroup(caseId), Context.ConnectionAborted);
        Watched.Add(caseId);
        Announce(caseId, "reading");
        return (string)Context.Items[WhoKey]!;
    }

    /// <summary>The person reads or writes on a watched case (W2); others on it are told.</summary>
    public void Here(long caseId, string state)
    {
        if (Watched.Contains(caseId) && state is "reading" or "writing")
        {
            Announce(caseId, state);
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.ContainsKey(WatchedKey))
        {
            foreach (var caseId in Watched)
            {
                Announce(caseId, "left");
            }
        }
        return base.OnDisconnectedAsync(exception);
    }

    private HashSet<long> Watched => (HashSet<long>)Context.Items[WatchedKey]!;

    // Through the bus, not this node's groups: the people on the case may be on another node.
    private void Announce(long caseId, string state) =>
        bus.Publish(new LiveSignal([], [], new CasePresence(caseId, (string)Context.Items[WhoKey]!, (string)Context.Items[NameKey]!, state)));
}
