using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Agents;

/// <summary>POST /api/agents: a new person. Without a password they cannot sign in until an admin sets one.</summary>
public sealed record NewAgent(string? Email, string? Name, string? Role, string? Team, string? Languages = null, bool? AllTeams = null, string? Password = null);

/// <summary>An admin adds a person with a role and a team (issue 10). The password, when given, is hashed by the caller's hasher.</summary>
public sealed class AddAgent(GuichetDb db)
{
    public const int MinPasswordLength = 12;

    public async Task<Result<Agent>> RunAsync(NewAgent request, Func<Agent, string, string> hash, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var email = request.Email?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            errors.Add("email", "Give the person's email address; they sign in with it.");
        }
        else if (await db.Agents.AnyAsync(a => a.Email == email, ct))
        {
            errors.Add("email", $"{email} already has an account.");
        }
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add("name", "Give the person's name; customers read it.");
        }
        var role = AgentRole.Agent;
        if (request.Role is not null && !WireNames.TryParseWire(request.Role, out role))
        {
            errors.Add("role", "The role must be agent, lead, manager, admin or auditor.");
        }
        var team = request.Team is null ? await db.Teams.FirstOrDefaultAsync(t => t.IsDefault, ct) : await db.Teams.FirstOrDefaultAsync(t => t.Slug == request.Team, ct);
        if (team is null)
        {
            errors.Add("team", request.Team is null ? "Name the person's team." : $"There is no team '{request.Team}'.");
        }
        var languages = request.Languages is null ? "fr" : CommaList.Languages(request.Languages);
        if (languages is null)
        {
            errors.Add("languages", "Languages are ISO codes separated by commas, e.g. \"fr,en\".");
        }
        if (request.Password is { } password && password.Length < MinPasswordLength)
        {
            errors.Add("password", $"A password has at least {MinPasswordLength} characters.");
        }
        if (errors.Any)
        {
            return errors;
        }
        var agent = new Agent { Email = email!, Name = request.Name!.Trim(), Role = role, Team = team!, Languages = languages!, AllTeams = request.AllTeams ?? false };
        if (request.Password is { } given)
        {
            agent.PasswordHash = hash(agent, given);
            agent.EndEverySession();
        }
        db.Agents.Add(agent);
        await db.SaveChangesAsync(ct);
        return agent;
    }
}
