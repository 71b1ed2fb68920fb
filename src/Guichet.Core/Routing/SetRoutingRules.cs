using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Routing;

/// <summary>One rule as written in PUT /api/routing/rules; the list's order is the rules' order.</summary>
public sealed record RoutingRuleRequest(string? Name, string? Channel = null, string? Tier = null, string? Language = null, string? Terms = null, string? Team = null, string? Priority = null, string? Category = null);

/// <summary>Replaces the routing rules with an ordered list, every refusal naming the rule and field (e.g. "[2].team").</summary>
public sealed class SetRoutingRules(GuichetDb db)
{
    public async Task<Result<IReadOnlyList<RoutingRule>>> RunAsync(IReadOnlyList<RoutingRuleRequest> requests, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var slugs = await db.Teams.Select(t => t.Slug).ToListAsync(ct);
        var rules = new List<RoutingRule>();
        for (var i = 0; i < requests.Count; i++)
        {
            var r = requests[i];
            var at = $"[{i}].";
            if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > 200)
            {
                errors.Add(at + "name", "Each rule needs a name (at most 200 characters).");
            }
            Channel? channel = null;
            if (r.Channel is not null)
            {
                if (WireNames.TryParseWire<Channel>(r.Channel, out var parsed))
                {
                    channel = parsed;
                }
                else
                {
                    errors.Add(at + "channel", $"'{r.Channel}' is not a channel.");
                }
            }
            if (r.Language is not null && !CustomerLanguage.IsSupported(r.Language))
            {
                errors.Add(at + "language", "The language must be \"fr\" or \"en\".");
            }
            if (r.Team is not null && !slugs.Contains(r.Team))
            {
                errors.Add(at + "team", $"There is no team '{r.Team}'.");
            }
            CasePriority? priority = null;
            if (r.Priority is not null)
            {
                if (WireNames.TryParseWire<CasePriority>(r.Priority, out var parsed))
                {
                    priority = parsed;
                }
                else
                {
                    errors.Add(at + "priority", "The priority must be low, normal, high or urgent.");
                }
            }
            if (r.Team is null && r.Priority is null && r.Category is null)
            {
                errors.Add(at + "team", "A rule sets at least one of team, priority and category.");
            }
            rules.Add(new RoutingRule
            {
                Position = i,
                Name = r.Name?.Trim() ?? "",
                Channel = channel,
                Tier = Blank(r.Tier)?.ToLowerInvariant(),
                Language = r.Language,
                Terms = Blank(r.Terms),
                TeamSlug = r.Team,
                Priority = priority,
                Category = Blank(r.Category)?.ToLowerInvariant(),
            });
        }
        if (errors.Any)
        {
            return errors;
        }
        db.RoutingRules.RemoveRange(await db.RoutingRules.ToListAsync(ct));
        db.RoutingRules.AddRange(rules);
        await db.SaveChangesAsync(ct);
        return rules;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
