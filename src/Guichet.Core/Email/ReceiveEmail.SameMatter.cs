using Guichet.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Email;

/// <summary>
/// The same-matter step (C1 by content): a known customer writing under a new subject joins the
/// open case the rule finds it is about (<see cref="SameMatter"/>), or opens a new case that says
/// "perhaps the same matter". Read with the intake's reused commands, newest cases first.
/// </summary>
public sealed partial class ReceiveEmail
{
    private object[]? activeStatuses;
    private bool? assetsKept;

    private static readonly string OpenCasesFrom = $"""
        SELECT c."Id", c."Reference", c."Subject", u."Name", m."Body"
        FROM (SELECT "Id", "Reference", "Subject", "CustomerId" FROM "Cases" WHERE "CustomerId" = @p0 AND "Status" IN (@p1, @p2, @p3) ORDER BY "Id" DESC LIMIT {SameMatter.CasesRead}) c
        JOIN "Customers" u ON u."Id" = c."CustomerId"
        """;
    private static readonly string LastWritten = $"""
        FROM "Messages" w WHERE w."CaseId" = c."Id" AND w."Direction" = @p4 AND w."IsAutomatic" = @p5 AND w."Kind" <> @p6 ORDER BY w."Id" DESC LIMIT {SameMatter.MessagesRead}
        """;
    private static readonly string OpenCasesOnSqlite = $"""
        {OpenCasesFrom}
        LEFT JOIN "Messages" m ON m."Id" IN (SELECT w."Id" {LastWritten})
        ORDER BY c."Id" DESC, m."Id" DESC
        """;
    // PostgreSQL makes no semi-join of an IN over a correlated LIMIT: it read every message once per
    // mail (43 mails/s at 40,000 messages, issue 29). A lateral join reads each case's few.
    internal static readonly string OpenCasesOnPostgres = $"""
        {OpenCasesFrom}
        LEFT JOIN LATERAL (SELECT w."Id", w."Body" {LastWritten}) m ON TRUE
        ORDER BY c."Id" DESC, m."Id" DESC
        """;

    private async Task<(SameMatter.OpenCase Case, MatterVerdict Verdict)?> SameMatterAsync(long customerId, IncomingMail mail, string subject, CancellationToken ct)
    {
        activeStatuses ??= [.. new[] { CaseStatus.New, CaseStatus.Open, CaseStatus.WaitingOnCustomer }.Select(s => rows.Stored<Case>(nameof(Case.Status), s))];
        inbound ??= rows.Stored<Message>(nameof(Message.Direction), MessageDirection.In);
        // One query: the newest open cases, each with what the customer last wrote on it (none when they wrote nothing).
        var read = await rows.QueryAsync(
            db.Database.IsNpgsql() ? OpenCasesOnPostgres : OpenCasesOnSqlite,
            r => (Id: r.GetInt64(0), Reference: r.GetString(1), Subject: r.GetString(2), Customer: r.GetString(3), Body: r.IsDBNull(4) ? null : r.GetString(4)),
            ct, customerId, activeStatuses[0], activeStatuses[1], activeStatuses[2], inbound, false, rows.Stored<Message>(nameof(Message.Kind), MessageKind.SideIn));
        if (read.Count == 0)
        {
            return null;
        }
        var cases = read.GroupBy(o => o.Id)
            .Select(c => new SameMatter.OpenCase(c.Key, c.First().Reference, c.First().Subject, new SameMatter.CaseText(c.First().Subject, [.. c.Select(o => o.Body).OfType<string>()])))
            .ToList();
        // Most help desks register no assets: asked once per intake rather than per message.
        assetsKept ??= (await rows.QueryAsync("""SELECT 1 FROM "CustomerAssets" LIMIT 1""", r => r.GetInt32(0), ct)).Count > 0;
        List<string> assets = assetsKept.Value
            ? await rows.QueryAsync("""SELECT "Reference", "Label" FROM "CustomerAssets" WHERE "CustomerId" = @p0""", r => r.GetString(0) + " " + r.GetString(1), ct, customerId)
            : [];
        return SameMatter.Choose(cases, subject, () => mail.Matter, assets, [read[0].Customer, mail.Name]);
    }
}
