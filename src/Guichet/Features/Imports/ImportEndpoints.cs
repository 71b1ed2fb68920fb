using System.Text.Json;
using Guichet.Core;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Imports;
using Guichet.Features.Audit;
using Guichet.Features.Permissions;
using Guichet.Hosting.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Imports;

/// <summary>
/// /api/imports (admins, W10): a help desk's export sent as a zip, imported in the background with
/// its progress and report readable meanwhile; and the lookup of a record by its id in the old tool
/// (for links and scripts that still name Zendesk's ticket numbers).
/// </summary>
public static class ImportEndpoints
{
    public sealed record ImportRunDto(long Id, string Source, string State, bool DryRun, double Done, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
        string? Error, JsonElement? Report)
    {
        public static ImportRunDto From(ImportRun r, DateTimeOffset now) => new(r.Id, r.Source,
            r.StateName(now), r.DryRun, r.Done, r.CreatedAt, r.StartedAt, r.FinishedAt, r.Error,
            r.Report is null ? null : JsonDocument.Parse(r.Report).RootElement.Clone());
    }

    public sealed record ImportedKeyDto(string Source, string Kind, string ExternalId, long LocalId);

    public static RouteGroupBuilder MapImports(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Imports").RequireAuthorization(Access.Admin);

        imports.MapPost("/", async (HttpContext http, StartImport start, TimeProvider clock, CancellationToken ct) =>
        {
            var query = new QueryParams(http.Request);
            var request = new StartImport.Request(query.Text("source"), Flag(query, "dryRun"), Flag(query, "promiseOpen"), query.Text("team"));
            if (query.Errors.Any)
            {
                return Problems.From(query.Errors.ToFailure());
            }
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = StartImport.MaxUploadBytes;
            }
            var run = await start.RunAsync(request, http.Request.Body, http.User.AgentId(), "body", ct);
            return run.Succeeded
                ? TypedResults.Accepted($"/api/imports/{run.Value.Id}", ImportRunDto.From(run.Value, clock.GetUtcNow()))
                : Problems.From(run.Failure!);
        })
        .Accepts<byte[]>("application/zip")
        .Produces<ImportRunDto>(StatusCodes.Status202Accepted)
        .NotAudited("the run itself is the record: who asked, when, and its whole report")
        .WithSummary("Import a help desk's export (query: source=zendesk|zammad|freshdesk, dryRun, promiseOpen, team; body: the export's folder as a zip). Answers at once; GET the run for its progress and report. Running it again brings nothing twice.");

        imports.MapGet("/", async (GuichetDb db, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok((await db.ImportRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(50).ToListAsync(ct)).Select(r => ImportRunDto.From(r, clock.GetUtcNow())).ToArray()))
            .WithSummary("The last 50 imports, newest first.");

        imports.MapGet("/{id:long}", async (long id, GuichetDb db, TimeProvider clock, CancellationToken ct) =>
            await db.ImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } run
                ? Results.Ok(ImportRunDto.From(run, clock.GetUtcNow()))
                : Problems.Field(StatusCodes.Status404NotFound, "Not found", "id", $"There is no import {id}."))
            .Produces<ImportRunDto>()
            .WithSummary("An import: queued, running (done 0 to 1, the report so far), done (its report: created, updated, unchanged per kind, every refused record with why), failed, or interrupted (its node stopped: ask again, it resumes).");

        imports.MapGet("/lookup", async (HttpContext http, GuichetDb db, CancellationToken ct) =>
        {
            var query = new QueryParams(http.Request);
            var (source, kind, externalId) = (query.Text("source"), query.Text("kind") ?? "case", query.Text("externalId"));
            if (source is null)
            {
                query.Errors.Add("source", "Which tool: zendesk, zammad, freshdesk, csv.");
            }
            if (externalId is null)
            {
                query.Errors.Add("externalId", "The record's id in that tool (a ticket number, a user id).");
            }
            if (query.Errors.Any)
            {
                return Problems.From(query.Errors.ToFailure());
            }
            var kept = ImportedKey.Normalise(externalId!);
            return await db.ImportedKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Source == source && k.Kind == kind && k.ExternalId == kept, ct) is { } key
                ? Results.Ok(new ImportedKeyDto(key.Source, key.Kind, key.ExternalId, key.LocalId))
                : Problems.Field(StatusCodes.Status404NotFound, "Not found", "externalId", $"No {kind} {externalId} was imported from {source}.");
        })
        .Produces<ImportedKeyDto>()
        .WithSummary("The Guichet id of a record brought from another tool (query: source, kind = case|customer|agent|organisation|team|field|article|rating, externalId).");
        return api;
    }

    private static bool Flag(QueryParams query, string name)
    {
        var text = query.Text(name);
        if (text is null or "false" or "0")
        {
            return false;
        }
        if (text is "true" or "1")
        {
            return true;
        }
        query.Errors.Add(name, "true or false.");
        return false;
    }
}
