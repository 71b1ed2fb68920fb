using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Teams;

/// <summary>A team's languages, categories and whether it assigns new cases at once (issue 7); only what is named changes.</summary>
public sealed class SetTeamRouting(GuichetDb db)
{
    public async Task<Result<Team>> RunAsync(string slug, string? languages, string? skills, bool? autoAssign, CancellationToken ct = default)
    {
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (team is null)
        {
            return Failure.NotFound("slug", $"There is no team '{slug}'.");
        }
        var codes = languages is null ? null : CommaList.Languages(languages);
        if (languages is not null && codes is null)
        {
            return Failure.Invalid("languages", "Languages are ISO codes separated by commas, e.g. \"fr,en\".");
        }
        team.Languages = codes ?? team.Languages;
        team.Skills = skills is null ? team.Skills : CommaList.Normalise(skills);
        team.AutoAssign = autoAssign ?? team.AutoAssign;
        await db.SaveChangesAsync(ct);
        return team;
    }
}
