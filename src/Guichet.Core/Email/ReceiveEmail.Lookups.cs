using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Email;

/// <summary>What the intake asks the database: known mail, threads, references, customers, teams.</summary>
public sealed partial class ReceiveEmail
{
    // How the model stores these enum values, worked out once per instance rather than per message.
    private object[]? activeStatuses;

    /// <summary>The case of the first id, in the order given, that names a message Guichet sent or received.</summary>
    private async Task<long?> CaseByMessageIdsAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        foreach (var id in ids)
        {
            var hit = await rows.QueryAsync("""SELECT "CaseId" FROM "Messages" WHERE "InternetMessageId" = @p0 LIMIT 1""", r => r.GetInt64(0), ct, id);
            if (hit is [var caseId])
            {
                return caseId;
            }
        }
        return null;
    }

    private Task<long?> CustomerByEmailAsync(string address, CancellationToken ct) => CustomerRows.ByEmailAsync(rows, address, ct);

    private Task<List<(long Id, string Subject)>> ActiveCasesAsync(long customerId, CancellationToken ct)
    {
        activeStatuses ??= [.. new[] { CaseStatus.New, CaseStatus.Open, CaseStatus.WaitingOnCustomer }.Select(s => rows.Stored<Case>(nameof(Case.Status), s))];
        return rows.QueryAsync("""SELECT "Id", "Subject" FROM "Cases" WHERE "CustomerId" = @p0 AND "Status" IN (@p1, @p2, @p3)""", r => (r.GetInt64(0), r.GetString(1)), ct,
            customerId, activeStatuses[0], activeStatuses[1], activeStatuses[2]);
    }

    /// <summary>The case's latest messages people wrote, oldest first, for the escalation signals (one reused command, no change tracking).</summary>
    private async Task<IReadOnlyList<Routing.PastMessage>> HistoryAsync(long caseId, CancellationToken ct)
    {
        inbound ??= rows.Stored<Message>(nameof(Message.Direction), MessageDirection.In);
        var latest = await rows.QueryAsync(
            $"""SELECT "Id", "Direction", "Body" FROM "Messages" WHERE "CaseId" = @p0 AND "IsAutomatic" = @p1 ORDER BY "Id" DESC LIMIT {Routing.ReadCustomerMessage.HistoryLength}""",
            r => new Routing.PastMessage(Equals(r.GetValue(1), inbound) ? MessageDirection.In : MessageDirection.Out, r.GetString(2), false) { Id = r.GetInt64(0) },
            ct, caseId, false);
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

    private async Task<Receipt?> KnownAsync(IncomingMail mail, CancellationToken ct)
    {
        var known = await rows.QueryAsync("""SELECT "CaseId", "MessageId" FROM "InboundEmails" WHERE "Sha256" = @p0 LIMIT 1""", Read, ct, mail.Sha256);
        if (known.Count == 0 && mail.MessageId is not null)
        {
            known = await rows.QueryAsync("""SELECT "CaseId", "MessageId" FROM "InboundEmails" WHERE "MessageIdHeader" = @p0 LIMIT 1""", Read, ct, mail.MessageId);
        }
        return known is [var (caseId, messageId)] ? new Receipt(InboundOutcome.Duplicate, caseId, messageId) : null;

        static (long?, long?) Read(System.Data.Common.DbDataReader r) => (r.IsDBNull(0) ? null : r.GetInt64(0), r.IsDBNull(1) ? null : r.GetInt64(1));
    }
}
