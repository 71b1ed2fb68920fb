using Guichet.Core;
using Guichet.Core.Cases;
using Guichet.Core.Customers.Organisations;
using Guichet.Core.Data;
using Guichet.Features.Permissions;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Customers;

/// <summary>Organisations (SPEC W12): read by everyone, made and changed by leads and up; people join by domain or by hand.</summary>
public static class OrganisationEndpoints
{
    public sealed record OrganisationDto(long Id, string Name, IReadOnlyList<string> Domains, string? Notes, int Customers)
    {
        public static OrganisationDto From(Organisation o, int customers) => new(o.Id, o.Name, o.Domains.Select(d => d.Domain).Order(StringComparer.Ordinal).ToList(), o.Notes, customers);
    }

    public sealed record MemberRequest(long? CustomerId);

    public static RouteGroupBuilder MapOrganisations(this RouteGroupBuilder api)
    {
        var organisations = api.MapGroup("/organisations").WithTags("Organisations");

        organisations.MapGet("/", async (string? q, GuichetDb db, CancellationToken ct) =>
        {
            var query = db.Organisations.AsNoTracking().Include(o => o.Domains).AsQueryable();
            if (!string.IsNullOrWhiteSpace(q))
            {
                var start = q.Trim().ToLowerInvariant();
                query = query.Where(o => EF.Functions.Like(o.Name.ToLower(), start + "%") || o.Domains.Any(d => d.Domain.StartsWith(start)));
            }
            var found = await query.OrderBy(o => o.Name).Take(100).Select(o => new { o, Customers = db.Memberships.Count(m => m.OrganisationId == o.Id) }).ToListAsync(ct);
            return TypedResults.Ok(found.Select(f => OrganisationDto.From(f.o, f.Customers)).ToList());
        })
        .Produces<List<OrganisationDto>>()
        .WithSummary("Organisations, by the start of their name or domain.");

        organisations.MapPost("/", async (HttpContext http, SaveOrganisation save) => await SaveAsync(http, save, null))
        .RequireAuthorization(Access.Manage)
        .Accepts<OrganisationRequest>("application/json")
        .Produces<OrganisationDto>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .WithSummary("Add an organisation (leads and up): name, domains (its new customers join it, and those already writing from them), notes.");

        organisations.MapPut("/{id:long}", async (long id, HttpContext http, SaveOrganisation save) => await SaveAsync(http, save, id))
        .RequireAuthorization(Access.Manage)
        .Accepts<OrganisationRequest>("application/json")
        .Produces<OrganisationDto>()
        .ProducesValidationProblem()
        .WithSummary("Change an organisation's name, domains or notes (leads and up).");

        organisations.MapPost("/{id:long}/members", async (long id, HttpContext http, GuichetDb db) =>
        {
            var (request, problem) = await JsonBody.ReadAsync<MemberRequest>(http);
            if (problem is not null)
            {
                return problem;
            }
            if (!await db.Organisations.AnyAsync(o => o.Id == id, http.RequestAborted))
            {
                return Problems.From(Failure.NotFound("id", $"There is no organisation {id}."));
            }
            if (request!.CustomerId is not { } customer || !await db.Customers.AnyAsync(c => c.Id == customer, http.RequestAborted))
            {
                return Problems.From(Failure.Invalid("customerId", $"There is no customer {request.CustomerId}."));
            }
            if (!await db.Memberships.AnyAsync(m => m.OrganisationId == id && m.CustomerId == customer, http.RequestAborted))
            {
                db.Memberships.Add(new Membership { OrganisationId = id, CustomerId = customer });
                await db.SaveChangesAsync(http.RequestAborted);
            }
            return TypedResults.NoContent();
        })
        .RequireAuthorization(Access.Manage)
        .Accepts<MemberRequest>("application/json")
        .ProducesNothing()
        .WithSummary("Put a customer in the organisation by hand (leads and up).")
            .NamesInBody("customerId", CaseInViewHandler.Target.Customer);
        return api;
    }

    private static async Task<IResult> SaveAsync(HttpContext http, SaveOrganisation save, long? id)
    {
        var (request, problem) = await JsonBody.ReadAsync<OrganisationRequest>(http);
        if (problem is not null)
        {
            return problem;
        }
        var result = await save.SaveAsync(id, request!, http.RequestAborted);
        if (!result.Succeeded)
        {
            return Problems.From(result.Failure!);
        }
        var dto = OrganisationDto.From(result.Value, 0);
        return id is null ? TypedResults.Created($"/api/organisations/{result.Value.Id}", dto) : TypedResults.Ok(dto);
    }
}
