using Guichet.Core.Agents;
using Guichet.Core.Data;
using Guichet.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Hosting;

/// <summary>
/// What an empty database needs to work at all: one team to receive cases and the built-in
/// administrator that acts for GUICHET_ADMIN_TOKEN (it has no password and cannot sign in).
/// </summary>
public static class Bootstrap
{
    public const string BuiltInAdminEmail = "api-admin@guichet.invalid";

    public static async Task RunAsync(GuichetDb db, CancellationToken ct)
    {
        var team = await db.Teams.Receiving(null).FirstOrDefaultAsync(ct);
        if (team is null)
        {
            team = new Team
            {
                Slug = "service-client",
                Name = "Service client",
                TimeZone = "Europe/Paris",
                Hours = "mon-fri 09:00-17:00",
                IsDefault = true,
            };
            db.Teams.Add(team);
        }
        if (!await db.Agents.AnyAsync(a => a.Email == BuiltInAdminEmail, ct))
        {
            db.Agents.Add(new Agent
            {
                Email = BuiltInAdminEmail,
                Name = "Administrateur API",
                Role = AgentRole.Admin,
                Team = team,
                Languages = "fr,en",
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
