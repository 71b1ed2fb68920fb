using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Data;

namespace Guichet.Core.Portal;

/// <summary>What a customer types in the public contact form.</summary>
public sealed record PortalContact(string? Name, string? Email, string? Language, string? Subject, string? Body);

/// <summary>
/// A customer writes through the public portal (H2): the case opens (or joins their open case on
/// the same matter, C1) with its dated acknowledgment (P1), and they get a private link to follow
/// it and write again, in the acknowledgment and on screen.
/// </summary>
public sealed class ContactFromPortal(GuichetDb db, TimeProvider clock, OpenCase open)
{
    public sealed record Opened(long CaseId, string Token);

    public async Task<Result<Opened>> RunAsync(PortalContact form, string baseUrl, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(form.Email))
        {
            // The answer has to reach them somewhere; the private link alone can be lost.
            return Failure.Invalid("customer.email", "Your email address is required so that we can answer you.");
        }
        var token = PortalAccess.NewToken();
        await using var tx = await db.OwnTransactionAsync(ct);
        var opened = await open.ContactAsync(new OpenCaseRequest(new CustomerContact(form.Name, form.Email, Language: form.Language), "portal", form.Subject, form.Body, null)
        {
            FollowLink = $"{baseUrl.TrimEnd('/')}/suivi/{token}",
        }, ct);
        if (!opened.Succeeded)
        {
            return opened.Failure!;
        }
        db.PortalAccesses.Add(PortalAccess.For(opened.Value.Case.Id, token, clock.Now()));
        await db.SaveChangesAsync(ct);
        await tx.CommitIfOwnAsync(ct);
        return new Opened(opened.Value.Case.Id, token);
    }
}
