using Guichet.Core.Data;
using Guichet.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Replies;

/// <summary>An automatic message as it leaves, and, when the team's own text did not pass the guard, why.</summary>
public sealed record Composed(string Body, IReadOnlyList<GuardReason> Refused);

/// <summary>
/// The templates of the teams, as one unit of work reads them: each team's rows are read once
/// (<see cref="GuichetDb.TemplateBook"/>), then the shipped text fills any gap (decision 0015).
/// </summary>
public sealed class TemplateBook(GuichetDb? db)
{
    /// <summary>The shipped texts only, for rules tested without a database.</summary>
    public static TemplateBook Shipped { get; } = new(null);

    private readonly Dictionary<long, List<ReplyTemplate>> _byTeam = [];
    private readonly Dictionary<long, Incidents.Crisis?> _crises = [];

    /// <summary>The key under which a crisis's reply is offered to agents (E3).</summary>
    public const string CrisisReply = "crisis";

    /// <summary>A declared crisis, read once per unit of work.</summary>
    public Incidents.Crisis? Crisis(long id)
    {
        if (db is null)
        {
            return null;
        }
        if (!_crises.TryGetValue(id, out var crisis))
        {
            crisis = db.Crises.AsNoTracking().FirstOrDefault(c => c.Id == id);
            _crises[id] = crisis;
        }
        return crisis;
    }

    /// <summary>The team's text for the key in the language, else the shipped one; null when neither exists.</summary>
    public string? Find(Team team, string key, string language) =>
        Own(team, key, language)?.Body ?? ShippedTemplates.Find(key, language);

    /// <summary>The text an agent starts a reply from: the crisis's reply under <see cref="CrisisReply"/>, else the team's or the shipped one.</summary>
    public string? ForReply(Team team, string key, string language, Incidents.Crisis? crisis) =>
        key == CrisisReply ? crisis?.Reply : Find(team, key, language);

    public ReplyTemplate? Own(Team team, string key, string language)
    {
        if (db is null)
        {
            return null;
        }
        if (!_byTeam.TryGetValue(team.Id, out var rows))
        {
            rows = team.Id == 0 ? [] : db.ReplyTemplates.AsNoTracking().Where(t => t.TeamId == team.Id).ToList();
            _byTeam[team.Id] = rows;
        }
        return rows.FirstOrDefault(t => t.Key == key && t.Language == language);
    }

    /// <summary>
    /// A message Guichet sends by itself (acknowledgment, notice). Nobody is there to correct or
    /// justify it, so the team's text must pass the send guard entirely; if it does not on this
    /// case, the shipped text leaves instead and the reasons are returned for the case's history.
    /// The customer is never left without it: a shipped text with a field this case lacks still
    /// leaves (the date and reference are always there), and the gap is recorded the same way.
    /// </summary>
    /// <param name="replacement">A text that comes before the team's: a declared crisis's acknowledgment (E3).</param>
    public Composed Automatic(string key, TemplateFacts facts, GuardContext guard, string? replacement = null)
    {
        var language = facts.Language;
        var model = facts.ToModel();
        var refused = new List<GuardReason>();
        guard = guard.WithTeam(facts.Team);
        if ((replacement ?? Own(facts.Team, key, language)?.Body) is { } own)
        {
            var rendered = LiquidTemplate.Render(own, model);
            refused.AddRange(rendered.Refused is { } bounds
                ? [new GuardReason("Q1.template", bounds, Blocking: true) { Args = [bounds] }]
                : SendGuard.Check(guard with { Body = rendered.Text, EmptyFields = rendered.EmptyFields }));
            if (refused.Count == 0)
            {
                return new(rendered.Text, []);
            }
        }
        // The shipped texts pass the whole guard on a complete case (LiquidTemplateTests); what a
        // case may still lack is a field, and that is checked here on every message, at no cost.
        var shipped = LiquidTemplate.Render(ShippedTemplates.Find(key, language)!, model);
        if (shipped.EmptyFields.Count > 0)
        {
            refused.AddRange(SendGuard.Check(guard with { Body = shipped.Text, EmptyFields = shipped.EmptyFields }).Where(r => r.Code == "Q1.field"));
        }
        return new(shipped.Text, refused);
    }
}
