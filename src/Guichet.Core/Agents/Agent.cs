using Guichet.Core.Teams;

namespace Guichet.Core.Agents;

/// <summary>A person who works cases. Signs in with email and password (hash only is stored).</summary>
public sealed class Agent
{
    public long Id { get; private set; }
    public required string Email { get; init; }
    public required string Name { get; set; }
    public string PasswordHash { get; set; } = "";
    public AgentRole Role { get; set; } = AgentRole.Agent;
    public long TeamId { get; set; }
    public Team Team { get; set; } = null!;
    /// <summary>Languages the agent answers in, comma separated ISO codes ("fr,en").</summary>
    public string Languages { get; set; } = "fr";
    public string UiLanguage { get; set; } = "fr";
    public bool Active { get; set; } = true;
}
