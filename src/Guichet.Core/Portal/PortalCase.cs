using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Portal;

/// <summary>The case behind a private link, and the customer writing again from it.</summary>
public sealed class PortalCase(GuichetDb db, TimeProvider clock)
{
    /// <summary>The case a token opens; null for any token that is not a live one (nothing tells them apart).</summary>
    public async Task<long?> FindAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }
        var hash = PortalAccess.Hash(token);
        return await db.PortalAccesses.Where(a => a.TokenHash == hash && a.RevokedAt == null).Select(a => (long?)a.CaseId).FirstOrDefaultAsync(ct);
    }

    public async Task<Result<Message>> ReplyAsync(string token, string? body, CancellationToken ct = default)
    {
        if (await FindAsync(token, ct) is not { } caseId || await db.FindCaseAsync(caseId, ct) is not { } @case)
        {
            return Failure.NotFound("token", "This link does not open a case.");
        }
        if (string.IsNullOrWhiteSpace(body))
        {
            return Failure.Invalid("body", "Write your message.");
        }
        if (body.Length > OpenCaseRequest.MaxBodyLength)
        {
            return Failure.Invalid("body", $"The message is longer than {OpenCaseRequest.MaxBodyLength} characters.");
        }
        var message = await CustomerWrites.RecordAsync(db, @case, Channel.Portal, body.Trim(), @case.Customer.Name, null, clock.Now(), ct);
        await db.SaveChangesAsync(ct);
        return message;
    }
}
