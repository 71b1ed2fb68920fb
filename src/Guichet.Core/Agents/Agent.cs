using Guichet.Core.Teams;

namespace Guichet.Core.Agents;

/// <summary>Whether assignment may give the agent new cases.</summary>
public enum AgentPresence
{
    Available,
    Away,
    Offline,
}

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
    /// <summary>Categories the agent handles best (comma separated), preferred by assignment.</summary>
    public string Skills { get; set; } = "";
    /// <summary>How many active cases the agent can own before assignment passes them by.</summary>
    public int Capacity { get; set; } = DefaultCapacity;
    public AgentPresence Presence { get; set; } = AgentPresence.Available;

    /// <summary>What this agent may give per calendar month in place of the team's budget (SPEC G2); null: the team's.</summary>
    public long? GoodwillBudgetMinor { get; set; }

    /// <summary>An agent or lead who sees every team's cases, not only their own team's and those they own (issue 10).</summary>
    public bool AllTeams { get; set; }

    /// <summary>Wrong passwords since the last success or lock (<see cref="CheckSignIn"/>).</summary>
    public int FailedSignIns { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>
    /// Changes whenever every earlier session of this person must end (issue 21): signing out,
    /// deactivation, reactivation, a new password. Sessions carry it and are checked against it.
    /// </summary>
    public string SecurityStamp { get; private set; } = NewStamp();

    public void EndEverySession() => SecurityStamp = NewStamp();

    private static string NewStamp() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    public const int DefaultCapacity = 25;

    /// <summary>Managers, admins and auditors see every case; agents and leads their team's, the cases they own, or all when <see cref="AllTeams"/>.</summary>
    public bool SeesEveryTeam => AllTeams || Role is AgentRole.Manager or AgentRole.Admin or AgentRole.Auditor;

    /// <summary>An auditor reads and never acts: never given a case, a promise or a reply to send.</summary>
    public bool Works => Role != AgentRole.Auditor;

    public bool Speaks(string language) => CommaList.Contains(Languages, language);

    public bool Knows(string? category) => CommaList.Contains(Skills, category);
    public bool Active { get; set; } = true;
}
