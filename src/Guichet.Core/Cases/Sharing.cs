using Guichet.Core.Agents;

namespace Guichet.Core.Cases;

/// <summary>
/// Who a view or a macro is for (W4, W6): "me" (its maker), "team" (the maker's team, made by a
/// lead), "everyone" (made by an admin). Stored as an owner, or a team, or neither.
/// </summary>
public static class Sharing
{
    /// <summary>What is shared this way: a view, a macro.</summary>
    public interface IShared
    {
        long? OwnerId { get; }
        long? TeamId { get; }
    }

    /// <summary>What <paramref name="reader"/> may use: their own, their team's (every team's if they see them all), everyone's.</summary>
    public static IQueryable<T> UsableBy<T>(this IQueryable<T> items, Agent reader) where T : class, IShared
    {
        var (me, team, all) = (reader.Id, reader.TeamId, reader.SeesEveryTeam);
        return items.Where(x => x.OwnerId == me || (x.OwnerId == null && (x.TeamId == null || x.TeamId == team || all)));
    }

    /// <summary>Who may change or remove it: its owner; a shared one, its team's lead or an admin.</summary>
    public static bool MayChange(this IShared item, Agent editor) =>
        item.OwnerId == editor.Id
        || (item.OwnerId is null && (editor.Role == AgentRole.Admin || (item.TeamId == editor.TeamId && editor.Role is AgentRole.Lead or AgentRole.Manager)));

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
