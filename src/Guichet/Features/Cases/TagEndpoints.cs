using Guichet.Core.Cases.Tags;
using Guichet.Core.Data;
using Guichet.Features.Permissions;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Cases;

/// <summary>Tags (SPEC W5): on a case, typed ahead from those in use, renamed or merged by an admin.</summary>
public static class TagEndpoints
{
    public sealed record TagsDto(IReadOnlyList<string> Tags);
    public sealed record TagUse(string Name, int Cases);
    public sealed record RenameRequest(string? From, string? To);

    public static RouteGroupBuilder MapTags(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{id:long}/tags", (long id, HttpContext http, GuichetDb db, TagCase tag) =>
            CaseEndpoints.WithActor<TagCaseRequest, IReadOnlyList<string>>(http, db, (r, actor) => tag.RunAsync(id, r, actor, http.RequestAborted),
                tags => TypedResults.Ok(new TagsDto(tags))))
        .WithTags("Cases")
        .Accepts<TagCaseRequest>("application/json")
        .Produces<TagsDto>()
        .ProducesValidationProblem()
        .WithSummary("Put tags on the case and take others off: {add: [...], remove: [...]}; names are written lower case with dashes (\"Grève 2026\" is grève-2026).");

        api.MapGet("/tags", async (string? prefix, int? limit, GuichetDb db, KnownTags known, CancellationToken ct) =>
        {
            var n = Math.Clamp(limit ?? 20, 1, 100);
            if (TagName.Normalise(prefix) is not { Length: > 0 } start)
            {
                // Every tag counted: the case page's suggestions, read again at most once a minute.
                return TypedResults.Ok((await known.UsesAsync(db, ct)).Take(n).ToList());
            }
            // On SQLite a range of the name index (its LIKE reads every tag; names compare as bytes there).
            var end = start[..^1] + (char)(start[^1] + 1);
            var starting = db.Database.IsNpgsql()
                ? db.CaseTags.Where(t => t.Name.StartsWith(start))
                : db.CaseTags.Where(t => string.Compare(t.Name, start) >= 0 && string.Compare(t.Name, end) < 0);
            var uses = await starting.GroupBy(t => t.Name)
                .Select(g => new { Name = g.Key, Cases = g.Count() }).OrderByDescending(u => u.Cases).ThenBy(u => u.Name).Take(n).ToListAsync(ct);
            return TypedResults.Ok(uses.Select(u => new TagUse(u.Name, u.Cases)).ToList());
        })
        .WithTags("Cases")
        .Produces<List<TagUse>>()
        .WithSummary("Tags in use, most used first, optionally those starting with a prefix (to type ahead); without a prefix the hundred most used, counted at most a minute ago.");

        api.MapPost("/tags/rename", async (HttpContext http, RenameTag rename) =>
        {
            var (request, problem) = await JsonBody.ReadAsync<RenameRequest>(http);
            if (problem is not null)
            {
                return problem;
            }
            var result = await rename.RunAsync(request!.From, request.To, http.RequestAborted);
            return result.Succeeded ? TypedResults.Ok(result.Value) : Problems.From(result.Failure!);
        })
        .RequireAuthorization(Access.Admin)
        .WithTags("Cases")
        .Accepts<RenameRequest>("application/json")
        .Produces<RenameTag.Renamed>()
        .ProducesValidationProblem()
        .WithSummary("Rename a tag on every case, or merge it into another that exists (admins).")
            .NamesInBody("from", "a tag's name, shared by every team");
        return api;
    }
}
