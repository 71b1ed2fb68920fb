namespace Guichet.Core.Teams;

public static class TeamQueries
{
    /// <summary>
    /// The team a contact goes to: the one named, or else the default team (the first team when
    /// none is marked default). Take the first of the result.
    /// </summary>
    public static IQueryable<Team> Receiving(this IQueryable<Team> teams, string? slug) =>
        slug is null ? teams.OrderByDescending(t => t.IsDefault).ThenBy(t => t.Id) : teams.Where(t => t.Slug == slug);
}
