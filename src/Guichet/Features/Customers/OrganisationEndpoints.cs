using Guichet.Core;
using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Customers.Organisations;
using Guichet.Features.Cases;
using Guichet.Core.Data;
using Guichet.Features.Permissions;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Customers;

/// <summary>Organisations (SPEC W12): read by everyone, made and changed by managers and admins; people join by domain or by hand.</summary>
public static class OrganisationEndpoints
{
    public sealed record OrganisationDto(long Id, string Name, IReadOnlyList<string> Domains, string? Notes, int Customers)
    {
        public IReadOnlyList<string> Tags { get; init; } = [];
        public IReadOnlyDictionary<string, string> CustomFields { get; init; } = new Dictionary<string, string>();

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
            var ids = found.Select(f => f.o.Id).ToList();
            var profiles = await EditProfile.ReadManyAsync(db, ProfileKind.Organisation, ids, ct);
            return TypedResults.Ok(found.Select(f => OrganisationDto.From(f.o, f.Customers) with
            {
                Tags = profiles[f.o.Id].Tags,
                CustomFields = profiles[f.o.Id].CustomFields,
            }).ToList());
        })
        .Produces<List<OrganisationDto>>()
        .WithSummary("Organisations, by the start of their name or domain.");

        organisations.MapPost("/", async (HttpContext http, SaveOrganisation save) => await SaveAsync(http, save, null))
        .RequireAuthorization(Access.Manage)
        .Accepts<OrganisationRequest>("application/json")
        .Produces<OrganisationDto>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .WithSummary("Add an organisation (managers and admins): name, domains (its new customers join it, and those already writing from them), notes.");

        organisations.MapPut("/{id:long}", async (long id, HttpContext http, SaveOrganisation save) => await SaveAsync(http, save, id))
        .RequireAuthorization(Access.Manage)
        .Accepts<OrganisationRequest>("application/json")
        .Produces<OrganisationDto>()
        .ProducesValidationProblem()
        .WithSummary("Change an organisation's name, domains or notes (managers and admins).");

        organisations.MapPost("/import", async (HttpContext http, GuichetDb db, ImportOrganisations import) =>
        {
            if (await http.CurrentAgentAsync(db) is not { } actor)
            {
                return Results.Unauthorized();
            }
            if (http.Request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) != true)
            {
                return Problems.Field(StatusCodes.Status415UnsupportedMediaType, "Send CSV", "body", "Send the file as text/csv: name, domains, notes, tags, field.<key>.");
            }
            // The CSV reader reads synchronously: the file is taken in first (organisations are thousands, not millions).
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            buffer.Position = 0;
            using var reader = new StreamReader(buffer);
            var report = await import.RunAsync(reader, actor, ct: http.RequestAborted);
            return TypedResults.Ok(report);
        })
        .RequireAuthorization(Access.Manage)
        .Accepts<string>("text/csv")
        .Produces<ImportOrganisations.Report>()
        .WithSummary("Import organisations from CSV (name, domains, notes, tags, field.<key>): found by name and updated, or added; each bad line reported, the others imported.");

        organisations.MapPost("/{id:long}/tags", (long id, HttpContext http, GuichetDb db, EditProfile edit) =>
            CaseEndpoints.WithActor<CustomerEndpoints.TagsRequest, Profile>(http, db, (r, actor) => edit.RunAsync(ProfileKind.Organisation, id, new ProfileRequest(r.Add, r.Remove), actor, http.RequestAborted), p => TypedResults.Ok(p)))
        .RequireAuthorization(Access.Manage)
        .Accepts<CustomerEndpoints.TagsRequest>("application/json")
        .Produces<Profile>()
        .WithSummary("Add or take off an organisation's tags {add, remove}.");

        organisations.MapPut("/{id:long}/fields", (long id, HttpContext http, GuichetDb db, EditProfile edit) =>
            CaseEndpoints.WithActor<CustomerEndpoints.FieldsRequest, Profile>(http, db, (r, actor) => edit.RunAsync(ProfileKind.Organisation, id, new ProfileRequest(CustomFields: r.CustomFields?.ToDictionary(k => k.Key, k => k.Value)), actor, http.RequestAborted), p => TypedResults.Ok(p)))
        .RequireAuthorization(Access.Manage)
        .Accepts<CustomerEndpoints.FieldsRequest>("application/json")
        .Produces<Profile>()
        .WithSummary("Fill or clear an organisation's custom fields {customFields: {key: value}}.");

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
        .WithSummary("Put a customer in the organisation by hand (managers and admins).")
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
