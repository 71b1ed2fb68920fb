using Guichet.Features.Permissions;
using Guichet.Hosting.Web;
using Guichet.Core;
using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Routing;
using Guichet.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Routing;

/// <summary>/api/routing/rules (ordered rules, admin) and /api/agents (languages, skills, capacity, presence, load).</summary>
public static class RoutingEndpoints
{
    public sealed record RuleDto(long Id, int Position, string Name, string? Channel, string? Tier, string? Language, string? Terms, string? Team, string? Priority, string? Category,
        string? Tag, string? Organisation, string? Field, string? Tags)
    {
        public static RuleDto From(RoutingRule r) => new(r.Id, r.Position, r.Name, r.Channel?.ToWire(), r.Tier, r.Language, r.Terms, r.TeamSlug, r.Priority?.ToWire(), r.Category,
            r.ProfileTag, r.Organisation, r.Field, r.Tags);
    }

    public sealed record AgentDto(long Id, string Name, string Email, string Role, string Team, string Languages, string Skills, int Capacity, string Presence, int ActiveCases,
        bool AllTeams = false, bool Active = true, bool CanSignIn = true)
    {
        public static AgentDto From(Agent a, string teamSlug, int load) =>
            new(a.Id, a.Name, a.Email, a.Role.ToWire(), teamSlug, a.Languages, a.Skills, a.Capacity, a.Presence.ToWire(), load, a.AllTeams, a.Active, a.PasswordHash != "");
    }

    public static RouteGroupBuilder MapRouting(this RouteGroupBuilder api)
    {
        api.MapGet("/routing/rules", async (GuichetDb db, CancellationToken ct) =>
            Results.Ok((await db.RoutingRules.AsNoTracking().OrderBy(r => r.Position).ToListAsync(ct)).Select(RuleDto.From).ToList()))
        .WithTags("Routing")
        .Produces<List<RuleDto>>()
        .WithSummary("The routing rules in order: conditions (channel, tier, language, terms; tag, organisation and field of the customer's profile) and what they set (team, priority, category, tags).");

        api.MapPut("/routing/rules", async (HttpContext http, SetRoutingRules set) =>
        {
            var (rules, problem) = await JsonBody.ReadAsync<List<RoutingRuleRequest>>(http);
            if (problem is not null)
            {
                return problem;
            }
            var result = await set.RunAsync(rules!, http.RequestAborted);
            return result.Succeeded ? Results.Ok(result.Value.Select(RuleDto.From).ToList()) : Problems.From(result.Failure!);
        })
        .RequireAuthorization(Access.Admin)
        .Accepts<List<RoutingRuleRequest>>("application/json")
        .WithTags("Routing")
        .Produces<List<RuleDto>>()
        .WithSummary("Replace the routing rules with this ordered list; for each of team, priority and category the first matching rule wins; every matching rule's tags (comma-separated) are added. tag: the customer's or one of their organisations'; organisation: a name; field: key=value of a customer or organisation field.");

        api.MapGet("/agents", async (GuichetDb db, CancellationToken ct) =>
        {
            var agents = await db.Agents.AsNoTracking().Where(a => a.Active).OrderBy(a => a.Name)
                .WithLoad(db).ToListAsync(ct);
            return Results.Ok(agents.Select(x => AgentDto.From(x.Agent, x.TeamSlug, x.Load)).ToList());
        })
        .WithTags("Routing")
        .Produces<List<AgentDto>>()
        .WithSummary("Active agents with their languages, skills, capacity, presence and how many active cases they own.");

        api.MapPatch("/agents/{id:long}", (long id, HttpContext http, GuichetDb db, ChangeAgent change) =>
            CaseEndpoints.WithActor<AgentChange, Agent>(http, db, (r, actor) => change.RunAsync(id, r, actor, http.RequestAborted),
                a => Results.Ok(AgentDto.From(a, a.Team.Slug, 0))))
        .Accepts<AgentChange>("application/json")
        .WithTags("Routing")
        .Produces<AgentDto>()
        .WithSummary("Change an agent's presence (available, away, offline; agents change their own), capacity, languages and skills (leads, managers, admins); role, team, allTeams and active (admins).");

        api.MapPost("/agents", async (HttpContext http, AddAgent add, Microsoft.AspNetCore.Identity.IPasswordHasher<Agent> hasher) =>
        {
            var (request, problem) = await JsonBody.ReadAsync<NewAgent>(http);
            if (problem is not null)
            {
                return problem;
            }
            var result = await add.RunAsync(request!, hasher.HashPassword, http.RequestAborted);
            return result.Succeeded
                ? Results.Created($"/api/agents/{result.Value.Id}", AgentDto.From(result.Value, result.Value.Team.Slug, 0))
                : Problems.From(result.Failure!);
        })
        .RequireAuthorization(Access.Admin)
        .Accepts<NewAgent>("application/json")
        .Produces<AgentDto>(StatusCodes.Status201Created)
        .WithTags("Routing")
        .WithSummary("Add a person: {email, name, role (agent, lead, manager, admin, auditor), team, languages?, allTeams?, password? (12+ characters)}.");
        return api;
    }
}
