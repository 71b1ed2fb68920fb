using Guichet.Features.Permissions;
using Guichet.Hosting.Web;
using Guichet.Core.Data;
using Guichet.Core.Replies;
using Guichet.Features.Cases;

namespace Guichet.Features.Templates;

/// <summary>
/// /api/templates: the team's Liquid templates (shipped texts, its own versions, its macros), their
/// preview on a real case with the send guard's verdict, and their editing by admins (SPEC Q1, decision 0015).
/// </summary>
public static class TemplateEndpoints
{
    /// <summary>A field a template may print, and what it holds.</summary>
    public sealed record FieldMeaning(string Field, string Meaning);

    public sealed record ReasonDto(string Code, string Message, bool Blocking);

    public sealed record PreviewDto(string Text, string Draft, IReadOnlyList<string> EmptyFields, IReadOnlyList<ReasonDto> Reasons)
    {
        public static PreviewDto From(Preview p) => new(p.Text, p.Draft, p.EmptyFields, p.Reasons.Select(r => new ReasonDto(r.Code, r.Message, r.Blocking)).ToList());
    }

    public static RouteGroupBuilder MapTemplates(this RouteGroupBuilder api)
    {
        var templates = api.MapGroup("/templates").WithTags("Templates");

        templates.MapGet("", async (string? team, GuichetDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var found = await TemplateQueries.TeamAsync(db, team, ct);
            return found is null
                ? Problems.From(Core.Failure.NotFound("team", $"There is no team '{team}'."))
                : Results.Ok(await TemplateQueries.ListAsync(db, found, clock, ct));
        })
        .Produces<IReadOnlyList<TemplateView>>()
        .WithSummary("The team's templates (default team when none is named): every shipped one in French and English, its own text or Guichet's, then its macros.");

        templates.MapGet("/fields", () => Results.Ok(TemplateFacts.Fields.Select(f => new FieldMeaning(f.Field, f.Meaning)).ToList()))
            .Produces<List<FieldMeaning>>()
            .WithSummary("The fields a template may print ({{ customer.name }}…); any other name is a variable the agent supplies when sending.");

        templates.MapPut("/{key}", async (string key, HttpContext http, SaveTemplate save) =>
        {
            var (change, problem) = await JsonBody.ReadAsync<TemplateChange>(http);
            if (problem is not null)
            {
                return problem;
            }
            var result = await save.RunAsync(key, change!, http.User.Identity?.Name ?? "admin", http.RequestAborted);
            return result.Succeeded ? Results.Ok(result.Value) : Problems.From(result.Failure!);
        })
        .RequireAuthorization(Access.Admin)
        .Accepts<TemplateChange>("application/json")
        .Produces<TemplateView>()
        .ProducesValidationProblem()
        .WithSummary("Store the team's text for a shipped template, or a macro of its own ({team?, language, name?, body}); invalid Liquid or an unknown field is refused naming body.");

        templates.MapDelete("/{key}", async (string key, string? team, string? language, RemoveTemplate remove, CancellationToken ct) =>
            await remove.RunAsync(key, team, language, ct) is { } failure ? Problems.From(failure) : Results.NoContent())
        .RequireAuthorization(Access.Admin)
        .ProducesNothing()
        .WithSummary("Remove the team's own text (both languages unless one is named): a shipped template returns to Guichet's text, a macro is gone.");

        templates.MapPost("/preview", (HttpContext http, GuichetDb db, PreviewTemplate preview) =>
            CaseEndpoints.WithActor<PreviewRequest, Preview>(http, db, (r, actor) => preview.RunAsync(r, actor, http.RequestAborted), p => Results.Ok(PreviewDto.From(p))))
        .Accepts<PreviewRequest>("application/json")
        .Produces<PreviewDto>()
        .WithSummary("Render a template (templateId, or body being edited) on a case (caseId) or a complete sample, with the send guard's reasons; draft shows empty fields as {{ field }}.")
            .NamesInBody("templateId", "a template key of the case's team")
            .NamesInBody("caseId", CaseInViewHandler.Target.Case);
        return api;
    }
}
