using Guichet.Core.Agents;
using Guichet.Core.Data;
using Guichet.Core.Teams;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Demo;

/// <summary>Teams with different calendars, and agents of every role.</summary>
internal static class DemoTeams
{
    public const string Password = "guichet";

    public static readonly (string Email, string Name, AgentRole Role, string Team, string Languages, string Ui)[] Agents =
    [
        ("claire@demo.guichet", "Claire Martin", AgentRole.Agent, "service-client", "fr,en", "fr"),
        ("marc@demo.guichet", "Marc Dubois", AgentRole.Lead, "service-client", "fr,en", "fr"),
        ("sophie@demo.guichet", "Sophie Laurent", AgentRole.Manager, "service-client", "fr,en,de", "fr"),
        ("lukas@demo.guichet", "Lukas Weber", AgentRole.Agent, "bagages", "de,en,fr", "en"),
        ("emma@demo.guichet", "Emma Tremblay", AgentRole.Agent, "amerique-du-nord", "fr,en", "en"),
        ("admin@demo.guichet", "Alex Admin", AgentRole.Admin, "service-client", "fr,en", "fr"),
    ];

    public static async Task<Dictionary<string, Team>> AddAsync(GuichetDb db, IPasswordHasher<Agent> hasher, CancellationToken ct)
    {
        // The team Bootstrap made becomes the customer-relations desk of the story.
        var desk = await db.Teams.SingleAsync(t => t.Slug == "service-client", ct);
        desk.MailAddress = "service-client@demo.guichet.test";
        desk.Holidays = "2026-12-25, 2027-01-01, 2027-03-29, 2027-05-01, 2027-05-06, 2027-05-08, 2027-05-17, 2027-07-14, 2027-08-15, 2027-11-01, 2027-11-11, 2027-12-25";
        var teams = new Dictionary<string, Team>
        {
            ["service-client"] = desk,
            ["bagages"] = new Team
            {
                Slug = "bagages", Name = "Bagages", TimeZone = "Europe/Berlin", MailAddress = "bagages@demo.guichet.test",
                Hours = "mon-sun 07:00-21:00", Holidays = "2026-12-25",
                FirstResponseBusinessDays = 1, Languages = "fr,en,de", Skills = "bagages",
            },
            ["amerique-du-nord"] = new Team
            {
                Slug = "amerique-du-nord", Name = "Amérique du Nord", TimeZone = "America/Montreal",
                Hours = "mon-fri 08:30-17:00", Languages = "en,fr",
                Holidays = "2026-12-25, 2027-01-01, 2027-03-26, 2027-05-24, 2027-06-24, 2027-07-01, 2027-09-06, 2027-10-11, 2027-12-25",
            },
            ["nuit"] = new Team
            {
                Slug = "nuit", Name = "Permanence de nuit", TimeZone = "Europe/Paris",
                Hours = "mon-sun 22:00-06:00", FirstResponseBusinessDays = 1, Languages = "fr,en",
            },
        };
        db.Teams.AddRange(teams.Values.Where(t => t.Id == 0));
        foreach (var (email, name, role, team, languages, ui) in Agents)
        {
            var agent = new Agent { Email = email, Name = name, Role = role, Team = teams[team], Languages = languages, UiLanguage = ui };
            agent.PasswordHash = hasher.HashPassword(agent, Password);
            db.Agents.Add(agent);
        }
        await db.SaveChangesAsync(ct);
        return teams;
    }
}
