using Guichet.Core.Cases;

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

    private async Task<(SameMatter.OpenCase Case, MatterVerdict Verdict)?> SameMatterAsync(long customerId, IncomingMail mail, string subject, CancellationToken ct)
    {
        activeStatuses ??= [.. new[] { CaseStatus.New, CaseStatus.Open, CaseStatus.WaitingOnCustomer }.Select(s => rows.Stored<Case>(nameof(Case.Status), s))];
        var open = await rows.QueryAsync(
            $"""SELECT c."Id", c."Reference", c."Subject", u."Name" FROM "Cases" c JOIN "Customers" u ON u."Id" = c."CustomerId" WHERE c."CustomerId" = @p0 AND c."Status" IN (@p1, @p2, @p3) ORDER BY c."Id" DESC LIMIT {SameMatter.CasesRead}""",
            r => (Id: r.GetInt64(0), Reference: r.GetString(1), Subject: r.GetString(2), Customer: r.GetString(3)), ct, customerId, activeStatuses[0], activeStatuses[1], activeStatuses[2]);
        if (open.Count == 0)
        {
            return null;
        }
        // The same subject needs no more reading.
        if (SubjectKey.SameMatter(open.Select(o => (o.Id, o.Subject)), subject) is { } id)
        {
            var same = open.First(o => o.Id == id);
            return (new SameMatter.OpenCase(same.Id, same.Reference, same.Subject, new SameMatter.CaseText(same.Subject, [])), new MatterVerdict(MatterLink.Same, JoinReason.Subject, SubjectKey.Of(subject)));
        }
        inbound ??= rows.Stored<Message>(nameof(Message.Direction), MessageDirection.In);
        var cases = new List<SameMatter.OpenCase>(open.Count);
        foreach (var c in open)
        {
            var written = await rows.QueryAsync(
                $"""SELECT "Body" FROM "Messages" WHERE "CaseId" = @p0 AND "Direction" = @p1 AND "IsAutomatic" = @p2 ORDER BY "Id" DESC LIMIT {SameMatter.MessagesRead}""",
                r => r.GetString(0), ct, c.Id, inbound, false);
            cases.Add(new SameMatter.OpenCase(c.Id, c.Reference, c.Subject, new SameMatter.CaseText(c.Subject, written)));
        }
        // Most help desks register no assets: asked once per intake rather than per message.
        assetsKept ??= (await rows.QueryAsync("""SELECT 1 FROM "CustomerAssets" LIMIT 1""", r => r.GetInt32(0), ct)).Count > 0;
        List<string> assets = assetsKept.Value
            ? await rows.QueryAsync("""SELECT "Reference", "Label" FROM "CustomerAssets" WHERE "CustomerId" = @p0""", r => r.GetString(0) + " " + r.GetString(1), ct, customerId)
            : [];
        return SameMatter.Choose(cases, subject, mail.Text, assets, [open[0].Customer, mail.Name]);
    }
}
