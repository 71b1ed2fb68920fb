using Guichet.Core.Customers;
using Guichet.Core.Data;
using Guichet.Core.Teams;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Guichet.Core.Replies;

/// <summary>Reading templates for the API and the editor: a team's list, one template, its fields.</summary>
public static class TemplateQueries
{
    public static Task<Team?> TeamAsync(GuichetDb db, string? slug, CancellationToken ct) =>
        db.Teams.AsNoTracking().Receiving(slug).FirstOrDefaultAsync(ct);

    /// <summary>Every template the team has: each shipped one in both languages (its own text or the shipped), then its macros.</summary>
    /// <param name="withVariables">Try each on the sample case to list the variables it expects (the editor and the API); a picker needs none.</param>
    public static async Task<IReadOnlyList<TemplateView>> ListAsync(GuichetDb db, Team team, TimeProvider clock, CancellationToken ct, bool withVariables = true)
    {
        var own = await db.ReplyTemplates.AsNoTracking().Where(t => t.TeamId == team.Id).ToListAsync(ct);
        var views = new List<TemplateView>();
        foreach (var key in ShippedTemplates.Keys)
        {
            foreach (var language in CustomerLanguage.Supported)
            {
                var row = own.FirstOrDefault(t => t.Key == key && t.Language == language);
                views.Add(row is null ? Shipped(team, key, language, clock, withVariables) : View(team, row, clock, withVariables));
            }
        }
        views.AddRange(own.Where(t => !ShippedTemplates.IsShipped(t.Key)).OrderBy(t => t.Key).ThenBy(t => t.Language).Select(t => View(team, t, clock, withVariables)));
        return views;
    }

    public static TemplateView View(Team team, ReplyTemplate row, TimeProvider clock, bool withVariables = true) =>
        new(row.Key, row.Language, row.Name, row.Body, ShippedTemplates.IsShipped(row.Key), Customised: true, row.UpdatedAt, row.UpdatedBy,
            withVariables ? Variables(team, row.Body, row.Language, clock) : []);

    public static TemplateView Shipped(Team team, string key, string language, TimeProvider clock, bool withVariables = true)
    {
        var body = ShippedTemplates.Find(key, language)!;
        return new(key, language, ShippedTemplates.Names[key], body, Shipped: true, Customised: false, null, null, withVariables ? Variables(team, body, language, clock) : []);
    }

    /// <summary>The fields the template prints that a complete sample case leaves empty: unknown ones of Guichet's, and the agent's variables.</summary>
    public static IReadOnlyList<string> Fields(Team team, string body, string language, TimeProvider clock)
    {
        var facts = TemplateFacts.Sample(team, TemplateFacts.SampleCustomer(language, team.TimeZone), Instant.FromDateTimeOffset(clock.GetUtcNow()));
        return LiquidTemplate.Render(body, facts.ToModel()).EmptyFields;
    }

    /// <summary>The variables an agent fills in when sending it (seeds/004: the relay's name and address).</summary>
    public static IReadOnlyList<string> Variables(Team team, string body, string language, TimeProvider clock) =>
        Fields(team, body, language, clock).Where(f => !TemplateFacts.IsOwnField(f)).ToList();
}
