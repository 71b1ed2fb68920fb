using Guichet.Core.Cases;
using Guichet.Core.Teams;

namespace Guichet.Core.Routing;

/// <summary>A new contact as routing sees it; its profile only when a rule reads one.</summary>
public sealed record RoutingInput(Channel Channel, string Tier, string Language, string Text, Team Receiving, bool TeamNamed, RoutingProfile? Profile = null);

/// <summary>Where the case goes and how it is marked, with the rules that decided it.</summary>
public sealed record RoutingDecision(Team Team, CasePriority? Priority, string? Category, IReadOnlyList<string> Reasons)
{
    public IReadOnlyList<string> Tags { get; init; } = [];
}

/// <summary>
/// Routes a new case (issue 7, SPEC Q3): the ordered rules first; then, when neither a rule nor
/// the door named the team, a team that speaks the customer's language and knows the category.
/// A door that names a team (a team's mailbox, ?team=, the API's team field) is kept (decision 0017).
/// </summary>
public static class RouteCase
{
    public static RoutingDecision Decide(RoutingInput input, IReadOnlyList<RoutingRule> rules, IReadOnlyList<Team> teams)
    {
        // Folded only when a rule has terms to look for.
        var text = rules.Any(r => !string.IsNullOrWhiteSpace(r.Terms)) ? Words.Padded(input.Text) : "";
        string? teamSlug = null, category = null;
        CasePriority? priority = null;
        var reasons = new List<string>();
        var tags = new List<string>();
        foreach (var rule in rules.OrderBy(r => r.Position).ThenBy(r => r.Id))
        {
            if (!Matches(rule, input, text))
            {
                continue;
            }
            var used = false;
            // A door that names the team (its mailbox, ?team=, the API's team) keeps it: rules then set priority and category only.
            if (teamSlug is null && rule.TeamSlug is not null && !input.TeamNamed)
            {
                teamSlug = rule.TeamSlug;
                used = true;
            }
            if (priority is null && rule.Priority is not null)
            {
                priority = rule.Priority;
                used = true;
            }
            if (category is null && rule.Category is not null)
            {
                category = rule.Category;
                used = true;
            }
            foreach (var tag in RuleTags(rule).Where(t => !tags.Contains(t)))
            {
                tags.Add(tag);
                used = true;
            }
            if (used)
            {
                reasons.Add($"rule « {rule.Name} »");
            }
        }
        var team = teamSlug is null ? null : teams.FirstOrDefault(t => t.Slug == teamSlug);
        if (team is null && !input.TeamNamed)
        {
            // Nobody chose: prefer a team that speaks the customer's language, and knows the category if there is one.
            var receiving = input.Receiving;
            if (!receiving.Speaks(input.Language) || (category is not null && !receiving.Knows(category)))
            {
                team = teams.Where(t => t.Speaks(input.Language)).OrderByDescending(t => t.Knows(category)).ThenByDescending(t => t.Slug == receiving.Slug).ThenBy(t => t.Id).FirstOrDefault();
                if (team is not null && team.Slug != receiving.Slug)
                {
                    reasons.Add(category is not null && team.Knows(category) ? $"team speaking {input.Language} and handling {category}" : $"team speaking {input.Language}");
                }
            }
        }
        return new RoutingDecision(team ?? input.Receiving, priority, category, reasons) { Tags = tags };
    }

    private static IEnumerable<string> RuleTags(RoutingRule rule) =>
        (rule.Tags ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static bool Matches(RoutingRule rule, RoutingInput input, string text) =>
        (rule.Channel is null || rule.Channel == input.Channel)
        && (rule.Tier is null || rule.Tier == input.Tier)
        && (rule.Language is null || rule.Language == input.Language)
        && (string.IsNullOrWhiteSpace(rule.Terms) || rule.Terms.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(t => Words.HasPhrase(text, Words.Phrase(t))))
        && (!rule.ReadsProfile || (input.Profile ?? RoutingProfile.Empty).Matches(rule));
}
