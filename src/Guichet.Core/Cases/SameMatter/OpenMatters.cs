using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases;

/// <summary>
/// What the same-matter rule reads of a customer: their newest open cases with what they last
/// wrote on each, and their registered assets. One statement for every door (the email intake
/// with its reused commands, the API, portal, chat, social media and calls through EF Core),
/// written by hand because EF Core's form of "each case's last messages" is a ROW_NUMBER over
/// the whole Messages table, which both databases computed at every contact (issue 29).
/// </summary>
public static class OpenMatters
{
    private static readonly string From = $"""
        SELECT c."Id", c."Reference", c."Subject", u."Name", m."Body"
        FROM (SELECT "Id", "Reference", "Subject", "CustomerId" FROM "Cases" WHERE "CustomerId" = @p0 AND "Status" IN (@p1, @p2, @p3) ORDER BY "Id" DESC LIMIT {SameMatter.CasesRead}) c
        JOIN "Customers" u ON u."Id" = c."CustomerId"
        """;
    private static readonly string LastWritten = $"""
        FROM "Messages" w WHERE w."CaseId" = c."Id" AND w."Direction" = @p4 AND w."IsAutomatic" = @p5 AND w."Kind" <> @p6 ORDER BY w."Id" DESC LIMIT {SameMatter.MessagesRead}
        """;
    internal static readonly string OnSqlite = $"""
        {From}
        LEFT JOIN "Messages" m ON m."Id" IN (SELECT w."Id" {LastWritten})
        ORDER BY c."Id" DESC, m."Id" DESC
        """;
    // PostgreSQL makes no semi-join of an IN over a correlated LIMIT: it read every message once per
    // mail (43 mails/s at 40,000 messages, issue 29). A lateral join reads each case's few.
    internal static readonly string OnPostgres = $"""
        {From}
        LEFT JOIN LATERAL (SELECT w."Id", w."Body" {LastWritten}) m ON TRUE
        ORDER BY c."Id" DESC, m."Id" DESC
        """;

    /// <summary>The customer's open cases, newest first, and their name (null when they have no open case).</summary>
    public static async Task<(List<SameMatter.OpenCase> Cases, string? CustomerName)> CasesAsync(ModelRows rows, bool postgres, long customerId, CancellationToken ct)
    {
        var read = await rows.QueryAsync(
            postgres ? OnPostgres : OnSqlite,
            r => (Id: r.GetInt64(0), Reference: r.GetString(1), Subject: r.GetString(2), Customer: r.GetString(3), Body: r.IsDBNull(4) ? null : r.GetString(4)),
            ct, customerId,
            rows.Stored<Case>(nameof(Case.Status), CaseStatus.New), rows.Stored<Case>(nameof(Case.Status), CaseStatus.Open),
            rows.Stored<Case>(nameof(Case.Status), CaseStatus.WaitingOnCustomer), rows.Stored<Message>(nameof(Message.Direction), MessageDirection.In),
            false, rows.Stored<Message>(nameof(Message.Kind), MessageKind.SideIn));
        var cases = read.GroupBy(o => o.Id)
            .Select(c => new SameMatter.OpenCase(c.Key, c.First().Reference, c.First().Subject, new SameMatter.CaseText(c.First().Subject, [.. c.Select(o => o.Body).OfType<string>()])))
            .ToList();
        return (cases, read.Count == 0 ? null : read[0].Customer);
    }

    /// <summary>The same for the doors that work through EF Core, inside the caller's transaction.</summary>
    public static async Task<(IReadOnlyList<SameMatter.OpenCase> Cases, IReadOnlyList<string> Assets)> ReadAsync(GuichetDb db, long customerId, CancellationToken ct)
    {
        await using var rows = new ModelRows(db);
        var (cases, _) = await CasesAsync(rows, db.Database.IsNpgsql(), customerId, ct);
        var assets = cases.Count == 0 ? [] : await db.CustomerAssets.AsNoTracking().Where(a => a.CustomerId == customerId)
            .Select(a => a.Reference + " " + a.Label).ToListAsync(ct);
        return (cases, assets);
    }
}
