using Guichet.Features.Permissions;
using Guichet.Hosting.Web;
using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Guichet.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Customers;

/// <summary>
/// One customer on every channel (C2): their identities and cases, merging two customers (and
/// undoing it), and folding a case opened elsewhere into the case of the same problem (C1).
/// </summary>
public static class CustomerEndpoints
{
    public sealed record MergeRequest(long? From);
    public sealed record IdentityDto(string Kind, string Value, bool Verified);
    public sealed record CaseLine(long Id, string Reference, string Subject, string Status, string Channel);
    public sealed record AssetDto(long Id, string Kind, string Reference, string Label, string? Details, DateTimeOffset AddedAt)
    {
        public static AssetDto From(CustomerAsset a) => new(a.Id, a.Kind, a.Reference, a.Label, a.Details, a.AddedAt);
    }
    public sealed record CustomerView(long Id, string Name, string Language, string TimeZone, long? MergedIntoId, IdentityDto[] Identities, CaseLine[] Cases, AssetDto[] Assets)
    {
        public IReadOnlyList<string> Tags { get; init; } = [];
        public IReadOnlyDictionary<string, string> CustomFields { get; init; } = new Dictionary<string, string>();
    }

    public sealed record TagsRequest(IReadOnlyList<string>? Add, IReadOnlyList<string>? Remove);
    public sealed record FieldsRequest(Dictionary<string, string?>? CustomFields);
    /// <summary>The case the other was folded into.</summary>
    public sealed record MergedCase(long CaseId);

    public sealed record MergeDto(long Id, long IntoId, long FromId, DateTimeOffset At, long[] IdentityIds, long[] CaseIds, DateTimeOffset? UndoneAt)
    {
        public static MergeDto From(CustomerMerge m) => new(m.Id, m.IntoId, m.FromId, m.At, CustomerMerge.Split(m.IdentityIds), CustomerMerge.Split(m.CaseIds), m.UndoneAt);
    }

