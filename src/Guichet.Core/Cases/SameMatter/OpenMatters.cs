using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases;

/// <summary>
/// What the same-matter rule reads of a customer, for the doors that work through EF Core (the
/// API, the portal, chat, social media, calls): their newest open cases with what they wrote on
/// each, their registered assets and their name. The email intake reads the same with its own
/// reused commands (ReceiveEmail.SameMatter).
/// </summary>
public static class OpenMatters
{
    public static async Task<(IReadOnlyList<SameMatter.OpenCase> Cases, IReadOnlyList<string> Assets)> ReadAsync(GuichetDb db, long customerId, CancellationToken ct)
    {
        // One query: the newest open cases, each with what the customer last wrote on it.
        var open = await db.Cases.AsNoTracking().Active().Where(c => c.CustomerId == customerId)
            .OrderByDescending(c => c.Id).Take(SameMatter.CasesRead)
            .Select(c => new
            {
                c.Id,
                c.Reference,
                c.Subject,
                Written = c.Messages.Where(m => m.Direction == MessageDirection.In && !m.IsAutomatic && m.Kind != MessageKind.SideIn)
                    .OrderByDescending(m => m.Id).Take(SameMatter.MessagesRead).Select(m => m.Body).ToList(),
            })
            .ToListAsync(ct);
        var cases = open.OrderByDescending(c => c.Id).Select(c => new SameMatter.OpenCase(c.Id, c.Reference, c.Subject, new SameMatter.CaseText(c.Subject, c.Written))).ToList();
        var assets = open.Count == 0 ? [] : await db.CustomerAssets.AsNoTracking().Where(a => a.CustomerId == customerId)
            .Select(a => a.Reference + " " + a.Label).ToListAsync(ct);
        return (cases, assets);
    }
}
