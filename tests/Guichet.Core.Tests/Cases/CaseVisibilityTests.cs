using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Teams;

namespace Guichet.Core.Tests.Cases;

public sealed class CaseVisibilityTests
{
    private static Agent Person(AgentRole role, long teamId, bool allTeams = false) =>
        new() { Email = "a@test", Name = "A", Role = role, TeamId = teamId, AllTeams = allTeams, Team = new Team { Slug = "t", Name = "T", TimeZone = "UTC", Hours = "" } };

    [Theory]
    [InlineData(AgentRole.Agent, false)]
    [InlineData(AgentRole.Lead, false)]
    [InlineData(AgentRole.Manager, true)]
    [InlineData(AgentRole.Admin, true)]
    [InlineData(AgentRole.Auditor, true)]
    public void Another_teams_case_is_seen_by_those_who_see_every_team(AgentRole role, bool sees) =>
        Assert.Equal(sees, Person(role, 1).Sees(caseTeamId: 2, caseOwnerId: null));

    [Fact]
    public void An_agent_sees_their_teams_cases_the_ones_they_own_and_all_when_allowed()
    {
        var agent = Person(AgentRole.Agent, 1);
        Assert.True(agent.Sees(1, null));
        Assert.False(agent.Sees(2, 99));
        Assert.True(Person(AgentRole.Agent, 1).Sees(2, caseOwnerId: 0)); // Id 0: an unsaved agent owns the case
        Assert.True(Person(AgentRole.Agent, 1, allTeams: true).Sees(2, 99));
    }

    [Fact]
    public void Auditors_never_work_cases()
    {
        Assert.False(Person(AgentRole.Auditor, 1).Works);
        Assert.True(Person(AgentRole.Agent, 1).Works);
    }
}
