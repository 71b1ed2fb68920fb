using Guichet.Core;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.ServiceLevels;
using Guichet.Features.Permissions;
using Guichet.Hosting.Web;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Automations;

/// <summary>/api/service-levels (W8): policies whose targets are promises, and how the targets fared.</summary>
public static class ServiceLevelEndpoints
{
    public sealed record ServicePolicyDto(long Id, string Name, int Position, bool Active, string? Priority, string? Tier, long? OrganisationId, long? TeamId,
        double? FirstReplyHours, double? NextReplyHours, double? ResolutionHours)
    {
        public static ServicePolicyDto From(ServicePolicy p) =>
            new(p.Id, p.Name, p.Position, p.Active, p.Priority?.ToWire(), p.Tier, p.OrganisationId, p.TeamId, p.FirstReplyHours, p.NextReplyHours, p.ResolutionHours);
    }

    public static RouteGroupBuilder MapServiceLevels(this RouteGroupBuilder api)
    {
        var levels = api.MapGroup("/service-levels").WithTags("Service levels");
        levels.MapGet("/", async (GuichetDb db, CancellationToken ct) =>
                TypedResults.Ok((await db.ServicePolicies.AsNoTracking().OrderBy(p => p.Position).ThenBy(p => p.Id).ToListAsync(ct)).Select(ServicePolicyDto.From).ToArray()))
            .RequireAuthorization(Access.Oversee)
            .WithSummary("The service levels, in the order they are matched: the first whose priority, tier, organisation and team fit a case applies.");

        levels.MapPost("/", (HttpContext http, SaveServicePolicy save) => JsonBody.RunAsync<ServicePolicyRequest, ServicePolicy>(http, r => save.CreateAsync(r, http.RequestAborted),
                p => TypedResults.Created($"/api/service-levels/{p.Id}", ServicePolicyDto.From(p))))
            .RequireAuthorization(Access.Admin)
            .Accepts<ServicePolicyRequest>("application/json")
            .Produces<ServicePolicyDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .NamesInBody("organisationId", "an organisation, which admins see whole")
            .WithSummary("Make a service level {name, priority, tier, organisationId, team (a slug), firstReplyHours, nextReplyHours, resolutionHours (business hours), position, active}: each target becomes a promise on the cases it covers.");

        levels.MapPut("/{id:long}", (long id, HttpContext http, SaveServicePolicy save) => JsonBody.RunAsync<ServicePolicyRequest, ServicePolicy>(http, r => save.ChangeAsync(id, r, http.RequestAborted),
                p => TypedResults.Ok(ServicePolicyDto.From(p))))
            .RequireAuthorization(Access.Admin)
            .Accepts<ServicePolicyRequest>("application/json")
            .Produces<ServicePolicyDto>()
            .ProducesValidationProblem()
            .NamesInBody("organisationId", "an organisation, which admins see whole")
            .WithSummary("Replace a service level; cases already acknowledged keep their targets until their priority changes.");

        levels.MapDelete("/{id:long}", async (long id, SaveServicePolicy save, CancellationToken ct) =>
                Problems.Ok(await save.DeleteAsync(id, ct), _ => Results.NoContent()))
            .RequireAuthorization(Access.Admin)
            .Produces(StatusCodes.Status204NoContent)
            .WithSummary("Remove a service level: its running targets stay the customers' promises.");

        levels.MapGet("/report", async (ServiceLevelReport report, TimeProvider clock, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct) =>
            {
                var errors = new ValidationErrors();
                if (!AcceptedTimes.Check(from, "from", errors) || !AcceptedTimes.Check(to, "to", errors))
                {
                    return Problems.From(errors.ToFailure());
                }
                var until = to?.ToUniversalTime() ?? clock.GetUtcNow();
                var since = from?.ToUniversalTime() ?? until.AddDays(-30);
                return since >= until
                    ? Problems.Field(StatusCodes.Status400BadRequest, "Invalid request", "from", "from must be before to.")
                    : Results.Ok(await report.RunAsync(since, until, ct));
            })
            .RequireAuthorization(Access.Oversee)
            .Produces<ServiceLevelFigures[]>()
            .WithSummary("Per service level and target, the targets begun in the period (30 days by default): met, renegotiated with the customer, breached (silently: nobody told them), running.");
        return api;
    }
}
