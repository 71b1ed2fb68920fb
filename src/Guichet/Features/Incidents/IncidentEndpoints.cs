using Guichet.Api;
using Guichet.Core;
using Guichet.Core.Data;
using Guichet.Core.Incidents;
using Guichet.Core.Teams;
using Guichet.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Incidents;

/// <summary>/api/incidents: an incident and its affected customers, reached before they complain (SPEC G3).</summary>
public static class IncidentEndpoints
{
    public sealed record IncidentRequest(string? Kind, string? Title, DateTimeOffset? StartsAt = null, int? TargetHours = null, string? Team = null);

    public sealed record IncidentDto(long Id, string Kind, string Title, DateTimeOffset StartsAt, int TargetHours, DateTimeOffset DueBy, int Reached, int OnExistingCases);

    public static RouteGroupBuilder MapIncidents(this RouteGroupBuilder api)
    {
        var incidents = api.MapGroup("/incidents").WithTags("Incidents");
        incidents.MapPost("", async (HttpContext http, GuichetDb db, TimeProvider clock) =>
        {
            var (request, problem) = await JsonBody.ReadAsync<IncidentRequest>(http);
            if (problem is not null)
            {
                return problem;
            }
            var errors = new ValidationErrors();
            if (string.IsNullOrWhiteSpace(request!.Kind) || request.Kind.Length > 64)
            {
                errors.Add("kind", "Say what kind of incident it is (delay, cancellation, outage…): the compensation policy reads it.");
            }
            if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 300)
            {
                errors.Add("title", "Describe the incident as the customer will read it (at most 300 characters).");
            }
            if (request.TargetHours is < 1 or > 720)
            {
                errors.Add("targetHours", "The target is between 1 and 720 hours.");
            }
            var team = await db.Teams.Receiving(request.Team).FirstOrDefaultAsync(http.RequestAborted);
            if (team is null)
            {
                errors.Add("team", $"There is no team '{request.Team}'.");
            }
            if (errors.Any)
            {
                return Problems.From(errors.ToFailure());
            }
            var now = clock.GetUtcNow();
            var incident = new Incident
            {
                Kind = request.Kind!.Trim().ToLowerInvariant(),
                Title = request.Title!.Trim(),
                StartsAt = (request.StartsAt ?? now).ToUniversalTime(),
                TargetHours = request.TargetHours ?? 24,
                TeamId = team!.Id,
                CreatedAt = now,
                CreatedBy = http.User.Identity?.Name ?? "manager",
            };
            db.Incidents.Add(incident);
            await db.SaveChangesAsync(http.RequestAborted);
            return Results.Created($"/api/incidents/{incident.Id}", await DtoAsync(db, incident, http.RequestAborted));
        })
        .RequireAuthorization(p => p.RequireRole("Manager", "Admin"))
        .Accepts<IncidentRequest>("application/json")
        .WithSummary("Declare an incident {kind, title, startsAt?, targetHours? (24), team?}; then send its affected customers.");

        incidents.MapGet("/{id:long}", async (long id, GuichetDb db, CancellationToken ct) =>
            await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is { } incident
                ? Results.Ok(await DtoAsync(db, incident, ct))
                : Problems.From(Failure.NotFound("id", $"There is no incident {id}.")))
        .WithSummary("An incident and its progress: customers reached, of whom on a case they had opened themselves.");

        incidents.MapPost("/{id:long}/affected", (long id, HttpContext http, GuichetDb db, ReachAffected reach) =>
            CaseEndpoints.WithActor<List<AffectedCustomer>, ReachOutcome>(http, db, (rows, actor) => reach.RunAsync(id, rows.ToAsyncEnumerable(), actor, ct: http.RequestAborted), Results.Ok))
        .RequireAuthorization(p => p.RequireRole("Manager", "Admin"))
        .Accepts<List<AffectedCustomer>>("application/json")
        .WithSummary("A batch of affected customers [{email, name, language?, tier?, paid?}]: each reached once (a list sent twice sends nobody a second message).");
        return api;
    }

    private static async Task<IncidentDto> DtoAsync(GuichetDb db, Incident i, CancellationToken ct)
    {
        var reached = await db.IncidentRecipients.CountAsync(r => r.IncidentId == i.Id, ct);
        var onExisting = await db.IncidentRecipients.CountAsync(r => r.IncidentId == i.Id && r.OnExistingCase, ct);
        return new IncidentDto(i.Id, i.Kind, i.Title, i.StartsAt, i.TargetHours, i.StartsAt.AddHours(i.TargetHours), reached, onExisting);
    }
}
