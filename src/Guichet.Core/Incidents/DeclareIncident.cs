using Guichet.Core.Data;
using Guichet.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Incidents;

/// <summary>POST /api/incidents, the workspace's form and `guichet import incident --kind --title`.</summary>
public sealed record IncidentRequest(string? Kind, string? Title, DateTimeOffset? StartsAt = null, int? TargetHours = null, string? Team = null);

/// <summary>Declares an incident (SPEC G3): its kind is what the compensation policy reads and its title is what customers read.</summary>
public sealed class DeclareIncident(GuichetDb db, TimeProvider clock)
{
    public const int DefaultTargetHours = 24;

    public async Task<Result<Incident>> RunAsync(IncidentRequest request, string by, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Kind) || request.Kind.Trim().Length > 64)
        {
            errors.Add("kind", "Say what kind of incident it is (delay, cancellation, outage…): the compensation policy reads it.");
        }
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Trim().Length > 300)
        {
            errors.Add("title", "Describe the incident as the customer will read it (at most 300 characters).");
        }
        if (request.TargetHours is < 1 or > 720)
        {
            errors.Add("targetHours", "The target is between 1 and 720 hours.");
        }
        var team = await db.Teams.Receiving(string.IsNullOrWhiteSpace(request.Team) ? null : request.Team.Trim()).FirstOrDefaultAsync(ct);
        if (team is null)
        {
            errors.Add("team", $"There is no team '{request.Team}'.");
        }
        if (errors.Any)
        {
            return errors;
        }
        var now = clock.GetUtcNow();
        var incident = new Incident
        {
            Kind = request.Kind!.Trim().ToLowerInvariant(),
            Title = request.Title!.Trim(),
            StartsAt = (request.StartsAt ?? now).ToUniversalTime(),
            TargetHours = request.TargetHours ?? DefaultTargetHours,
            TeamId = team!.Id,
            CreatedAt = now,
            CreatedBy = by,
        };
        db.Incidents.Add(incident);
        await db.SaveChangesAsync(ct);
        return incident;
    }
}
