using Guichet.Core.Data;
using Guichet.Core.Replies;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Templates;

/// <summary>The templates page: the team's templates, the one being edited, and its preview on the sample case or a real one.</summary>
public sealed record TemplatesData(IReadOnlyList<Core.Teams.Team> Teams, Core.Teams.Team? Team, IReadOnlyList<TemplateView> List, TemplateView? Editing, Preview? Preview, IReadOnlyList<string> Errors)
{
    public sealed record Query(string? Team, string? Key, string? Language, string? Case);

    public static async Task<TemplatesData> ReadAsync(HttpContext http, GuichetDb db, TimeProvider clock, PreviewTemplate previewer, Query query, CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        var team = await TemplateQueries.TeamAsync(db, string.IsNullOrEmpty(query.Team) ? null : query.Team, ct);
        if (team is null)
        {
            return new(teams, null, [], null, null, []);
        }
        var list = await TemplateQueries.ListAsync(db, team, clock, ct);
        var editing = list.FirstOrDefault(t => t.Key == query.Key && t.Language == (query.Language ?? "fr"));
        if (editing is null || await http.CurrentAgentAsync(db) is not { } agent)
        {
            return new(teams, team, list, editing, null, []);
        }
        var reference = (query.Case ?? "").Trim().Trim('[', ']');
        long? caseId = reference.Length == 0 ? null : await db.Cases.Where(c => c.Reference == reference).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
        List<string> errors = reference.Length > 0 && caseId is null ? [$"There is no case {reference}."] : [];
        // On a case, the template is the one of the case's team, in the customer's language.
        var preview = await previewer.RunAsync(new PreviewRequest(team.Slug, editing.Key, caseId is null ? editing.Language : null, caseId is null ? null : editing.Body, caseId, null), agent, ct);
        return new(teams, team, list, editing, preview.Succeeded ? preview.Value : null, errors);
    }
}
