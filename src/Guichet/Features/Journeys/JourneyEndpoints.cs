using Guichet.Features.Permissions;
using Guichet.Hosting.Web;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Journeys;
using Guichet.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Journeys;

/// <summary>/api/journeys: test journeys (M5), their runs, and "run now". Managers set them up; leads read them.</summary>
public static class JourneyEndpoints
{
    public sealed record JourneyDto(long Id, string Name, string Channel, string? Team, string Language, string Subject, string Body, int EveryMinutes, int AckWithinMinutes, bool Enabled, DateTimeOffset? NextRunAt)
    {
        public static JourneyDto From(TestJourney j) => new(j.Id, j.Name, j.Channel.ToWire(), j.Team?.Slug, j.Language, j.Subject, j.Body, j.EveryMinutes, j.AckWithinMinutes, j.Enabled, j.NextRunAt);
    }

    public sealed record RunDto(long Id, long JourneyId, DateTimeOffset StartedAt, long? CaseId, string State, DateTimeOffset AckDeadline, DateTimeOffset? AcknowledgedAt,
        DateTimeOffset? AnswerDueAt, DateTimeOffset? AnsweredAt, IReadOnlyList<string> Failures, DateTimeOffset? FinishedAt)
    {
        public static RunDto From(JourneyRun r) => new(r.Id, r.JourneyId, r.StartedAt, r.CaseId, r.State.ToWire(), r.AckDeadline, r.AcknowledgedAt, r.AnswerDueAt, r.AnsweredAt,
            r.Failures.Split('\n', StringSplitOptions.RemoveEmptyEntries), r.FinishedAt);
    }


    public static RouteGroupBuilder MapJourneys(this RouteGroupBuilder api)
    {
        var journeys = api.MapGroup("/journeys").WithTags("Test journeys").RequireAuthorization(Access.Oversee);
        journeys.MapGet("/", async (GuichetDb db, CancellationToken ct) =>
            Results.Ok((await db.TestJourneys.AsNoTracking().Include(j => j.Team).OrderBy(j => j.Name).ToListAsync(ct)).Select(JourneyDto.From).ToList()))
            .Produces<List<JourneyDto>>()
            .WithSummary("Every test journey with its schedule.");

        journeys.MapPost("/", async (HttpContext http, SaveJourney save) =>
        {
            var (request, problem) = await JsonBody.ReadAsync<JourneyRequest>(http);
            if (problem is not null)
            {
                return problem;
            }
            var result = await save.CreateAsync(request!, http.RequestAborted);
            return result.Succeeded ? Results.Created($"/api/journeys/{result.Value.Id}", JourneyDto.From(result.Value)) : Problems.From(result.Failure!);
        })
        .RequireAuthorization(Access.Manage)
        .Accepts<JourneyRequest>("application/json")
        .Produces<JourneyDto>(StatusCodes.Status201Created)
        .WithSummary("Set up a journey: {name, channel (email|portal|social|chat), team? (email: whose mailbox), language?, subject?, body?, everyMinutes? (15–10080, default daily), ackWithinMinutes? (default 15), enabled?}. It runs at once, then on its schedule.");

        journeys.MapPatch("/{id:long}", async (long id, HttpContext http, SaveJourney save) =>
        {
            var (request, problem) = await JsonBody.ReadAsync<JourneyRequest>(http);
            if (problem is not null)
            {
                return problem;
            }
            var result = await save.UpdateAsync(id, request!, http.RequestAborted);
            return result.Succeeded ? Results.Ok(JourneyDto.From(result.Value)) : Problems.From(result.Failure!);
        })
        .RequireAuthorization(Access.Manage)
        .Accepts<JourneyRequest>("application/json")
        .Produces<JourneyDto>()
        .WithSummary("Change a journey; only what is named changes ({enabled:false} stops it).");

        journeys.MapPost("/{id:long}/run", async (long id, RunJourneys runs, ServeOptions options, CancellationToken ct) =>
        {
            var result = await runs.StartAsync(id, options.PublicBaseUrl, ct);
            return result.Succeeded ? Results.Ok(RunDto.From(result.Value)) : Problems.From(result.Failure!);
        })
        .RequireAuthorization(Access.Manage)
        .Produces<RunDto>()
        .WithSummary("Start a run now; it is judged like the scheduled ones.")
            .TakesNoBody();

        journeys.MapGet("/{id:long}/runs", async (long id, GuichetDb db, CancellationToken ct) =>
            Results.Ok((await db.JourneyRuns.AsNoTracking().Where(r => r.JourneyId == id).OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Take(100).ToListAsync(ct)).Select(RunDto.From).ToList()))
            .Produces<List<RunDto>>()
            .WithSummary("The journey's latest 100 runs, newest first, with what failed.");
        return api;
    }
}
