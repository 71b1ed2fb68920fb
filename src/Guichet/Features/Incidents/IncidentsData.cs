using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Incidents;

/// <summary>The incidents page: the latest incidents with their progress, and the teams one can be declared for.</summary>
public sealed record IncidentsData(IReadOnlyList<IncidentProgress> Incidents, IReadOnlyList<Core.Teams.Team> Teams)
{
    public static async Task<IncidentsData> ReadAsync(GuichetDb db, CancellationToken ct)
    {
        var incidents = new List<IncidentProgress>();
        foreach (var incident in await db.Incidents.AsNoTracking().OrderByDescending(i => i.Id).Take(100).ToListAsync(ct))
        {
            incidents.Add(await IncidentProgress.OfAsync(db, incident, ct));
        }
        return new IncidentsData(incidents, await db.Teams.AsNoTracking().OrderByDescending(t => t.IsDefault).ThenBy(t => t.Name).ToListAsync(ct));
    }

    /// <summary>One incident's progress, or null when there is none.</summary>
    public static async Task<IncidentProgress?> OneAsync(GuichetDb db, long id, CancellationToken ct) =>
        await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is { } incident ? await IncidentProgress.OfAsync(db, incident, ct) : null;
}
