using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Routing;

/// <summary>One rule as written in PUT /api/routing/rules; the list's order is the rules' order.</summary>
/// Profile conditions (W5, W12): tag (the customer's or one of their organisations'), organisation
/// (a name), field ("key=value" of a customer or organisation field); tags: added to the case.
public sealed record RoutingRuleRequest(string? Name, string? Channel = null, string? Tier = null, string? Language = null, string? Terms = null, string? Team = null, string? Priority = null, string? Category = null,
    string? Tag = null, string? Organisation = null, string? Field = null, string? Tags = null);

/// <summary>Replaces the routing rules with an ordered list, every refusal naming the rule and field (e.g. "[2].team").</summary>
public sealed class SetRoutingRules(GuichetDb db)
{
    public const int MaxTags = 10;

    public async Task<Result<IReadOnlyList<RoutingRule>>> RunAsync(IReadOnlyList<RoutingRuleRequest> requests, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var slugs = await db.Teams.Select(t => t.Slug).ToListAsync(ct);
        var rules = new List<RoutingRule>();
        HashSet<string>? organisationNames = null;
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
            var profileTag = Blank(r.Tag) is { } tagText ? Cases.Tags.TagName.Normalise(tagText) : null;
            if (Blank(r.Tag) is not null && profileTag is null)
            {
                errors.Add(at + "tag", $"'{r.Tag}' is not a tag.");
            }
            var organisation = Blank(r.Organisation) is { } name ? RoutingProfile.Fold(name) : null;
            if (organisation is not null && !(organisationNames ??= (await db.Organisations.Select(o => o.Name).ToListAsync(ct)).Select(RoutingProfile.Fold).ToHashSet()).Contains(organisation))
            {
                errors.Add(at + "organisation", $"There is no organisation '{r.Organisation}'.");
            }
            var field = await FieldAsync(Blank(r.Field), at + "field", errors, ct);
            var tags = new List<string>();
            foreach (var text in (r.Tags ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (Cases.Tags.TagName.Normalise(text) is { } tag)
                {
                    tags.Add(tag);
                }
                else
                {
                    errors.Add(at + "tags", $"'{text}' is not a tag.");
                }
            }
            if (tags.Count > MaxTags)
            {
                errors.Add(at + "tags", $"A rule adds at most {MaxTags} tags.");
            }
            if (r.Team is null && r.Priority is null && r.Category is null && tags.Count == 0)
            {
                errors.Add(at + "team", "A rule sets at least one of team, priority, category and tags.");
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
                ProfileTag = profileTag,
                Organisation = organisation,
                Field = field,
                Tags = tags.Count == 0 ? null : string.Join(",", tags.Distinct()),
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

    /// <summary>"key=value" with the value as the customer or organisation field's type writes it.</summary>
    private async Task<string?> FieldAsync(string? text, string name, ValidationErrors errors, CancellationToken ct)
    {
        if (text is null)
        {
            return null;
        }
        if (!Cases.Fields.FieldPair.TrySplit(text, out var typedKey, out var typed))
        {
            errors.Add(name, "Write a field condition as key=value.");
            return null;
        }
        var key = typedKey.Trim();
        var definition = await db.FieldDefinitions.AsNoTracking().FirstOrDefaultAsync(f => f.Key == key && f.AppliesTo != Cases.Fields.FieldObject.Case, ct);
        if (definition is null)
        {
            errors.Add(name, $"There is no customer or organisation field '{key}'.");
            return null;
        }
        if (!Cases.Fields.FieldText.TryNormalise(definition, typed.Trim(), out var value, out var problem))
        {
            errors.Add(name, problem!);
            return null;
        }
        return Cases.Fields.FieldPair.Of(key, value);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
