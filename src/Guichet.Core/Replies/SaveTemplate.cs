using System.Text.RegularExpressions;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Guichet.Core.Teams;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Guichet.Core.Replies;

/// <summary>A template as a team sees it: its own text, or the shipped one.</summary>
public sealed record TemplateView(string Key, string Language, string Name, string Body, bool Shipped, bool Customised, DateTimeOffset? UpdatedAt, string? UpdatedBy, IReadOnlyList<string> Variables);

/// <summary>The text of a template to store for a team (PUT /api/templates/{key}).</summary>
public sealed record TemplateChange(string? Team, string? Language, string? Name, string? Body);

/// <summary>
/// Stores a team's version of a shipped template, or a macro of its own (decision 0015). Refused
/// with the field named: a key that is not a slug, a language Guichet does not write, invalid
/// Liquid, or a field Guichet does not know (tried on a complete sample case).
/// </summary>
public sealed partial class SaveTemplate(GuichetDb db, TimeProvider clock)
{
    public async Task<Result<TemplateView>> RunAsync(string key, TemplateChange change, string by, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (!Slug().IsMatch(key))
        {
            errors.Add("key", "A template key is 2 to 64 lowercase letters, digits and dashes, e.g. \"parcel-relay\".");
        }
        if (change.Language is null || !CustomerLanguage.IsSupported(change.Language))
        {
            errors.Add("language", "The language must be \"fr\" or \"en\".");
        }
        if (string.IsNullOrWhiteSpace(change.Body))
        {
            errors.Add("body", "The template is empty.");
        }
        else if (change.Body.Length > ReplyTemplate.MaxBodyLength)
        {
            errors.Add("body", $"The template is longer than {ReplyTemplate.MaxBodyLength} characters.");
        }
        else if (LiquidTemplate.SyntaxError(change.Body) is { } syntax)
        {
            errors.Add("body", $"The template is not valid Liquid: {syntax}");
        }
        else if (LiquidTemplate.Problem(change.Body, new Dictionary<string, object?>()) is { } bounds)
        {
            // Refused at save, so it never blocks a request or an automatic message later.
            return Failure.Refuse("body", bounds);
        }
        if (change.Name is { Length: > 200 })
        {
            errors.Add("name", "The name is longer than 200 characters.");
        }
        if (errors.Any)
        {
            return errors;
        }
        var team = await TemplateQueries.TeamAsync(db, change.Team, ct);
        if (team is null)
        {
            return Failure.NotFound("team", $"There is no team '{change.Team}'.");
        }
        var body = change.Body!.Replace("\r\n", "\n", StringComparison.Ordinal);
        var unknown = TemplateQueries.Fields(team, body, change.Language!, clock).Where(TemplateFacts.IsOwnField).ToList();
        if (unknown.Count > 0)
        {
            var hint = unknown.Any(f => f.StartsWith("team.back", StringComparison.Ordinal)) ? " (team.back only has a value while the team is away: print it inside {% if team.back %})" : "";
            return Failure.Invalid("body", $"Guichet has no field {string.Join(", ", unknown.Select(f => $"{{{{ {f} }}}}"))}{hint}. The fields are: {string.Join(", ", TemplateFacts.Fields.Select(f => f.Field))}.");
        }

        var row = await db.ReplyTemplates.FirstOrDefaultAsync(t => t.TeamId == team.Id && t.Key == key && t.Language == change.Language, ct);
        if (row is null)
        {
            row = new ReplyTemplate { TeamId = team.Id, Key = key, Language = change.Language!, Name = "", Body = body };
            db.ReplyTemplates.Add(row);
        }
        row.Name = string.IsNullOrWhiteSpace(change.Name) ? row.Name is { Length: > 0 } kept ? kept : ShippedTemplates.Names.GetValueOrDefault(key, key) : change.Name.Trim();
        row.Body = body;
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = by;
        await db.SaveChangesAsync(ct);
        return TemplateQueries.View(team, row, clock);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Slug();
}
