using System.Globalization;
using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Cases.Fields;
using Guichet.Core.Cases.Tags;
using Guichet.Core.Data;
using Guichet.Core.Promises;
using Guichet.Core.Replies;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Automations;

/// <summary>
/// Makes, changes and removes rules (W7): admins for every team, leads and managers for their own
/// team's cases. Every row is checked against what exists (a team, a person, a field, a macro, a
/// template, a webhook), each refusal naming its row: "conditions[1].value", "actions[0].value".
/// </summary>
public sealed class SaveRule(GuichetDb db, TimeProvider clock)
{
    public const int MaxRows = 20;
    public const int MaxValueLength = 500;

    public static IQueryable<Rule> VisibleTo(IQueryable<Rule> rules, Agent agent) =>
        agent.Role == AgentRole.Admin ? rules : rules.Where(r => r.TeamId == agent.TeamId);

    public async Task<Result<Rule>> CreateAsync(RuleRequest request, Agent maker, CancellationToken ct = default)
    {
        var checkedRule = await CheckAsync(request, maker, ct);
        if (checkedRule.Failure is { } failure)
        {
            return failure;
        }
        var rule = checkedRule.Value;
        rule.Position = request.Position ?? (await db.Rules.MaxAsync(r => (int?)r.Position, ct) ?? 0) + 1;
        db.Rules.Add(rule);
        await RunRules.StartCursorsAsync(db, ct);
        await db.SaveChangesAsync(ct);
        return rule;
    }

