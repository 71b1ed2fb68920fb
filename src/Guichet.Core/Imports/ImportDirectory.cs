using System.Globalization;
using System.Text;
using Guichet.Core.Agents;
using Guichet.Core.Cases.Fields;
using Guichet.Core.Customers;
using Guichet.Core.Customers.Organisations;
using Guichet.Core.Data;
using Guichet.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Imports;

/// <summary>
/// Who and what the cases refer to: teams from groups (matched by name), custom fields (by label),
/// organisations (by name), agents (by email; created inactive, without a password: an admin lets
/// them in) and customers (by any of their addresses). A record matched is linked, not copied.
/// </summary>
internal sealed class ImportDirectory(GuichetDb db, ImportKeys keys, ImportReport report, string source, TimeProvider clock)
{
    public Team DefaultTeam { get; private set; } = null!;
    public Dictionary<long, Team> Teams { get; } = [];
    public Dictionary<string, (FieldDefinition Field, ImportedField Imported)> Fields { get; } = [];

    public async Task StartAsync(string? teamSlug, CancellationToken ct)
    {
        foreach (var team in await db.Teams.AsNoTracking().ToListAsync(ct))
        {
            Teams[team.Id] = team;
        }
        DefaultTeam = await db.Teams.AsNoTracking().Receiving(teamSlug).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException(teamSlug is null ? "There is no team to import into." : $"There is no team '{teamSlug}'.");
        var fields = await db.FieldDefinitions.AsNoTracking().ToDictionaryAsync(f => f.Id, ct);
        await keys.LoadSmallAsync(ct);
        _fieldsById = fields;
    }

    private Dictionary<long, FieldDefinition> _fieldsById = [];

