using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Customers;

/// <summary>
/// Resolves a contact to the customer who owns its email or phone (SPEC C2), or adds a new one.
/// A known customer's profile is not overwritten by what a form says: the profile is the
/// agent's reference for name and salutation (Q2).
/// </summary>
public static class FindOrAddCustomer
{
    public static async Task<Customer> RunAsync(GuichetDb db, CustomerContact contact, string fallbackZone, DateTimeOffset now, CancellationToken ct)
    {
        var email = contact.Email is null ? null : CustomerContact.NormaliseEmail(contact.Email);
        var phone = contact.Phone is null ? null : PhoneNumber.ToE164(contact.Phone, contact.TimeZone ?? fallbackZone);
        var social = contact.Social is null ? null : SocialHandle.Normalise(contact.Social);
        var known = await db.CustomerIdentities
            .Where(i => (email != null && i.Kind == IdentityKind.Email && i.Value == email)
                     || (phone != null && i.Kind == IdentityKind.Phone && i.Value == phone)
                     || (social != null && i.Kind == IdentityKind.Social && i.Value == social)
                     || (contact.ChatVisitor != null && i.Kind == IdentityKind.ChatVisitor && i.Value == contact.ChatVisitor))
            .Select(i => i.CustomerId)
            .FirstOrDefaultAsync(ct);
        if (known != 0)
        {
            var found = await db.Customers.Include(c => c.Identities).SingleAsync(c => c.Id == known, ct);
            // A system that knows the customer's tier (a CRM) keeps it current with each contact.
            if (contact.Tier is { } tier)
            {
                found.Tier = tier;
            }
            if (contact.PostalCode is { } postalCode)
            {
                found.PostalCode = Incidents.CrisisRegion.Normalise(postalCode);
            }
            return found;
        }

        var customer = new Customer
        {
            Name = contact.Name!.Trim(),
            Salutation = string.IsNullOrWhiteSpace(contact.Salutation) ? null : contact.Salutation.Trim(),
            Language = contact.Language ?? CustomerLanguage.Default,
            TimeZone = contact.TimeZone ?? fallbackZone,
            Tier = contact.Tier ?? Customer.DefaultTier,
            PostalCode = contact.PostalCode is null ? null : Incidents.CrisisRegion.Normalise(contact.PostalCode),
            CreatedAt = now,
        };
        if (email is not null)
        {
            customer.Identities.Add(new CustomerIdentity { Kind = IdentityKind.Email, Value = email });
        }
        if (phone is not null)
        {
            customer.Identities.Add(new CustomerIdentity { Kind = IdentityKind.Phone, Value = phone });
        }
        if (social is not null)
        {
            customer.Identities.Add(new CustomerIdentity { Kind = IdentityKind.Social, Value = social });
        }
        if (contact.ChatVisitor is not null)
        {
            customer.Identities.Add(new CustomerIdentity { Kind = IdentityKind.ChatVisitor, Value = contact.ChatVisitor });
        }
        db.Customers.Add(customer);
        await Organisations.SaveOrganisation.JoinByDomainAsync(db, customer, email, ct);
        return customer;
    }
}
