using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Customers.Organisations;

/// <summary>POST /api/organisations, PUT /api/organisations/{id}: name, domains whose new customers join it, notes.</summary>
public sealed record OrganisationRequest(string? Name, IReadOnlyList<string>? Domains = null, string? Notes = null);

/// <summary>
/// Makes and changes organisations (SPEC W12). Giving a domain brings in the customers already
/// writing from it, and every new one after; a domain belongs to one organisation.
/// </summary>
public sealed class SaveOrganisation(GuichetDb db, TimeProvider clock)
{
    public async Task<Result<Organisation>> SaveAsync(long? id, OrganisationRequest request, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 200)
        {
            errors.Add("name", "An organisation needs a name of at most 200 characters.");
        }
        var domains = new List<string>();
        foreach (var (text, i) in (request.Domains ?? []).Select((d, i) => (d, i)))
        {
            var domain = text.Trim().TrimStart('@').ToLowerInvariant();
            if (domain.Length is < 3 or > 253 || !domain.Contains('.', StringComparison.Ordinal) || domain.Any(char.IsWhiteSpace) || domain.Contains('@', StringComparison.Ordinal))
            {
                errors.Add($"domains[{i}]", $"'{text}' is not an email domain (like example.fr).");
            }
            else if (!domains.Contains(domain))
            {
                domains.Add(domain);
            }
        }
        if (errors.Any)
        {
            return errors;
        }
        var organisation = id is null ? null : await db.Organisations.Include(o => o.Domains).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (id is not null && organisation is null)
        {
            return Failure.NotFound("id", $"There is no organisation {id}.");
        }
        var taken = await db.OrganisationDomains.Where(d => domains.Contains(d.Domain) && d.OrganisationId != (id ?? 0)).Select(d => d.Domain).ToListAsync(ct);
        if (taken.Count > 0)
        {
            return Failure.Conflict("domains", $"Already another organisation's: {string.Join(", ", taken)}.");
        }
        await using var tx = await db.OwnTransactionAsync(ct);
        if (organisation is null)
        {
            organisation = new Organisation { Name = request.Name!.Trim(), CreatedAt = clock.Now() };
            db.Organisations.Add(organisation);
        }
        organisation.Name = request.Name!.Trim();
        organisation.Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim();
        organisation.Domains.RemoveAll(d => !domains.Contains(d.Domain));
        organisation.Domains.AddRange(domains.Where(d => organisation.Domains.All(o => o.Domain != d)).Select(d => new OrganisationDomain { Domain = d }));
        await db.SaveChangesAsync(ct);
        // The customers already writing from its domains join it.
        foreach (var domain in domains)
        {
            var suffix = "@" + domain;
            var members = db.Memberships.Where(m => m.OrganisationId == organisation.Id).Select(m => m.CustomerId);
            var joining = await db.CustomerIdentities.Where(i => i.Kind == IdentityKind.Email && i.Value.EndsWith(suffix) && !members.Contains(i.CustomerId))
                .Select(i => i.CustomerId).Distinct().ToListAsync(ct);
            db.Memberships.AddRange(joining.Select(c => new Membership { OrganisationId = organisation.Id, CustomerId = c }));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitIfOwnAsync(ct);
        return organisation;
    }

    /// <summary>A customer added (or an address given) joins the organisation that owns its domain, if one does.</summary>
    public static async Task JoinByDomainAsync(GuichetDb db, Customer customer, string? email, CancellationToken ct)
    {
        var at = email?.LastIndexOf('@') ?? -1;
        if (at < 0)
        {
            return;
        }
        var domain = email![(at + 1)..];
        if (await db.OrganisationDomains.Where(d => d.Domain == domain).Select(d => (long?)d.OrganisationId).FirstOrDefaultAsync(ct) is { } organisation)
        {
            db.Memberships.Add(new Membership { OrganisationId = organisation, Customer = customer });
        }
    }
}
