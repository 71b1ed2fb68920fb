using Guichet.Features.Permissions;
using Guichet.Hosting.Web;
using Guichet.Core;
using Guichet.Core.Data;
using Guichet.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Teams;

/// <summary>GET /api/teams and PATCH /api/teams/{slug}: the teams, their calendars and mailboxes.</summary>
public static class TeamEndpoints
{
    public sealed record TeamDto(long Id, string Slug, string Name, string TimeZone, string Hours, string Holidays, int FirstResponseBusinessDays, string? MailAddress, bool IsDefault, string MajorProblems,
        string ExcusePhrases, string RedirectPhrases, string Languages, string Skills, bool AutoAssign, bool SurveysOn, int SurveyDelayHours, int? RetentionYears,
        string? Signature = null, long AttachmentLimitBytes = Core.Files.FileChecks.DefaultLimitBytes)
    {
        public static TeamDto From(Team t) => new(t.Id, t.Slug, t.Name, t.TimeZone, t.Hours, t.Holidays, t.FirstResponseBusinessDays, t.MailAddress, t.IsDefault, t.MajorProblems,
            t.ExcusePhrases, t.RedirectPhrases, t.Languages, t.Skills, t.AutoAssign, t.SurveysOn, t.SurveyDelayHours, t.RetentionYears, t.Signature, t.AttachmentLimitBytes);
    }

    public sealed record TeamChange(string? MailAddress, string? MajorProblems, string? ExcusePhrases, string? RedirectPhrases, string? Languages, string? Skills, bool? AutoAssign, bool? SurveysOn, int? SurveyDelayHours, int? RetentionYears = null, string? Signature = null, long? AttachmentLimitBytes = null);

    public static RouteGroupBuilder MapTeams(this RouteGroupBuilder api)
    {
        api.MapGet("/teams", async (GuichetDb db, CancellationToken ct) =>
            TypedResults.Ok((await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct)).Select(TeamDto.From).ToArray()))
            .WithTags("Teams")
            .WithSummary("Every team with its calendar and mailbox address.");

        api.MapPatch("/teams/{slug}", async (string slug, HttpContext http, ChangeTeam change) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<System.Text.Json.Nodes.JsonObject>(http);
            if (problem is not null)
            {
                return problem;
            }
            foreach (var field in new[] { "majorProblems", "excusePhrases", "redirectPhrases", "mailAddress", "languages", "skills", "signature" })
            {
                if (body![field] is { } value && value.GetValueKind() != System.Text.Json.JsonValueKind.String)
                {
                    return Problems.From(Failure.Invalid(field, $"{field} must be a string or null."));
                }
            }
            foreach (var field in new[] { "autoAssign", "surveysOn" })
            {
                if (body![field] is { } flag && flag.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
                {
                    return Problems.From(Failure.Invalid(field, $"{field} must be true or false."));
                }
            }
            if (body!["surveyDelayHours"] is { } delay && (delay.GetValueKind() != System.Text.Json.JsonValueKind.Number || !delay.AsValue().TryGetValue<int>(out _)))
            {
                return Problems.From(Failure.Invalid("surveyDelayHours", "surveyDelayHours must be a whole number of hours."));
            }
            if (body["retentionYears"] is { } years && (years.GetValueKind() != System.Text.Json.JsonValueKind.Number || !years.AsValue().TryGetValue<int>(out _)))
            {
                return Problems.From(Failure.Invalid("retentionYears", "retentionYears must be a whole number of years, or null to keep cases for ever."));
            }
            if (body["attachmentLimitBytes"] is { } limit && (limit.GetValueKind() != System.Text.Json.JsonValueKind.Number || !limit.AsValue().TryGetValue<long>(out _)))
            {
                return Problems.From(Failure.Invalid("attachmentLimitBytes", "attachmentLimitBytes must be a whole number of bytes."));
            }
            if (!new[] { "mailAddress", "majorProblems", "excusePhrases", "redirectPhrases", "languages", "skills", "autoAssign", "surveysOn", "surveyDelayHours", "retentionYears", "signature", "attachmentLimitBytes" }.Any(body.ContainsKey))
            {
                return Problems.From(Failure.Invalid("body", "Name what to change: mailAddress, majorProblems, excusePhrases, redirectPhrases, languages, skills, autoAssign, surveysOn, surveyDelayHours, retentionYears, signature, attachmentLimitBytes."));
            }
            // A patch: only what the body names changes (mailAddress: null removes the mailbox).
            var patch = new TeamPatch(body.ContainsKey("mailAddress"), body["mailAddress"]?.GetValue<string>(), body["majorProblems"]?.GetValue<string>(),
                body["excusePhrases"]?.GetValue<string>(), body["redirectPhrases"]?.GetValue<string>(), body["languages"]?.GetValue<string>(), body["skills"]?.GetValue<string>(), body["autoAssign"]?.GetValue<bool>(),
                body["surveysOn"]?.GetValue<bool>(), body["surveyDelayHours"]?.GetValue<int>(),
                body.ContainsKey("retentionYears"), body["retentionYears"]?.GetValue<int>(), body["signature"]?.GetValue<string>(), body["attachmentLimitBytes"]?.GetValue<long>());
            var result = await change.RunAsync(slug, patch, http.RequestAborted);
            return result.Succeeded ? Results.Ok(TeamDto.From(result.Value)) : Problems.From(result.Failure!);
        })
        .RequireAuthorization(Access.Admin)
        .Accepts<TeamChange>("application/json")
        .WithTags("Teams")
        .Produces<TeamDto>()
        .WithSummary("Change a team: mailAddress (null removes it; mail sent there opens its cases and its mail leaves from it), majorProblems (E2, each straight to the service manager: lines \"code | phrase, phrase…\"), excusePhrases and redirectPhrases (P4, C3: phrases added to the shipped ones, one per line; a phrase is words in order, a|b for alternatives, word* for a prefix, =word for that exact form, @email/@phone/@url), languages and skills (comma separated, for routing), autoAssign (new cases given at once to an available agent speaking the customer's language), surveysOn and surveyDelayHours (M1: the satisfaction survey after resolution, 0–168 h later), retentionYears (settled cases untouched this long are deleted; null keeps them), signature (Markdown closing every mail the team sends, text and HTML; empty removes it), attachmentLimitBytes (the most a message's files weigh together, 10,000 to 25,000,000 bytes; 7,000,000 by default, which stays under common mail servers' 10 MB once encoded).");
        return api;
    }
}
