using Guichet.Hosting.Web;
using Guichet.Core;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Surveys;

/// <summary>
/// /api/surveys: the surveys of resolved cases (M1) for agents, and the customer's side, reached
/// by the secret token of the survey's link: read it, answer it once.
/// </summary>
public static class SurveyEndpoints
{
    public sealed record SurveyDto(long Id, long CaseId, string Reference, string State, DateTimeOffset? SendAt, DateTimeOffset? SentAt, string? Channel,
        DateTimeOffset? AnsweredAt, int? Csat, int? Effort, string? Comment, string? CancelReason)
    {
        public static SurveyDto From(Survey s, string reference) => new(s.Id, s.CaseId, reference, s.State.ToWire(), s.SendAt, s.SentAt, s.Channel?.ToWire(),
            s.AnsweredAt, s.Csat, s.Effort, s.Comment, s.CancelReason);
    }

    /// <summary>What the customer sees: no names, no other case.</summary>
    public sealed record PublicSurveyDto(string Reference, string Team, string State);

    public sealed record AnswerRequest(int? Csat, int? Effort, string? Comment);

    public static RouteGroupBuilder MapSurveys(this RouteGroupBuilder api)
    {
        var surveys = api.MapGroup("/surveys").WithTags("Surveys");
        surveys.MapGet("/", async (HttpContext http, GuichetDb db) =>
        {
            var query = new QueryParams(http.Request);
            var caseId = query.Text("caseId") is { } text ? long.TryParse(text, out var id) ? id : (long?)null : null;
            if (query.Text("caseId") is { } bad && caseId is null)
            {
                query.Errors.Add("caseId", $"'{bad}' is not a case id.");
            }
            SurveyState? state = null;
            if (query.Text("state") is { } stateText)
            {
                if (WireNames.TryParseWire<SurveyState>(stateText, out var parsed))
                {
                    state = parsed;
                }
                else
                {
                    query.Errors.Add("state", $"'{stateText}' is not a survey state; use scheduled, sent, answered or cancelled.");
                }
            }
            var (page, size) = query.Paging();
            if (query.Errors.Any)
            {
                return Problems.From(query.Errors.ToFailure());
            }
            // Surveys are seen with their case (issue 21).
            var visible = db.Cases.VisibleTo(await http.CurrentAgentAsync(db)).Select(c => c.Id);
            var rows = await db.Surveys.AsNoTracking()
                .Where(s => (caseId == null || s.CaseId == caseId) && (state == null || s.State == state) && visible.Contains(s.CaseId))
                .OrderByDescending(s => s.Id).Skip((page - 1) * size).Take(size)
                .Select(s => new { Survey = s, s.Case.Reference })
                .ToListAsync(http.RequestAborted);
            return Results.Ok(rows.Select(r => SurveyDto.From(r.Survey, r.Reference)).ToList());
        })
        .Produces<List<SurveyDto>>()
        .WithQuery("caseId#: a case's id.", "state: scheduled, sent, answered or cancelled.", "page#: page number from 1.", "pageSize#: items per page, 1 to 100.")
        .WithSummary("Surveys, newest first: caseId, state (scheduled, sent, answered, cancelled), page, pageSize.");

        surveys.MapGet("/{token}", async (string token, GuichetDb db, CancellationToken ct) =>
            await AnswerSurvey.FindAsync(db, token, ct) is { } s
                ? Results.Ok(new PublicSurveyDto(s.Case.Reference, s.Case.Team.Name, s.State.ToWire()))
                : Problems.Field(404, "Not found", "token", "This survey link is not known."))
        .AllowAnonymous()
        .RequireRateLimiting(Hosting.Web.RateLimits.Portal)
        .Produces<PublicSurveyDto>()
        .WithSummary("The customer's view of a survey, by its link's token.");

        surveys.MapPost("/{token}", async (string token, HttpContext http, AnswerSurvey answer) =>
        {
            var (request, problem) = await JsonBody.ReadAsync<AnswerRequest>(http);
            if (problem is not null)
            {
                return problem;
            }
            var result = await answer.ByLinkAsync(token, request!.Csat, request.Effort, request.Comment, http.RequestAborted);
            return result.Succeeded ? Results.Ok(new PublicSurveyDto(result.Value.Case.Reference, result.Value.Case.Team.Name, result.Value.State.ToWire())) : Problems.From(result.Failure!);
        })
        .AllowAnonymous()
        .Accepts<AnswerRequest>("application/json")
        .RequireRateLimiting(Hosting.Web.RateLimits.Portal)
        .Produces<PublicSurveyDto>()
        .WithSummary("The customer answers: {csat 1–5, effort 1–7, comment?}. Once only (409 after); an unhappy answer notifies the owner and the team's leads.");
        return api;
    }
}
