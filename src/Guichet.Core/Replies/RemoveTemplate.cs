using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Replies;

/// <summary>Deletes a team's template: a shipped one goes back to Guichet's text, a macro is gone.</summary>
public sealed class RemoveTemplate(GuichetDb db)
{
    public async Task<Failure?> RunAsync(string key, string? teamSlug, string? language, CancellationToken ct = default)
    {
        var team = await TemplateQueries.TeamAsync(db, teamSlug, ct);
        if (team is null)
        {
            return Failure.NotFound("team", $"There is no team '{teamSlug}'.");
        }
        var rows = await db.ReplyTemplates.Where(t => t.TeamId == team.Id && t.Key == key && (language == null || t.Language == language)).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return Failure.NotFound("key", $"The team {team.Name} has no template of its own '{key}'{(language is null ? "" : $" in {language}")}.");
        }
        db.ReplyTemplates.RemoveRange(rows);
        await db.SaveChangesAsync(ct);
        return null;
    }
}
