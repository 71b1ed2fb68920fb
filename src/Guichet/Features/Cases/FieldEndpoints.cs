using Guichet.Core;
using Guichet.Core.Cases;
using Guichet.Core.Cases.Fields;
using Guichet.Core.Data;
using Guichet.Features.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Cases;

/// <summary>Custom fields on cases (SPEC W5): defined by admins, filled on the case, filtered on (field.key=value).</summary>
public static class FieldEndpoints
{
    public sealed record FieldDto(long Id, string Key, string Label, string Type, IReadOnlyList<string> Options, bool Required, string AppliesTo = "case")
    {
        public static FieldDto From(FieldDefinition f) => new(f.Id, f.Key, f.Label, f.Type.ToWire(), f.Choices, f.Required, f.AppliesTo.ToWire());
    }

    public sealed record FieldsRequest(Dictionary<string, string?>? CustomFields);
    public sealed record FieldsDto(IReadOnlyDictionary<string, string> CustomFields);

    public static RouteGroupBuilder MapFields(this RouteGroupBuilder api)
    {
        api.MapGet("/fields", async (string? appliesTo, GuichetDb db, CancellationToken ct) =>
        {
            FieldObject? on = null;
            if (appliesTo is not null)
            {
                if (!WireNames.TryParseWire<FieldObject>(appliesTo, out var parsed))
                {
                    return Problems.From(Failure.Invalid("appliesTo", $"'{appliesTo}' is not what a field goes on: case, customer or organisation."));
                }
                on = parsed;
            }
            var fields = await db.FieldDefinitions.AsNoTracking().Where(f => on == null || f.AppliesTo == on).OrderBy(f => f.AppliesTo).ThenBy(f => f.Position).ToListAsync(ct);
            return TypedResults.Ok(fields.Select(FieldDto.From).ToList());
        })
        .WithTags("Fields")
        .Produces<List<FieldDto>>()
        .WithSummary("The custom fields, in their order: on cases, customers and organisations (appliesTo= for one of them).");

        api.MapPost("/fields", async (HttpContext http, DefineField define) =>
        {
            var (request, problem) = await JsonBody.ReadAsync<FieldRequest>(http);
            if (problem is not null)
            {
                return problem;
            }
            var result = await define.CreateAsync(request!, http.RequestAborted);
            return result.Succeeded ? TypedResults.Created($"/api/fields/{result.Value.Id}", FieldDto.From(result.Value)) : Problems.From(result.Failure!);
        })
        .RequireAuthorization(Access.Admin)
        .WithTags("Fields")
        .Accepts<FieldRequest>("application/json")
        .Produces<FieldDto>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .WithSummary("Add a custom field (admins): key, label, type (text, number, date, list, yesNo), options for a list, appliesTo (case (default), customer or organisation), required (a case's, before resolving).")
            .NamesInBody("key", "the new field's own name, shared by every team");

        api.MapDelete("/fields/{id:long}", async (long id, DefineField define, CancellationToken ct) =>
        {
            var result = await define.DeleteAsync(id, ct);
            return result.Succeeded ? TypedResults.NoContent() : Problems.From(result.Failure!);
        })
        .RequireAuthorization(Access.Admin)
        .WithTags("Fields")
        .ProducesNothing()
        .WithSummary("Remove a custom field and its values (admins).");

        api.MapPut("/cases/{id:long}/fields", (long id, HttpContext http, GuichetDb db, SetCaseFields set) =>
            CaseEndpoints.WithActor<FieldsRequest, IReadOnlyDictionary<string, string>>(http, db, (r, actor) => set.RunAsync(id, r.CustomFields?.ToDictionary(k => k.Key, k => k.Value), actor, http.RequestAborted),
                values => TypedResults.Ok(new FieldsDto(values))))
        .WithTags("Cases")
        .Accepts<FieldsRequest>("application/json")
        .Produces<FieldsDto>()
        .ProducesValidationProblem()
        .WithSummary("Fill or clear the case's custom fields: {\"customFields\": {\"order-number\": \"A-1234\", \"under-warranty\": \"yes\"}}; an empty value clears one.");
        return api;
    }

    public static RouteGroupBuilder MapFieldForms(this RouteGroupBuilder ui)
    {
        ui.MapPost("/cases/{id:long}/fields", async (long id, HttpContext http, GuichetDb db, SetCaseFields set) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var values = form.Where(f => f.Key.StartsWith("field.", StringComparison.Ordinal)).ToDictionary(f => f.Key["field.".Length..], f => (string?)f.Value.ToString());
            return Forms.BackToCase(id, await set.RunAsync(id, values, await Forms.RequireAgentAsync(http, db), http.RequestAborted));
        });
        return ui;
    }
}
