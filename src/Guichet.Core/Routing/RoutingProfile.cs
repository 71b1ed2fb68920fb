using Guichet.Core.Customers;
using Guichet.Core.Customers.Organisations;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Routing;

/// <summary>
/// What routing reads of a customer's profile (W5, W12): their tags and their organisations'
/// (one set: a tag on an organisation is a tag on each of its people, as peers do), the
/// organisations' names, and the customer's and organisations' field values by key.
/// </summary>
public sealed record RoutingProfile(IReadOnlySet<string> Tags, IReadOnlySet<string> Organisations, IReadOnlyDictionary<string, string> Fields)
{
    public static readonly RoutingProfile Empty = new(new HashSet<string>(), new HashSet<string>(), new Dictionary<string, string>());

    public bool Matches(RoutingRule rule) =>
        (rule.ProfileTag is null || Tags.Contains(rule.ProfileTag))
        && (rule.Organisation is null || Organisations.Contains(rule.Organisation))
        && (rule.Field is null || (Cases.Fields.FieldPair.TrySplit(rule.Field, out var key, out var wanted)
            && Fields.TryGetValue(key, out var value) && value == wanted));

    /// <summary>
    /// The customer's profile as it stands in this unit of work: memberships written in its
    /// transaction (the mail intake) or still tracked (a new customer joining by domain) count.
    /// </summary>
    public static async Task<RoutingProfile> ReadAsync(GuichetDb db, Customer customer, CancellationToken ct)
    {
        var organisations = db.ChangeTracker.Entries<Membership>()
            .Where(e => e.State == EntityState.Added && (ReferenceEquals(e.Entity.Customer, customer) || (customer.Id != 0 && e.Entity.CustomerId == customer.Id)))
            .Select(e => e.Entity.OrganisationId).ToHashSet();
        if (customer.Id != 0)
        {
            organisations.UnionWith(await db.Memberships.AsNoTracking().Where(m => m.CustomerId == customer.Id).Select(m => m.OrganisationId).ToListAsync(ct));
        }
        var names = await db.Organisations.AsNoTracking().Where(o => organisations.Contains(o.Id)).Select(o => o.Name).ToListAsync(ct);
        var profiles = await EditProfile.ReadManyAsync(db, ProfileKind.Organisation, organisations, ct);
        var own = customer.Id == 0 ? null : await EditProfile.ReadAsync(db, ProfileKind.Customer, customer.Id, ct);
        var tags = new HashSet<string>(own?.Tags ?? [], StringComparer.Ordinal);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var profile in profiles.Values)
        {
            tags.UnionWith(profile.Tags);
            foreach (var (key, value) in profile.CustomFields)
            {
                fields.TryAdd(key, value);
            }
        }
        foreach (var (key, value) in own?.CustomFields ?? new Dictionary<string, string>())
        {
            fields[key] = value;
        }
        return new RoutingProfile(tags, names.Select(Fold).ToHashSet(StringComparer.Ordinal), fields);
    }

    /// <summary>An organisation's name as rules compare it: trimmed, case ignored.</summary>
    public static string Fold(string name) => name.Trim().ToLowerInvariant();
}
