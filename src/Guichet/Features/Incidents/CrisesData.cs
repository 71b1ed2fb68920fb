using Guichet.Core.Data;
using Guichet.Core.Incidents;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Incidents;

/// <summary>The crisis desk: the latest crises, read against the one clock (active or ended).</summary>
public sealed record CrisesData(IReadOnlyList<Crisis> Crises, DateTimeOffset Now)
{
    public static async Task<CrisesData> ReadAsync(GuichetDb db, TimeProvider clock, CancellationToken ct) =>
        new(await db.Crises.AsNoTracking().OrderByDescending(c => c.Id).Take(100).ToListAsync(ct), clock.GetUtcNow());
}
