using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Automations;

/// <summary>
/// Reads what rules' conditions need of many cases at once, untracked: tags always, custom fields
/// and organisations only when some rule asks for them, so a batch of intake costs a few queries.
/// </summary>
public static class RuleSubjects
{
    public sealed record Needs(bool Fields, bool Organisations, bool Words)
    {
        public static Needs Of(IEnumerable<Rule> rules)
        {
            var conditions = rules.SelectMany(r => r.Conditions).ToList();
            return new(conditions.Any(c => c.Field.StartsWith(RuleConditions.FieldPrefix, StringComparison.Ordinal)),
                conditions.Any(c => c.Field == "organisation"), conditions.Any(c => c.Field == "words"));
        }
    }

    public static async Task<Dictionary<long, RuleSubject>> LoadAsync(GuichetDb db, IReadOnlyCollection<long> caseIds, IReadOnlyDictionary<long, Team> teams, Needs needs, DateTimeOffset at, CancellationToken ct)
    {
        if (caseIds.Count == 0)
        {
            return [];
        }
        var rows = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Channel, c.TeamId, c.Priority, c.Status, c.OwnerId, c.CustomerId, c.Customer.Tier, c.Customer.Language, Tags = c.Tags.Select(t => t.Name).ToList() })
            .ToListAsync(ct);
        var fields = needs.Fields
            ? (await db.FieldValues.AsNoTracking().Where(v => caseIds.Contains(v.CaseId))
                .Join(db.FieldDefinitions, v => v.FieldId, f => f.Id, (v, f) => new { v.CaseId, f.Key, v.Value }).ToListAsync(ct))
                .GroupBy(v => v.CaseId).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, string>)g.ToDictionary(v => v.Key, v => v.Value))
            : [];
        var customerIds = rows.Select(r => r.CustomerId).Distinct().ToList();
        var organisations = needs.Organisations
            ? (await db.Memberships.AsNoTracking().Where(m => customerIds.Contains(m.CustomerId)).ToListAsync(ct))
                .GroupBy(m => m.CustomerId).ToDictionary(g => g.Key, g => (IReadOnlySet<long>)g.Select(m => m.OrganisationId).ToHashSet())
            : [];
        var none = new HashSet<long>();
        var empty = new Dictionary<string, string>();
        return rows.Where(r => teams.ContainsKey(r.TeamId)).ToDictionary(r => r.Id, r => new RuleSubject(
            r.Id, r.Channel, r.TeamId, r.Priority, r.Status, r.OwnerId, r.Tier, r.Language,
            organisations.GetValueOrDefault(r.CustomerId) ?? none, r.Tags.ToHashSet(StringComparer.Ordinal),
            fields.GetValueOrDefault(r.Id) ?? empty, teams[r.TeamId].Calendar, at, null));
    }

    /// <summary>The subject again after a rule changed the loaded case: what the next rule sees.</summary>
    public static RuleSubject After(RuleSubject before, Case @case) => before with
    {
        Channel = @case.Channel,
        TeamId = @case.TeamId,
        Priority = @case.Priority,
        Status = @case.Status,
        OwnerId = @case.OwnerId,
        Tags = @case.Tags.Select(t => t.Name).ToHashSet(StringComparer.Ordinal),
        Calendar = @case.Team.Calendar,
    };
}
