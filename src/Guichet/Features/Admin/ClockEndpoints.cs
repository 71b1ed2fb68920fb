using Guichet.Features.Permissions;
using System.Xml;
using Guichet.Hosting.Web;
using Guichet.Hosting;

namespace Guichet.Features.Admin;

/// <summary>
/// CONTRACT "Time": with --test-clock, admins move the clock forward and whatever became due runs.
/// Without it the route does not exist (404).
/// </summary>
public static class ClockEndpoints
{
    public sealed record ClockRequest(string? Advance);
    public sealed record ClockState(DateTimeOffset Now);

    public static RouteGroupBuilder MapClock(this RouteGroupBuilder api, ServeOptions options)
    {
        if (!options.TestClock)
        {
            return api;
        }
        api.MapPost("/admin/clock", async (HttpContext http, TimeProvider clock, IEnumerable<IDueWork> work) =>
        {
            var (request, problem) = await JsonBody.ReadAsync<ClockRequest>(http);
            if (problem is not null)
            {
                return problem;
            }
            TimeSpan by;
            try
            {
                by = XmlConvert.ToTimeSpan(request!.Advance ?? "");
            }
            catch (FormatException)
            {
                return Problems.Field(StatusCodes.Status400BadRequest, "Invalid request", "advance", "Give an ISO 8601 duration such as PT72H or P3D.");
            }
            if (by < TimeSpan.Zero)
            {
                return Problems.Field(StatusCodes.Status400BadRequest, "Invalid request", "advance", "Time only moves forward.");
            }
            var now = ((AdjustableClock)clock).Advance(by);
            foreach (var due in work.OrderBy(w => w.Stage))
            {
                await due.RunDueAsync(http.RequestAborted);
            }
            return TypedResults.Ok(new ClockState(now));
        })
        .RequireAuthorization(Access.Admin)
        .WithTags("Admin")
        .WithSummary("Test clock only: advance the clock (ISO 8601 duration) and run what became due.")
        .Produces<ClockState>()
            .Accepts<ClockRequest>("application/json");

        api.MapGet("/admin/clock", (TimeProvider clock) => TypedResults.Ok(new ClockState(clock.GetUtcNow())))
            .WithTags("Admin")
            .WithSummary("Test clock only: the time the server lives at.");
        return api;
    }
}