    public async Task TeamsAsync(IReadOnlyList<ImportedTeam> teams, CancellationToken ct)
    {
        foreach (var t in teams)
        {
            if (keys.Find("team", t.ExternalId) is not null)
            {
                report.Count(report.Unchanged, "team");
                continue;
            }
            var name = t.Name.Trim();
            if (Teams.Values.FirstOrDefault(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase)) is { } same)
            {
                keys.Add("team", t.ExternalId, same.Id);
                report.Count(report.Updated, "team");
                continue;
            }
            report.Count(report.Created, "team");
            if (keys.DryRun)
            {
                keys.Add("team", t.ExternalId, DefaultTeam.Id);
                continue;
            }
            var team = new Team
            {
                Slug = UniqueSlug(name, Teams.Values.Select(x => x.Slug)), Name = name[..Math.Min(name.Length, 100)],
                TimeZone = DefaultTeam.TimeZone, Hours = DefaultTeam.Hours, Holidays = DefaultTeam.Holidays, Languages = DefaultTeam.Languages,
            };
            db.Teams.Add(team);
            await db.SaveChangesAsync(ct);
            Teams[team.Id] = team;
            keys.Add("team", t.ExternalId, team.Id);
        }
        await SaveAsync(ct);
    }

    public async Task FieldsAsync(IReadOnlyList<ImportedField> fields, CancellationToken ct)
    {
        foreach (var f in fields)
        {
            var type = f.Kind switch
            {
                FieldKind.Number => FieldType.Number,
                FieldKind.Date => FieldType.Date,
                FieldKind.List => FieldType.List,
                FieldKind.YesNo => FieldType.YesNo,
                _ => FieldType.Text,
            };
            if (keys.Find("field", f.ExternalId) is { } known && _fieldsById.TryGetValue(known, out var kept))
            {
                Fields[f.ExternalId] = (kept, f);
                report.Count(report.Unchanged, "field");
                continue;
            }
            var label = f.Label.Trim();
            var same = _fieldsById.Values.FirstOrDefault(x => x.AppliesTo == FieldObject.Case && x.Type == type && string.Equals(x.Label, label, StringComparison.OrdinalIgnoreCase));
            if (same is null)
            {
                same = new FieldDefinition
                {
                    Key = UniqueSlug(label, _fieldsById.Values.Select(x => x.Key)), Label = label[..Math.Min(label.Length, 100)], Type = type,
                    Options = type == FieldType.List ? string.Join('\n', f.Options.Select(o => o.Label.Trim()).Where(o => o.Length > 0).Distinct()) : null,
                    Position = _fieldsById.Count + 1,
                };
                report.Count(report.Created, "field");
                if (!keys.DryRun)
                {
                    db.FieldDefinitions.Add(same);
                    await db.SaveChangesAsync(ct);
                }
                _fieldsById[keys.DryRun ? keys.StandIn() : same.Id] = same;
            }
            else
            {
                report.Count(report.Updated, "field");
                // A list of the same name gains the choices it lacked, so every imported value is one of them.
                var missing = f.Options.Select(o => o.Label.Trim()).Where(o => o.Length > 0 && !same.Choices.Contains(o, StringComparer.OrdinalIgnoreCase)).Distinct().ToList();
                if (type == FieldType.List && missing.Count > 0 && !keys.DryRun)
                {
                    db.FieldDefinitions.Attach(same);
                    same.Options = string.Join('\n', same.Choices.Concat(missing));
                    await db.SaveChangesAsync(ct);
                }
            }
            Fields[f.ExternalId] = (same, f);
            keys.Add("field", f.ExternalId, same.Id);
        }
        await SaveAsync(ct);
    }

    public async Task OrganisationsAsync(IReadOnlyList<ImportedOrganisation> organisations, CancellationToken ct)
    {
        var names = organisations.Select(o => o.Name.Trim()).Distinct().ToList();
        var existing = (await db.Organisations.AsNoTracking().Where(o => names.Contains(o.Name)).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .GroupBy(o => o.Name).ToDictionary(g => g.Key, g => g.First().Id);
        var domains = (await db.OrganisationDomains.AsNoTracking().Select(d => d.Domain).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var created = new List<(string ExternalId, Organisation Organisation)>();
        foreach (var o in organisations)
        {
            if (keys.Find("organisation", o.ExternalId) is not null)
            {
                report.Count(report.Unchanged, "organisation");
                continue;
            }
            if (existing.TryGetValue(o.Name.Trim(), out var id))
            {
                keys.Add("organisation", o.ExternalId, id);
                report.Count(report.Updated, "organisation");
                continue;
            }
            report.Count(report.Created, "organisation");
            var organisation = new Organisation { Name = Clip(o.Name.Trim(), 200), Notes = o.Notes is null ? null : Clip(o.Notes, 20_000), CreatedAt = clock.GetUtcNow() };
            foreach (var domain in o.Domains.Select(d => d.Trim().ToLowerInvariant()).Where(d => d.Length > 0 && domains.Add(d)))
            {
                organisation.Domains.Add(new OrganisationDomain { Domain = domain });
            }
            if (keys.DryRun)
            {
                keys.Add("organisation", o.ExternalId, keys.StandIn());
                continue;
            }
            db.Organisations.Add(organisation);
            created.Add((o.ExternalId, organisation));
        }
        await SaveAsync(ct);
        foreach (var (externalId, organisation) in created)
        {
            keys.Add("organisation", externalId, organisation.Id);
        }
        await SaveAsync(ct);
    }

    public async Task PeopleAsync(IReadOnlyList<ImportedPerson> people, CancellationToken ct)
    {
        // A person named twice in a batch (a CSV's rows, a repeated user) is one person: their last version.
        var distinct = people.GroupBy(p => (p.ExternalId, p.IsAgent)).Select(g => g.Last()).ToList();
        var agents = distinct.Where(p => p.IsAgent).ToList();
        var customers = distinct.Where(p => !p.IsAgent).ToList();
        await AgentsAsync(agents, ct);
        await CustomersAsync(customers, ct);
    }

    private async Task AgentsAsync(IReadOnlyList<ImportedPerson> people, CancellationToken ct)
    {
        var emails = people.SelectMany(p => p.Emails).Select(e => CustomerContact.NormaliseEmail(e)).OfType<string>().ToList();
        var existing = await db.Agents.AsNoTracking().Where(a => emails.Contains(a.Email)).ToDictionaryAsync(a => a.Email, a => a.Id, StringComparer.OrdinalIgnoreCase, ct);
        var created = new List<(string ExternalId, Agent Agent)>();
        var made = new Dictionary<string, Agent>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in people)
        {
            if (keys.Find("agent", p.ExternalId) is not null)
            {
                report.Count(report.Unchanged, "agent");
                continue;
            }
            if (p.Emails.Select(e => CustomerContact.NormaliseEmail(e)).OfType<string>().FirstOrDefault(existing.ContainsKey) is { } known)
            {
                if (made.TryGetValue(known, out var twin))
                {
                    // Another record of this batch has the address: the same agent, known once saved.
                    created.Add((p.ExternalId, twin));
                }
                else
                {
                    keys.Add("agent", p.ExternalId, existing[known]);
                }
                report.Count(report.Updated, "agent");
                continue;
            }
            var agent = NewAgent(p.ExternalId, p.Name, p.Emails.Select(e => CustomerContact.NormaliseEmail(e)).FirstOrDefault(e => e is not null && !existing.ContainsKey(e)),
                p.IsAdmin ? AgentRole.Admin : AgentRole.Agent, keys.Find("team", p.TeamExternalId));
            report.Count(report.Created, "agent");
            existing[agent.Email] = 0;
            if (keys.DryRun)
            {
                keys.Add("agent", p.ExternalId, keys.StandIn());
                continue;
            }
            made[agent.Email] = agent;
            db.Agents.Add(agent);
            created.Add((p.ExternalId, agent));
        }
        await SaveAsync(ct);
        foreach (var (externalId, agent) in created)
        {
            keys.Add("agent", externalId, agent.Id);
        }
        await SaveAsync(ct);
    }

    /// <summary>An agent of the source, here inactive and without a password until an admin lets them in; an address when the source gave none.</summary>
    public Agent NewAgent(string externalId, string name, string? email, AgentRole role, long? teamId) => new()
    {
        Email = email ?? $"{source}-{externalId}@import.invalid",
        Name = Clip(name, 200),
        Role = role,
        TeamId = teamId is { } id && id > 0 ? id : DefaultTeam.Id,
        Active = false,
    };

    private async Task CustomersAsync(IReadOnlyList<ImportedPerson> people, CancellationToken ct)
    {
        var addresses = people.Select(p => (Person: p, Emails: p.Emails.Select(e => CustomerContact.NormaliseEmail(e)).OfType<string>().Distinct().ToList(),
            Phones: p.Phones.Select(n => PhoneNumber.ToE164(n)).OfType<string>().Distinct().ToList())).ToList();
        var values = addresses.SelectMany(a => a.Emails.Concat(a.Phones)).ToList();
        var owned = await db.CustomerIdentities.AsNoTracking().Where(i => (i.Kind == IdentityKind.Email || i.Kind == IdentityKind.Phone) && values.Contains(i.Value))
            .Select(i => new { i.Value, i.CustomerId }).ToListAsync(ct);
        var owner = owned.GroupBy(i => i.Value).ToDictionary(g => g.Key, g => g.First().CustomerId);
        var created = new List<(ImportedPerson Person, Customer Customer)>();
        var made = new Dictionary<string, Customer>(StringComparer.Ordinal);
        foreach (var (p, emails, phones) in addresses)
        {
            if (keys.Find("customer", p.ExternalId) is not null)
            {
                report.Count(report.Unchanged, "customer");
                continue;
            }
            if (emails.Concat(phones).FirstOrDefault(owner.ContainsKey) is { } known)
            {
                if (made.TryGetValue(known, out var twin))
                {
                    created.Add((p, twin));
                }
                else
                {
                    keys.Add("customer", p.ExternalId, owner[known]);
                }
                report.Count(report.Updated, "customer");
                continue;
            }
            report.Count(report.Created, "customer");
            var customer = NewCustomer(p.Name, p.Language);
            foreach (var email in emails.Where(e => !owner.ContainsKey(e)))
            {
                customer.Identities.Add(new CustomerIdentity { Kind = IdentityKind.Email, Value = email, Verified = true });
                owner[email] = 0;
                made[email] = customer;
            }
            foreach (var phone in phones.Where(n => !owner.ContainsKey(n)))
            {
                customer.Identities.Add(new CustomerIdentity { Kind = IdentityKind.Phone, Value = phone });
                owner[phone] = 0;
                made[phone] = customer;
            }
            if (keys.DryRun)
            {
                // Its addresses were claimed above: a second record with one of them is the same customer.
                var standIn = keys.Add("customer", p.ExternalId, keys.StandIn());
                foreach (var address in emails.Concat(phones))
                {
                    owner[address] = standIn;
                    made.Remove(address);
                }
                continue;
            }
            db.Customers.Add(customer);
            created.Add((p, customer));
        }
        await SaveAsync(ct);
        var members = new HashSet<(long, long)>();
        foreach (var (p, customer) in created)
        {
            keys.Add("customer", p.ExternalId, customer.Id);
            foreach (var org in p.OrganisationExternalIds.Select(o => keys.Find("organisation", o)).OfType<long>().Where(o => members.Add((o, customer.Id))))
            {
                db.Memberships.Add(new Membership { OrganisationId = org, CustomerId = customer.Id });
            }
        }
        await SaveAsync(ct);
    }

    public Customer NewCustomer(string name, string? language) => new()
    {
        Name = Clip(string.IsNullOrWhiteSpace(name) ? "?" : name.Trim(), 200),
        Language = CustomerLanguage.IsSupported(language) ? language! : CustomerLanguage.Default,
        TimeZone = DefaultTeam.TimeZone,
        CreatedAt = clock.GetUtcNow(),
    };

    private async Task SaveAsync(CancellationToken ct)
    {
        if (!keys.DryRun)
        {
            await db.SaveChangesAsync(ct);
        }
        db.ChangeTracker.Clear();
    }

    internal static string Clip(string text, int max) => text.Length > max ? text[..max] : text;

    /// <summary>"Support N1" → "support-n1", unique among the taken ones: letters without accents, digits, dashes.</summary>
    internal static string UniqueSlug(string name, IEnumerable<string> taken)
    {
        var plain = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                plain.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && plain.Length > 0 && plain[^1] != '-')
            {
                plain.Append('-');
            }
        }
        var slug = plain.ToString().Trim('-');
        slug = slug.Length == 0 ? "imported" : slug[..Math.Min(slug.Length, 50)];
        var used = taken.ToHashSet(StringComparer.Ordinal);
        var candidate = slug;
        for (var n = 2; used.Contains(candidate); n++)
        {
            candidate = $"{slug}-{n}";
        }
        return candidate;
    }
}