    public async Task<Result<Rule>> ChangeAsync(long id, RuleRequest request, Agent editor, CancellationToken ct = default)
    {
        var rule = await VisibleTo(db.Rules, editor).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return Failure.NotFound("id", $"There is no rule {id} you may change.");
        }
        var checkedRule = await CheckAsync(request, editor, ct);
        if (checkedRule.Failure is { } failure)
        {
            return failure;
        }
        var changed = checkedRule.Value;
        (rule.Name, rule.When, rule.Hours, rule.Conditions, rule.Actions, rule.Active, rule.TeamId) =
            (changed.Name, changed.When, changed.Hours, changed.Conditions, changed.Actions, changed.Active, changed.TeamId);
        rule.Position = request.Position ?? rule.Position;
        await RunRules.StartCursorsAsync(db, ct);
        await db.SaveChangesAsync(ct);
        return rule;
    }

    public async Task<Result<bool>> DeleteAsync(long id, Agent editor, CancellationToken ct = default) =>
        await VisibleTo(db.Rules, editor).Where(r => r.Id == id).ExecuteDeleteAsync(ct) == 0
            ? Failure.NotFound("id", $"There is no rule {id} you may remove.")
            : true;

    /// <summary>The request as a rule (not saved), or every refusal with its row.</summary>
    public async Task<Result<Rule>> CheckAsync(RuleRequest request, Agent maker, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            errors.Add("name", "A rule needs a name of at most 100 characters.");
        }
        var when = request.When?.Trim() ?? "";
        if (!RuleTriggers.All.Contains(when))
        {
            errors.Add("when", $"'{request.When}' is not when a rule runs: {string.Join(", ", RuleTriggers.All)}.");
        }
        else if (RuleTriggers.IsTimed(when) && request.Hours is not (> 0 and <= 24 * 366))
        {
            errors.Add("hours", "A time rule needs a number of business hours above 0.");
        }
        long? teamId = maker.Role == AgentRole.Admin ? null : maker.TeamId;
        if (!string.IsNullOrWhiteSpace(request.Team))
        {
            var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == request.Team.Trim(), ct);
            if (team is null)
            {
                errors.Add("team", $"There is no team '{request.Team}'.");
            }
            else if (maker.Role != AgentRole.Admin && team.Id != maker.TeamId)
            {
                errors.Add("team", "A lead's rules are for their own team's cases.");
            }
            else
            {
                teamId = team.Id;
            }
        }
        var conditions = await ConditionsAsync(request.Conditions ?? [], errors, ct);
        var actions = await ActionsAsync(request.Actions ?? [], maker, errors, ct);
        if (when == RuleTriggers.PromiseDueWithin && await MakesPromiseAsync(actions, ct) is { } at)
        {
            errors.Add($"actions[{at}].kind", "A rule on promises due soon does not make a promise: the new one would be due soon too, and the rule would run on its own.");
        }
        if (actions.Where(a => a.Kind == "webhook").GroupBy(a => a.Value).Any(g => g.Count() > 1))
        {
            errors.Add("actions", "Call each webhook once per rule.");
        }
        if (actions.Count == 0 && !errors.Has("actions"))
        {
            errors.Add("actions", "A rule does at least one thing.");
        }
        if (errors.Any)
        {
            return errors;
        }
        return new Rule
        {
            Name = name!, When = when, Hours = RuleTriggers.IsTimed(when) ? request.Hours : null, Conditions = conditions, Actions = actions,
            Active = request.Active ?? true, TeamId = teamId, CreatedById = maker.Id, CreatedAt = clock.Now(),
        };
    }

    private async Task<List<RuleCondition>> ConditionsAsync(IReadOnlyList<RuleCondition?> rows, ValidationErrors errors, CancellationToken ct)
    {
        var kept = new List<RuleCondition>();
        if (rows.Count > MaxRows)
        {
            errors.Add("conditions", $"At most {MaxRows} conditions.");
            return kept;
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var at = $"conditions[{i}]";
            if (rows[i] is not { } row || string.IsNullOrWhiteSpace(row.Field))
            {
                errors.Add($"{at}.field", "Each condition names a field.");
                continue;
            }
            var field = row.Field.Trim();
            var value = row.Value?.Trim() ?? "";
            if (RuleConditions.OpsFor(field) is not { } ops)
            {
                errors.Add($"{at}.field", $"'{field}' is not a field rules compare: {string.Join(", ", RuleConditions.Fields.Keys)}, or field.KEY.");
                continue;
            }
            if (!ops.Contains(row.Op))
            {
                errors.Add($"{at}.op", $"'{row.Op}' does not compare {field}: {string.Join(", ", ops)}.");
                continue;
            }
            if (value.Length > MaxValueLength || (value.Length == 0 && row.Op is not ("empty" or "filled")))
            {
                errors.Add($"{at}.value", $"Give a value of at most {MaxValueLength} characters.");
                continue;
            }
            var isTag = field is "tag" or "tagAdded";
            if (await ConditionProblemAsync(field, isTag ? TagName.Normalise(value) ?? "" : value, ct) is { } problem)
            {
                errors.Add($"{at}.value", problem);
                continue;
            }
            kept.Add(new RuleCondition(field, row.Op, isTag ? TagName.Normalise(value)! : value));
        }
        return kept;
    }

    private async Task<string?> ConditionProblemAsync(string field, string value, CancellationToken ct)
    {
        if (field.StartsWith(RuleConditions.FieldPrefix, StringComparison.Ordinal))
        {
            var key = field[RuleConditions.FieldPrefix.Length..];
            return await db.FieldDefinitions.AnyAsync(f => f.Key == key && f.AppliesTo == FieldObject.Case, ct) ? null : $"There is no case field '{key}'.";
        }
        return field switch
        {
            "channel" => WireNames.TryParseWire<Channel>(value, out _) ? null : "A channel: email, portal, chat, phone, social or api.",
            "priority" => WireNames.TryParseWire<CasePriority>(value, out _) ? null : "A priority: low, normal, high or urgent.",
            "status" => WireNames.TryParseWire<CaseStatus>(value, out _) ? null : "A status: new, open, waitingOnCustomer, resolved or closed.",
            "team" => await ExistsAsync(db.Teams.Select(t => t.Id), value, ct) ? null : "A team's id.",
            "organisation" => await ExistsAsync(db.Organisations.Select(o => o.Id), value, ct) ? null : "An organisation's id.",
            "owner" => value is "none" or "any" || await ExistsAsync(db.Agents.Select(a => a.Id), value, ct) ? null : "none, any, or a person's id.",
            "hours" => value is "open" or "closed" ? null : "open or closed (the team's business hours).",
            "tag" or "tagAdded" => value.Length > 0 ? null : "A tag's name.",
            "language" => Customers.CustomerLanguage.IsSupported(value) ? null : "A language: fr or en.",
            _ => null,
        };
    }

    private async Task<int?> MakesPromiseAsync(List<RuleAction> actions, CancellationToken ct)
    {
        for (var i = 0; i < actions.Count; i++)
        {
            if (actions[i].Kind == "promise" || (actions[i].Kind == "macro"
                && await db.Macros.AnyAsync(m => m.Id == long.Parse(actions[i].Value, CultureInfo.InvariantCulture) && m.PromiseWhat != null, ct)))
            {
                return i;
            }
        }
        return null;
    }

    private async Task<List<RuleAction>> ActionsAsync(IReadOnlyList<RuleAction?> rows, Agent maker, ValidationErrors errors, CancellationToken ct)
    {
        var kept = new List<RuleAction>();
        if (rows.Count > MaxRows)
        {
            errors.Add("actions", $"At most {MaxRows} actions.");
            return kept;
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var at = $"actions[{i}]";
            if (rows[i] is not { } row || !RuleActions.Kinds.Contains(row.Kind))
            {
                errors.Add($"{at}.kind", $"'{rows[i]?.Kind}' is not an action: {string.Join(", ", RuleActions.Kinds)}.");
                continue;
            }
            var value = row.Value?.Trim() ?? "";
            if (row.Kind is "addTag" or "removeTag")
            {
                value = TagName.Normalise(value) ?? "";
            }
            var limit = row.Kind == "note" ? AddNote.MaxLength : row.Kind == "promise" ? MakePromiseRequest.MaxWhatLength : MaxValueLength;
            if (value.Length == 0 || value.Length > limit)
            {
                errors.Add($"{at}.value", $"Give a value of at most {limit} characters.");
                continue;
            }
            if (row.Kind == "promise" && row.Hours is not (> 0 and <= 24 * 366))
            {
                errors.Add($"{at}.hours", "A promise is due in a number of business hours above 0.");
                continue;
            }
            if (await ActionProblemAsync(row.Kind, value, maker, ct) is { } problem)
            {
                errors.Add($"{at}.value", problem);
                continue;
            }
            kept.Add(new RuleAction(row.Kind, value, row.Kind == "promise" ? row.Hours : null));
        }
        return kept;
    }

    /// <summary>What the value of an action must name; a lead's rule uses their team's macros and webhooks, not other teams'.</summary>
    private async Task<string?> ActionProblemAsync(string kind, string value, Agent maker, CancellationToken ct) => kind switch
    {
        "team" => await ExistsAsync(db.Teams.Select(t => t.Id), value, ct) ? null : "A team's id.",
        "owner" => await ExistsAsync(db.Agents.Where(a => a.Active && a.Role != AgentRole.Auditor).Select(a => a.Id), value, ct) ? null : "An active person's id.",
        "priority" => WireNames.TryParseWire<CasePriority>(value, out _) ? null : "A priority: low, normal, high or urgent.",
        "status" => RuleActions.Statuses.Contains(value) ? null : $"A status: {string.Join(", ", RuleActions.Statuses)}.",
        "field" => !FieldPair.TrySplit(value, out var key, out _) ? "key=value."
            : await db.FieldDefinitions.AnyAsync(f => f.Key == key && f.AppliesTo == FieldObject.Case, ct) ? null : $"There is no case field '{key}'.",
        "macro" => await ExistsAsync(db.Macros.UsableBy(maker).Where(m => m.OwnerId == null).Select(m => m.Id), value, ct) ? null : "A shared macro's id.",
        "notify" => value == "owner"
            || (value.Split(':') is ["agent", var a] && await ExistsAsync(db.Agents.Where(x => x.Active).Select(x => x.Id), a, ct))
            || (value.Split(':') is ["team", var t] && await ExistsAsync(db.Teams.Select(x => x.Id), t, ct))
                ? null : "owner, agent:ID or team:ID.",
        "reply" => ShippedTemplates.Find(value, "fr") is not null || await db.ReplyTemplates.AnyAsync(t => t.Key == value, ct) ? null : $"There is no template '{value}'.",
        "webhook" => await ExistsAsync(db.WebhookSubscriptions.Where(s => maker.Role == AgentRole.Admin || s.TeamId == maker.TeamId).Select(s => s.Id), value, ct) ? null : "A webhook's id (a lead's rule: one for their team).",
        _ => null,
    };

    private static async Task<bool> ExistsAsync(IQueryable<long> ids, string value, CancellationToken ct) =>
        long.TryParse(value, CultureInfo.InvariantCulture, out var id) && await ids.AnyAsync(x => x == id, ct);
}
