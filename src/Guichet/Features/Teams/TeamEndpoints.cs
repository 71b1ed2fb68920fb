using Guichet.Api;
using Guichet.Core.Data;
using Guichet.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Teams;

/// <summary>GET /api/teams and PATCH /api/teams/{slug}: the teams, their calendars and mailboxes.</summary>
public static class TeamEndpoints
{
    public sealed record TeamDto(long Id, string Slug, string Name, string TimeZone, string Hours, string Holidays, int FirstResponseBusinessDays, string? MailAddress, bool IsDefault)
    {
        public static TeamDto From(Team t) => new(t.Id, t.Slug, t.Name, t.TimeZone, t.Hours, t.Holidays, t.FirstResponseBusinessDays, t.MailAddress, t.IsDefault);
    }

    public sealed record TeamChange(string? MailAddress);

    public static RouteGroupBuilder MapTeams(this RouteGroupBuilder api)
    {
        api.MapGet("/teams", async (GuichetDb db, CancellationToken ct) =>
            TypedResults.Ok((await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct)).Select(TeamDto.From).ToArray()))
            .WithTags("Teams")
            .WithSummary("Every team with its calendar and mailbox address.");

        api.MapPatch("/teams/{slug}", async (string slug, HttpContext http, SetTeamMailAddress set) =>
        {
            var (change, problem) = await JsonBody.ReadAsync<TeamChange>(http);
            if (problem is not null)
            {
                return problem;
            }
            var result = await set.RunAsync(slug, change!.MailAddress, http.RequestAborted);
            return result.Succeeded ? Results.Ok(TeamDto.From(result.Value)) : Problems.From(result.Failure!);
        })
        .RequireAuthorization(p => p.RequireRole("Admin"))
        .WithTags("Teams")
        .WithSummary("Set a team's mailbox address (mailAddress; null removes it): mail sent there opens its cases and its mail leaves from it.");
        return api;
    }
}