    public static RouteGroupBuilder MapCustomers(this RouteGroupBuilder api)
    {
        api.MapGet("/customers/{id:long}", async (long id, HttpContext http, GuichetDb db, CancellationToken ct) =>
        {
            var customer = await db.Customers.AsNoTracking().Include(c => c.Identities).FirstOrDefaultAsync(c => c.Id == id, ct);
            if (customer is null)
            {
                return Problems.Field(StatusCodes.Status404NotFound, "Not found", "id", $"There is no customer {id}.");
            }
            // Their cases the reader sees: another team's subjects stay with that team (issue 21).
            var cases = await db.Cases.AsNoTracking().VisibleTo(await http.CurrentAgentAsync(db)).Where(c => c.CustomerId == id).OrderByDescending(c => c.UpdatedAt)
                .Select(c => new { c.Id, c.Reference, c.Subject, c.Status, c.Channel }).ToListAsync(ct);
            var assets = await db.CustomerAssets.AsNoTracking().Where(a => a.CustomerId == id).OrderBy(a => a.Kind).ThenBy(a => a.Reference).ToListAsync(ct);
            var profile = await EditProfile.ReadAsync(db, ProfileKind.Customer, id, ct);
            return Results.Ok(new CustomerView(customer.Id, customer.Name, customer.Language, customer.TimeZone, customer.MergedIntoId,
                customer.Identities.OrderBy(i => i.Kind).Select(i => new IdentityDto(i.Kind.ToWire(), i.Value, i.Verified)).ToArray(),
                cases.Select(c => new CaseLine(c.Id, c.Reference, c.Subject, c.Status.ToWire(), c.Channel.ToWire())).ToArray(),
                assets.Select(AssetDto.From).ToArray())
            {
                Tags = profile.Tags, CustomFields = profile.CustomFields,
            });
        })
        .WithTags("Customers")
        .Produces<CustomerView>()
        .WithSummary("A customer with every identity (email, phone, social) and every case on every channel.");

        api.MapPost("/customers/{id:long}/tags", (long id, HttpContext http, GuichetDb db, EditProfile edit) =>
            CaseEndpoints.WithActor<TagsRequest, Profile>(http, db, (r, actor) => edit.RunAsync(ProfileKind.Customer, id, new ProfileRequest(r.Add, r.Remove), actor, http.RequestAborted), p => TypedResults.Ok(p)))
        .WithTags("Customers")
        .Accepts<TagsRequest>("application/json")
        .Produces<Profile>()
        .WithSummary("Add or take off a customer's tags {add, remove} (W5); the answer is their tags and custom fields.");

        api.MapPut("/customers/{id:long}/fields", (long id, HttpContext http, GuichetDb db, EditProfile edit) =>
            CaseEndpoints.WithActor<FieldsRequest, Profile>(http, db, (r, actor) => edit.RunAsync(ProfileKind.Customer, id, new ProfileRequest(CustomFields: r.CustomFields?.ToDictionary(k => k.Key, k => k.Value)), actor, http.RequestAborted), p => TypedResults.Ok(p)))
        .WithTags("Customers")
        .Accepts<FieldsRequest>("application/json")
        .Produces<Profile>()
        .WithSummary("Fill or clear a customer's custom fields {customFields: {key: value}} (W5): each value as its field's type reads it, empty clears.");

        api.MapPost("/customers/{id:long}/assets", async (long id, HttpContext http, AddAsset add) =>
        {
            var (request, problem) = await JsonBody.ReadAsync<AssetRequest>(http);
            if (problem is not null)
            {
                return problem;
            }
            var result = await add.RunAsync(id, request!, http.RequestAborted);
            return result.Succeeded ? Results.Ok(AssetDto.From(result.Value)) : Problems.From(result.Failure!);
        })
        .WithTags("Customers")
        .Produces<AssetDto>()
        .WithSummary("Add (or update, same kind and reference) what the customer has: equipment, an order, a booking; shown beside each of their cases.")
            .Accepts<AssetRequest>("application/json")
            .NamesInBody("reference", "the asset's own reference (a serial number, an order number)");

        api.MapPost("/customers/{id:long}/merge", (long id, HttpContext http, GuichetDb db, MergeCustomers merge) =>
            CaseEndpoints.WithActor<MergeRequest, CustomerMerge>(http, db, (r, agent) => merge.RunAsync(id, r.From, agent, http.RequestAborted), m => Results.Ok(MergeDto.From(m))))
        .WithTags("Customers")
        .Produces<MergeDto>()
        .WithSummary("Merge customer {from} into this one: their identities and cases move here; undoable.")
            .Accepts<MergeRequest>("application/json")
            .NamesInBody("from", CaseInViewHandler.Target.Customer);

        api.MapPost("/customers/merges/{mergeId:long}/undo", (long mergeId, HttpContext http, GuichetDb db, MergeCustomers merge) =>
            CaseEndpoints.AsActor(http, db, agent => merge.UndoAsync(mergeId, agent, http.RequestAborted), m => Results.Ok(MergeDto.From(m))))
        .WithTags("Customers")
        .Produces<MergeDto>()
        .WithSummary("Undo a merge: exactly the identities and cases that moved go back.")
            .TakesNoBody();

        api.MapPost("/cases/{id:long}/merge", (long id, HttpContext http, GuichetDb db, TimeProvider clock, MergeCases merge) =>
            CaseEndpoints.WithActor<MergeRequest, Case>(http, db, (r, agent) => merge.RunAsync(id, r.From, agent, http.RequestAborted),
                _ => Results.Ok(new MergedCase(id))))
        .WithTags("Cases")
        .Produces<MergedCase>()
        .WithSummary("Fold case {from} into this one (same problem): its messages, events, promises and calls move here and it closes; different customers are merged.")
            .Accepts<MergeRequest>("application/json")
            .NamesInBody("from", CaseInViewHandler.Target.Case);
        return api;
    }
}
