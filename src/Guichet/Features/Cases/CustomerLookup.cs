using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Cases;

/// <summary>
/// The new-case form's "find the customer" (issue 24: an agent taking a call could not find who
/// was calling): by email or phone exactly (any format, E.164 inside), else by the words of the
/// name (the last one may be a beginning) through the search index; only customers the agent may
/// see; with their open cases, so a call joins its case.
/// </summary>
public static class CustomerLookup
{
    public sealed record Found(Customer Customer, int OpenCases);

    /// <summary>The newest customers whose name matches, of whom the visible ones are shown in name order.</summary>
    private const int Named = 200;

    public static async Task<IReadOnlyList<Found>> FindAsync(GuichetDb db, Agent viewer, string text, string zone, CancellationToken ct)
    {
        text = text.Trim();
        if (text.Length < 2)
        {
            return [];
        }
        IQueryable<Customer> customers = db.Customers.AsNoTracking().Include(c => c.Identities).Where(c => c.ErasedAt == null && c.MergedIntoId == null);
        if (CustomerContact.NormaliseEmail(text) is { } email && text.Contains('@', StringComparison.Ordinal))
        {
            customers = customers.Where(c => c.Identities.Any(i => i.Kind == IdentityKind.Email && i.Value == email));
        }
        else if (text.Count(char.IsAsciiDigit) >= 6 && PhoneNumber.ToE164(text, zone) is { } phone)
        {
            customers = customers.Where(c => c.Identities.Any(i => i.Kind == IdentityKind.Phone && i.Value == phone));
        }
        else
        {
            var words = Core.Knowledge.SearchTerms.Words(text);
            if (words.Count == 0)
            {
                return [];
            }
            await Core.Knowledge.SearchBacklog.BeforeSearchAsync(db, ct);
            var named = await CustomerNames.MatchingAsync(db, words, Named, ct);
            customers = customers.Where(c => named.Contains(c.Id));
        }
        var found = new List<Found>();
        foreach (var customer in await customers.OrderBy(c => c.Name).ThenBy(c => c.Id).Take(40).ToListAsync(ct))
        {
            if (await db.SeesCustomerAsync(viewer, customer.Id, ct))
            {
                found.Add(new Found(customer, await db.Cases.VisibleTo(viewer).CountAsync(c => c.CustomerId == customer.Id && c.Status != CaseStatus.Resolved && c.Status != CaseStatus.Closed, ct)));
                if (found.Count == 10)
                {
                    break;
                }
            }
        }
        return found;
    }
}
