using Guichet.Core.Agents;

namespace Guichet.Core.Cases;

/// <summary>
/// Who a view or a macro is for (W4, W6): "me" (its maker), "team" (the maker's team, made by a
/// lead), "everyone" (made by an admin). Stored as an owner, or a team, or neither.
/// </summary>
public static class Sharing
{
    public static (long? Owner, long? Team) Audience(string? share, Agent maker, ValidationErrors errors)
    {
        switch (share ?? "me")
        {
            case "me":
                return (maker.Id, null);
            case "team" when maker.Role is AgentRole.Lead or AgentRole.Manager or AgentRole.Admin:
                return (null, maker.TeamId);
            case "everyone" when maker.Role == AgentRole.Admin:
                return (null, null);
            case "team" or "everyone":
                errors.Add("share", share == "team" ? "Only a team's lead shares it with the team." : "Only an admin shares it with everyone.");
                return (null, null);
            default:
                errors.Add("share", $"'{share}' is not who it is for: me, team or everyone.");
                return (null, null);
        }
    }

}
