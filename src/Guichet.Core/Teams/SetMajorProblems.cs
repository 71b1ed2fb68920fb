using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Teams;

/// <summary>Sets a team's major problems (SPEC E2), refused with the line at fault when it does not read.</summary>
public sealed class SetMajorProblems(GuichetDb db)
{
    public async Task<Result<Team>> RunAsync(string slug, string? text, CancellationToken ct = default)
    {
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (team is null)
        {
            return Failure.NotFound("slug", $"There is no team '{slug}'.");
        }
        var parsed = Routing.MajorProblems.Parse(text);
        if (!parsed.Succeeded)
        {
            return parsed.Failure!;
        }
        team.MajorProblems = text!.Trim();
        await db.SaveChangesAsync(ct);
        return team;
    }
}
