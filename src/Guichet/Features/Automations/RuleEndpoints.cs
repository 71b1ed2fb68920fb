using Guichet.Core.Automations;
using Guichet.Core.Data;
using Guichet.Features.Cases;
using Guichet.Features.Permissions;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Automations;

/// <summary>
/// /api/rules (W7): admins' rules for every team, leads' and managers' for their own team; each
/// with its trigger, conditions and actions as rows, run in order; a dry run lists the cases a rule
/// would touch now, without acting.
/// </summary>
public static class RuleEndpoints
{
    public sealed record RuleDto(long Id, string Name, int Position, bool Active, string When, double? Hours, long? TeamId,
        IReadOnlyList<RuleCondition> Conditions, IReadOnlyList<RuleAction> Actions, DateTimeOffset CreatedAt)
    {
        public static RuleDto From(Rule r) => new(r.Id, r.Name, r.Position, r.Active, r.When, r.Hours, r.TeamId, r.Conditions, r.Actions, r.CreatedAt);
    }

    /// <summary>What a rule may use: its triggers, the fields its conditions compare (with their comparisons), its actions.</summary>
    public sealed record RuleVocabulary(IReadOnlyList<string> OnChange, IReadOnlyList<string> OnTime, IReadOnlyDictionary<string, string[]> Conditions, IReadOnlyList<string> FieldComparisons, IReadOnlyList<string> Actions);

    public static RouteGroupBuilder MapRules(this RouteGroupBuilder api)
    {
        var rules = api.MapGroup("/rules").WithTags("Rules").RequireAuthorization(Access.Lead);
        rules.MapGet("/", async (HttpContext http, GuichetDb db, CancellationToken ct) =>
                await http.CurrentAgentAsync(db) is { } me
                    ? TypedResults.Ok((await SaveRule.VisibleTo(db.Rules.AsNoTracking(), me).OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct)).Select(RuleDto.From).ToArray())
                    : Results.Unauthorized())
            .Produces<RuleDto[]>()
            .WithSummary("The rules, in the order they run (a lead sees their team's).");

        rules.MapGet("/vocabulary", () => TypedResults.Ok(new RuleVocabulary(RuleTriggers.OnChange, RuleTriggers.OnTime, RuleConditions.Fields, RuleConditions.FieldOps, RuleActions.Kinds)))
            .WithSummary("When a rule may run, the fields its conditions compare (custom fields as field.KEY) and the actions it may take.");

        rules.MapPost("/", (HttpContext http, GuichetDb db, SaveRule save) =>
                CaseEndpoints.WithActor<RuleRequest, Rule>(http, db, (r, me) => save.CreateAsync(r, me, http.RequestAborted),
                    r => TypedResults.Created($"/api/rules/{r.Id}", RuleDto.From(r))))
            .Accepts<RuleRequest>("application/json")
            .Produces<RuleDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithSummary("Make a rule {name, when, hours (time rules), conditions [{field, op, value}], actions [{kind, value, hours}], active, position, team (a slug)}. Actions: team (id), owner (id), priority, status (wait, resolve, close, reopen), addTag, removeTag, field (key=value), macro (a shared macro's id), note, notify (owner, agent:ID, team:ID), reply (a template key; sent only if the send guard passes it), promise (what, with hours), webhook (a webhook's id).");

        rules.MapPut("/{id:long}", (long id, HttpContext http, GuichetDb db, SaveRule save) =>
                CaseEndpoints.WithActor<RuleRequest, Rule>(http, db, (r, me) => save.ChangeAsync(id, r, me, http.RequestAborted), r => TypedResults.Ok(RuleDto.From(r))))
            .Accepts<RuleRequest>("application/json")
            .Produces<RuleDto>()
            .ProducesValidationProblem()
            .WithSummary("Replace a rule's name, trigger, conditions, actions, activity and place in the order.");

        rules.MapDelete("/{id:long}", (long id, HttpContext http, GuichetDb db, SaveRule save) =>
                CaseEndpoints.AsActor(http, db, me => save.DeleteAsync(id, me, http.RequestAborted), _ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent)
            .WithSummary("Remove a rule; what it did stays on the cases' timelines.");

        rules.MapPost("/dry-run", (HttpContext http, GuichetDb db, DryRunRule dry) =>
                CaseEndpoints.WithActor<RuleRequest, DryRun>(http, db, (r, me) => dry.RunAsync(r, me, http.RequestAborted), d => TypedResults.Ok(d)))
            .Accepts<RuleRequest>("application/json")
            .Produces<DryRun>()
            .ProducesValidationProblem()
            .WithSummary("Try a rule (saved or not) without acting: the cases it would touch now (a time rule: those whose time has come; a rule on a change: the active cases whose conditions hold).");
        return api;
    }
}
