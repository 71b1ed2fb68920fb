using Guichet.Core.Customers;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Teams;

/// <summary>
/// PATCH /api/teams/{slug}: only what is named changes. <see cref="MailAddressGiven"/> tells a
/// mailbox removed (null) from one not mentioned.
/// </summary>
public sealed record TeamPatch(bool MailAddressGiven = false, string? MailAddress = null, string? MajorProblems = null, string? ExcusePhrases = null, string? RedirectPhrases = null, string? Languages = null, string? Skills = null, bool? AutoAssign = null, bool? SurveysOn = null, int? SurveyDelayHours = null, bool RetentionGiven = false, int? RetentionYears = null, string? Signature = null, long? AttachmentLimitBytes = null);

/// <summary>
/// Changes a team's mailbox (mail sent there opens its cases and its mail leaves from it), its
/// major problems (E2), languages, skills and assignment (issue 7). Everything is checked before
/// anything is saved, so a refused patch changes nothing.
/// </summary>
public sealed class ChangeTeam(GuichetDb db)
{
    /// <summary>Past a week the customer has moved on (and <see cref="Surveys.SurveyRounds.Horizon"/> is two).</summary>
    public const int MaxSurveyDelayHours = 168;
    public const int MaxRetentionYears = 50;
    public const int MaxSignatureLength = 2_000;

    public async Task<Result<Team>> RunAsync(string slug, TeamPatch patch, CancellationToken ct = default)
    {
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (team is null)
        {
            return Failure.NotFound("slug", $"There is no team '{slug}'.");
        }
        var errors = new ValidationErrors();
        var address = string.IsNullOrWhiteSpace(patch.MailAddress) ? null : CustomerContact.NormaliseEmail(patch.MailAddress);
        if (!string.IsNullOrWhiteSpace(patch.MailAddress) && address is null)
        {
            errors.Add("mailAddress", $"'{patch.MailAddress}' is not an email address.");
        }
        if (patch.MajorProblems is not null && Routing.MajorProblems.Parse(patch.MajorProblems) is { Succeeded: false } bad)
        {
            errors.Add("majorProblems", bad.Failure!.Errors["majorProblems"][0]);
        }
        var languages = patch.Languages is null ? null : CommaList.Languages(patch.Languages);
        if (patch.Languages is not null && languages is null)
        {
            errors.Add("languages", "Languages are ISO codes separated by commas, e.g. \"fr,en\".");
        }
        if (patch.SurveyDelayHours is < 0 or > MaxSurveyDelayHours)
        {
            errors.Add("surveyDelayHours", $"The survey leaves 0 to {MaxSurveyDelayHours} hours after resolution.");
        }
        if (patch.RetentionYears is < 1 or > MaxRetentionYears)
        {
            errors.Add("retentionYears", $"Cases are kept 1 to {MaxRetentionYears} years after they are settled, or for ever (null).");
        }
        if (patch.Signature is { Length: > MaxSignatureLength })
        {
            errors.Add("signature", $"A signature is at most {MaxSignatureLength} characters.");
        }
        if (patch.AttachmentLimitBytes is < Files.FileChecks.MinLimitBytes or > Files.FileChecks.MaxLimitBytes)
        {
            errors.Add("attachmentLimitBytes", $"A message's files may weigh {Files.FileChecks.MinLimitBytes} to {Files.FileChecks.MaxLimitBytes} bytes together.");
        }
        if (errors.Any)
        {
            return errors;
        }
        if (address is not null && await db.Teams.AnyAsync(t => t.MailAddress == address && t.Id != team.Id, ct))
        {
            return Failure.Conflict("mailAddress", $"{address} is already another team's mailbox.");
        }
        if (patch.MailAddressGiven)
        {
            team.MailAddress = address;
        }
        team.MajorProblems = patch.MajorProblems?.Trim() ?? team.MajorProblems;
        team.ExcusePhrases = patch.ExcusePhrases?.Trim() ?? team.ExcusePhrases;
        team.RedirectPhrases = patch.RedirectPhrases?.Trim() ?? team.RedirectPhrases;
        team.Languages = languages ?? team.Languages;
        team.Skills = patch.Skills is null ? team.Skills : CommaList.Normalise(patch.Skills);
        team.AutoAssign = patch.AutoAssign ?? team.AutoAssign;
        // An empty signature removes it.
        team.Signature = patch.Signature is null ? team.Signature : string.IsNullOrWhiteSpace(patch.Signature) ? null : patch.Signature.Trim();
        team.SurveysOn = patch.SurveysOn ?? team.SurveysOn;
        team.AttachmentLimitBytes = patch.AttachmentLimitBytes ?? team.AttachmentLimitBytes;
        team.SurveyDelayHours = patch.SurveyDelayHours ?? team.SurveyDelayHours;
        if (patch.RetentionGiven)
        {
            team.RetentionYears = patch.RetentionYears;
        }
        await db.SaveChangesAsync(ct);
        return team;
    }
}
