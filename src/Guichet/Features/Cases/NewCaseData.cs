using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Cases;

/// <summary>The new-case form: the teams a case can open in, the default first.</summary>
public sealed record NewCaseData(IReadOnlyList<Core.Teams.Team> Teams)
{
    public static async Task<NewCaseData> ReadAsync(GuichetDb db, CancellationToken ct) =>
        new(await db.Teams.AsNoTracking().OrderByDescending(t => t.IsDefault).ThenBy(t => t.Name).ToListAsync(ct));
}
