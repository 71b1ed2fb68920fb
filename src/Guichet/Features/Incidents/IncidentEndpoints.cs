using Guichet.Features.Permissions;
using Guichet.Hosting.Web;
using Guichet.Core;
using Guichet.Core.Data;
using Guichet.Core.Incidents;
using Guichet.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Incidents;

/// <summary>/api/incidents: an incident and its affected customers, reached before they complain (SPEC G3).</summary>
public static class IncidentEndpoints
{
    /// <summary>A list of a million customers is about 60 MB of CSV.</summary>
    public const long MaxListBytes = 1024L * 1024 * 1024;

    public static RouteGroupBuilder MapIncidents(this RouteGroupBuilder api)
    {
        var incidents = api.MapGroup("/incidents").WithTags("Incidents");
        incidents.MapPost("", async (HttpContext http, GuichetDb db, DeclareIncident declare) =>
        {
            var (request, problem) = await JsonBody.ReadAsync<IncidentRequest>(http);
            if (problem is not null)
            {
                return problem;
            }
            var result = await declare.RunAsync(request!, http.User.Identity?.Name ?? "manager", http.RequestAborted);
            return result.Succeeded
                ? Results.Created($"/api/incidents/{result.Value.Id}", await IncidentProgress.OfAsync(db, result.Value, http.RequestAborted))
                : Problems.From(result.Failure!);
        })
        .RequireAuthorization(Access.Manage)
        .Accepts<IncidentRequest>("application/json")
        .Produces<IncidentProgress>(StatusCodes.Status201Created)
        .WithSummary("Declare an incident {kind, title, startsAt?, targetHours? (24), team?}; then send its affected customers.");

        incidents.MapGet("", async (GuichetDb db, CancellationToken ct) =>
        {
            var latest = await db.Incidents.AsNoTracking().OrderByDescending(i => i.Id).Take(100).ToListAsync(ct);
            var progress = new List<IncidentProgress>();
            foreach (var incident in latest)
            {
                progress.Add(await IncidentProgress.OfAsync(db, incident, ct));
            }
            return Results.Ok(progress);
        })
        .Produces<List<IncidentProgress>>()
        .WithSummary("The latest hundred incidents with their progress.");

        incidents.MapGet("/{id:long}", async (long id, GuichetDb db, CancellationToken ct) =>
            await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is { } incident
                ? Results.Ok(await IncidentProgress.OfAsync(db, incident, ct))
                : Problems.From(Failure.NotFound("id", $"There is no incident {id}.")))
        .Produces<IncidentProgress>()
        .WithSummary("An incident and its progress: customers reached (in time or late), of whom on a case they had opened themselves, and each list sent with its refused rows.");

        incidents.MapPost("/{id:long}/affected", async (long id, HttpContext http, GuichetDb db, ReachAffected reach) =>
        {
            if (http.Request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) != true)
            {
                return await CaseEndpoints.WithActor<List<AffectedCustomer>, ReachOutcome>(http, db,
                    (rows, actor) => reach.RunAsync(id, rows.ToAsyncEnumerable(), actor, "api", ct: http.RequestAborted), Results.Ok);
            }
            // Kept whole on disk first: the list is then read at the writer's pace, and a cut upload reaches nobody.
            await using var spooled = await SpooledUpload.SaveAsync(http.Request.Body, http.RequestAborted);
            using var reader = new StreamReader(spooled.Open());
            return await CaseEndpoints.AsActor(http, db, actor => reach.RunCsvAsync(id, reader, actor, "api (CSV)", ct: http.RequestAborted), Results.Ok);
        })
        .RequireAuthorization(Access.Manage)
        .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxListBytes))
        .Accepts<List<AffectedCustomer>>("application/json", "text/csv")
        .Produces<ReachOutcome>()
        .WithSummary("Affected customers as a JSON batch [{email, name, language?, tier?, paid?}] or a CSV file (text/csv, header email,name,language,tier,paid): each reached once, so a list sent twice sends nobody a second message.");
        return api;
    }
}
