using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Email;

/// <summary>What the intake asks the database: known mail, threads, references, customers, teams.</summary>
public sealed partial class ReceiveEmail
{

    private Task<long?> CustomerByEmailAsync(string address, CancellationToken ct) => CustomerRows.ByEmailAsync(rows, address, ct);

    /// <summary>The case's latest messages people wrote, oldest first, for the escalation signals (one reused command, no change tracking).</summary>
    private async Task<IReadOnlyList<Routing.PastMessage>> HistoryAsync(long caseId, CancellationToken ct)
    {
        inbound ??= rows.Stored<Message>(nameof(Message.Direction), MessageDirection.In);
        var latest = await rows.QueryAsync(
            $"""SELECT "Id", "Direction", "Body" FROM "Messages" WHERE "CaseId" = @p0 AND "IsAutomatic" = @p1 AND "Kind" NOT IN (@p2, @p3) ORDER BY "Id" DESC LIMIT {Routing.ReadCustomerMessage.HistoryLength}""",
            r => new Routing.PastMessage(Equals(r.GetValue(1), inbound) ? MessageDirection.In : MessageDirection.Out, r.GetString(2), false) { Id = r.GetInt64(0) },
            ct, caseId, false, rows.Stored<Message>(nameof(Message.Kind), MessageKind.SideOut), rows.Stored<Message>(nameof(Message.Kind), MessageKind.SideIn));
        latest.Reverse();
        return latest;
    }

    /// <summary>Every team, read once per intake.</summary>
    private async Task<List<Team>> TeamsAsync(CancellationToken ct) => teams ??= await db.Teams.AsNoTracking().Receiving(null).ToListAsync(ct);

    /// <summary>The team named by the door (?team=, --imap …=team), else the one whose mailbox the mail was sent to, else the default team (not named: routing may choose).</summary>
    private async Task<(Team Team, bool Named)> TeamAsync(string? slug, IReadOnlyList<string> recipients, CancellationToken ct)
    {
        var teams = await TeamsAsync(ct);
        var named = slug is not null
            ? teams.FirstOrDefault(t => t.Slug == slug)
            : teams.FirstOrDefault(t => t.MailAddress is not null && recipients.Contains(t.MailAddress, StringComparer.Ordinal));
        var team = named ?? (slug is null ? teams.FirstOrDefault() : null);
        return (team ?? throw new InvalidOperationException(slug is null ? "No team exists yet to receive the case." : $"team: There is no team '{slug}'."), named is not null);
    }

    /// <summary>The crises not ended, newest first, read once per intake.</summary>
    private async Task<List<Incidents.Crisis>> CrisesAsync(CancellationToken ct) => crises ??= await Incidents.DeclareCrisis.NotEndedAsync(db, ct);

    /// <summary>The routing rules, read once per intake.</summary>
    private async Task<List<Routing.RoutingRule>> RulesAsync(CancellationToken ct) => rules ??= await db.RoutingRules.AsNoTracking().ToListAsync(ct);
}
