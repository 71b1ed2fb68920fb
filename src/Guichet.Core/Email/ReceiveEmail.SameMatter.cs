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
    private bool? assetsKept;

    private async Task<(SameMatter.OpenCase Case, MatterVerdict Verdict)?> SameMatterAsync(long customerId, IncomingMail mail, string subject, CancellationToken ct)
    {
        var (cases, customer) = await OpenMatters.CasesAsync(rows, db.Database.IsNpgsql(), customerId, ct);
        if (cases.Count == 0)
        {
            return null;
        }
        // Most help desks register no assets: asked once per intake rather than per message.
        assetsKept ??= (await rows.QueryAsync("""SELECT 1 FROM "CustomerAssets" LIMIT 1""", r => r.GetInt32(0), ct)).Count > 0;
        List<string> assets = assetsKept.Value
            ? await rows.QueryAsync("""SELECT "Reference", "Label" FROM "CustomerAssets" WHERE "CustomerId" = @p0""", r => r.GetString(0) + " " + r.GetString(1), ct, customerId)
            : [];
        return SameMatter.Choose(cases, subject, () => mail.Matter, assets, [customer!, mail.Name]);
    }
}
