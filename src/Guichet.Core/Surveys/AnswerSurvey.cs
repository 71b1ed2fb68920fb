using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Surveys;

/// <summary>
/// Records a customer's answer, from the link (portal page, API) or an email reply. An unhappy
/// answer is not only a figure: the case's owner and the team's leads are told, so someone calls back.
/// </summary>
public sealed class AnswerSurvey(GuichetDb db, TimeProvider clock)
{
    public const int UnhappyCsat = 2;
    public const int HardEffort = 6;

    public static Task<Survey?> FindAsync(GuichetDb db, string token, CancellationToken ct) =>
        db.Surveys.Include(s => s.Case).ThenInclude(c => c.Team).Include(s => s.Case).ThenInclude(c => c.Customer)
            .FirstOrDefaultAsync(s => s.Token == token, ct);

    public async Task<Result<Survey>> ByLinkAsync(string token, int? csat, int? effort, string? comment, CancellationToken ct)
    {
        var survey = await FindAsync(db, token, ct);
        if (survey is null)
        {
            return Failure.NotFound("token", "This survey link is not known.");
        }
        if (await RecordAsync(survey, csat, effort, comment, ct) is { } failure)
        {
            return failure;
        }
        await db.SaveChangesAsync(ct);
        return survey;
    }

    /// <summary>The answer on a tracked survey, and the call-back notifications if it is unhappy; the caller saves.</summary>
    public async Task<Failure?> RecordAsync(Survey survey, int? csat, int? effort, string? comment, CancellationToken ct)
    {
        var now = clock.Now();
        if (survey.Answer(csat, effort, comment, now) is { } failure)
        {
            return failure;
        }
        if (survey.Csat <= UnhappyCsat || survey.Effort >= HardEffort)
        {
            var @case = survey.Case;
            var told = await Recipients.LeadsOfAsync(db, @case.TeamId, ct);
            if (@case.OwnerId is { } owner && told.All(a => a.Id != owner))
            {
                told.Add(await db.Agents.FirstAsync(a => a.Id == owner, ct));
            }
            var said = string.Join(", ", new[] { survey.Csat is { } c ? $"satisfaction {c}/5" : null, survey.Effort is { } e ? $"effort {e}/7" : null }.Where(x => x is not null));
            foreach (var agent in told)
            {
                db.Notifications.Add(new Notification
                {
                    AgentId = agent.Id,
                    CaseId = @case.Id,
                    Kind = NotificationKind.LowSatisfaction,
                    Text = $"{@case.Reference}: the customer answered the survey unhappy ({said}). Call them back.",
                    CreatedAt = now,
                });
            }
        }
        return null;
    }
}
