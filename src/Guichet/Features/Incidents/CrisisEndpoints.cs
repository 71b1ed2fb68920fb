using Guichet.Features.Permissions;
using Guichet.Hosting.Web;
using Guichet.Core;
using Guichet.Core.Data;
using Guichet.Core.Incidents;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Incidents;

/// <summary>/api/crises: declare a crisis, list them, end one (SPEC E3; managers and admins declare and end).</summary>
public static class CrisisEndpoints
{
    public sealed record CrisisDto(long Id, string Name, string Kind, string Regions, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, IReadOnlyList<string> Fees,
        string? Acknowledgment, string? Reply, string DeclaredBy, DateTimeOffset DeclaredAt, DateTimeOffset? EndedAt, string? EndedBy, int Cases)
    {
        public static CrisisDto From(Crisis c, int cases) => new(c.Id, c.Name, c.Kind, c.Regions, c.StartsAt, c.EndsAt, c.FeeList.Select(f => f.Label.Length > 0 ? $"{f.Code}: {f.Label}" : f.Code).ToList(),
            c.Acknowledgment, c.Reply, c.DeclaredBy, c.DeclaredAt, c.EndedAt, c.EndedBy, cases);
    }

    public static RouteGroupBuilder MapCrises(this RouteGroupBuilder api)
    {
        var crises = api.MapGroup("/crises").WithTags("Crises");
        crises.MapGet("", async (GuichetDb db, CancellationToken ct) =>
        {
            var list = await db.Crises.AsNoTracking().OrderByDescending(c => c.Id).Take(200).ToListAsync(ct);
            var ids = list.Select(c => (long?)c.Id).ToList();
            var counts = await db.Cases.Where(c => ids.Contains(c.CrisisId)).GroupBy(c => c.CrisisId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key!.Value, g => g.Count, ct);
            return Results.Ok(list.Select(c => CrisisDto.From(c, counts.GetValueOrDefault(c.Id))).ToList());
        })
        .Produces<List<CrisisDto>>()
        .WithSummary("Crises, newest first, with how many cases each tagged.");

        crises.MapPost("", async (HttpContext http, DeclareCrisis declare) =>
        {
            var (request, problem) = await JsonBody.ReadAsync<CrisisRequest>(http);
            if (problem is not null)
            {
                return problem;
            }
            var result = await declare.RunAsync(request!, http.User.Identity?.Name ?? "manager", http.RequestAborted);
            return result.Succeeded
                ? Results.Created($"/api/crises/{result.Value.Crisis.Id}", CrisisDto.From(result.Value.Crisis, result.Value.Cases))
                : Problems.From(result.Failure!);
        })
        .RequireAuthorization(Access.Manage)
        .Accepts<CrisisRequest>("application/json")
        .Produces<CrisisDto>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .WithSummary("Declare a crisis {name, kind, regions: \"31*, 32000\", startsAt?, endsAt?, fees: [\"CODE: what it is\"], acknowledgment?, reply? (Liquid)}: the region's open cases are tagged and made urgent at once.");

        crises.MapPost("/{id:long}/end", async (long id, HttpContext http, DeclareCrisis declare) =>
        {
            var result = await declare.EndAsync(id, http.User.Identity?.Name ?? "manager", http.RequestAborted);
            return result.Succeeded ? Results.Ok(CrisisDto.From(result.Value, 0)) : Problems.From(result.Failure!);
        })
        .RequireAuthorization(Access.Manage)
        .Produces<CrisisDto>()
        .WithSummary("End a crisis: recorded with who and when; its cases keep their tag and history.")
            .TakesNoBody();
        return api;
    }
}
