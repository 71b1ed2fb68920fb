using Guichet.Core.Agents;
using Guichet.Core.Cases.Tags;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases.Views;

/// <summary>
/// Makes, changes and removes views (SPEC W4). Anyone keeps their own; a lead shares with their
/// team, an admin with everyone; only who made a shared view's kind may change it.
/// </summary>
public sealed class SaveView(GuichetDb db, TimeProvider clock)
{
    public const int MaxNameLength = 100;
    public static readonly string[] Sorts = ["due", "newest", "updated", "priority"];

    public async Task<Result<View>> CreateAsync(ViewRequest request, Agent maker, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var (owner, team) = Sharing.Audience(request.Share, maker, errors);
        if (errors.Any)
        {
            return errors;
        }
        var view = new View { Name = "", OwnerId = owner, TeamId = team, CreatedAt = clock.Now() };
        await ApplyAsync(view, request, errors, ct);
        if (errors.Any)
        {
            return errors;
        }
        view.Position = await db.Views.Where(v => v.OwnerId == owner && v.TeamId == team).Select(v => (int?)v.Position).MaxAsync(ct) + 1 ?? 0;
        db.Views.Add(view);
        await db.SaveChangesAsync(ct);
        return view;
    }

    public async Task<Result<View>> UpdateAsync(long id, ViewRequest request, Agent editor, CancellationToken ct = default)
    {
        if (await EditableAsync(id, editor, ct) is not { } view)
        {
            return Failure.NotFound("id", $"There is no view {id} you may change.");
        }
        var errors = new ValidationErrors();
        await ApplyAsync(view, request, errors, ct);
        if (errors.Any)
        {
            return errors;
        }
        await db.SaveChangesAsync(ct);
        return view;
    }

    public async Task<Result<bool>> DeleteAsync(long id, Agent editor, CancellationToken ct = default)
    {
        if (await EditableAsync(id, editor, ct) is not { } view)
        {
            return Failure.NotFound("id", $"There is no view {id} you may remove.");
        }
        db.Views.Remove(view);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>A person's own view, their team's if they lead it, anyone's if they are an admin.</summary>
    private async Task<View?> EditableAsync(long id, Agent editor, CancellationToken ct)
    {
        var view = await db.Views.FirstOrDefaultAsync(v => v.Id == id, ct);
        return view is not null && view.MayChange(editor) ? view : null;
    }

    private async Task ApplyAsync(View view, ViewRequest request, ValidationErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > MaxNameLength)
        {
            errors.Add("name", $"A view needs a name of at most {MaxNameLength} characters.");
        }
        var status = Blank(request.Status);
        if (status is not null and not ("active" or "all") && !WireNames.TryParseWire<CaseStatus>(status, out _))
        {
            errors.Add("status", $"'{status}' is not a status; use new, open, waitingOnCustomer, resolved, closed, active or all.");
        }
        var team = Blank(request.Team);
        if (team is not null && !await db.Teams.AnyAsync(t => t.Slug == team, ct))
        {
            errors.Add("team", $"There is no team '{team}'.");
        }
        var owner = Blank(request.Owner);
        if (owner is not null and not ("me" or "nobody")
            && !(long.TryParse(owner, out var ownerId) && await db.Agents.AnyAsync(a => a.Id == ownerId, ct)))
        {
            errors.Add("owner", $"'{owner}' is not an owner: me, nobody, or a person's id.");
        }
        var tagText = Blank(request.Tag);
        var tag = tagText is null ? null : TagName.Normalise(tagText);
        if (tagText is not null && tag is null)
        {
            errors.Add("tag", $"'{tagText}' is not a tag.");
        }
        CasePriority? priority = null;
        if (Blank(request.Priority) is { } p)
        {
            if (WireNames.TryParseWire<CasePriority>(p, out var parsed))
            {
                priority = parsed;
            }
            else
            {
                errors.Add("priority", $"'{p}' is not a priority: low, normal, high or urgent.");
            }
        }
        Channel? channel = null;
        if (Blank(request.Channel) is { } c)
        {
            if (WireNames.TryParseWire<Channel>(c, out var parsed))
            {
                channel = parsed;
            }
            else
            {
                errors.Add("channel", $"'{c}' is not a channel.");
            }
        }
        if (request.DueWithinHours is < 1 or > 24 * 366)
        {
            errors.Add("dueWithinHours", "Give a number of hours between 1 and 8784.");
        }
        if (request.Organisation is { } organisation && !await db.Organisations.AnyAsync(o => o.Id == organisation, ct))
        {
            errors.Add("organisation", $"There is no organisation {organisation}.");
        }
        var fields = await FieldsAsync(request.CustomFields, errors, ct);
        var columns = await ViewColumns.CheckAsync(db, request.Columns, errors, ct);
        var sort = Blank(request.Sort) ?? "due";
        if (!Sorts.Contains(sort))
        {
            errors.Add("sort", $"'{sort}' is not an order: {string.Join(", ", Sorts)}.");
        }
        if (errors.Any)
        {
            return;
        }
        view.Name = request.Name!.Trim();
        view.Status = status;
        view.Team = team;
        view.Owner = owner;
        view.Tag = tag;
        view.Priority = priority;
        view.Channel = channel;
        view.DueWithinHours = request.DueWithinHours;
        view.CustomerWaiting = request.CustomerWaiting ?? false;
        view.Sort = sort;
        view.OrganisationId = request.Organisation;
        view.Fields = fields;
        view.Columns = columns;
    }

    /// <summary>Each criterion as "key=value", the value read as its case field's type reads it; a blank value is no criterion.</summary>
    private async Task<List<string>> FieldsAsync(IReadOnlyDictionary<string, string?>? criteria, ValidationErrors errors, CancellationToken ct)
    {
        var fields = new List<string>();
        foreach (var (key, text) in criteria ?? new Dictionary<string, string?>())
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            var field = await db.FieldDefinitions.AsNoTracking().FirstOrDefaultAsync(f => f.Key == key && f.AppliesTo == Fields.FieldObject.Case, ct);
            if (field is null)
            {
                errors.Add($"customFields.{key}", $"There is no case field '{key}'.");
            }
            else if (text.Length > Fields.SetCaseFields.MaxValueLength)
            {
                errors.Add($"customFields.{key}", $"A value is at most {Fields.SetCaseFields.MaxValueLength} characters.");
            }
            else if (Fields.FieldText.TryNormalise(field, text, out var value, out var problem))
            {
                fields.Add(Fields.FieldPair.Of(field.Key, value));
            }
            else
            {
                errors.Add($"customFields.{key}", problem!);
            }
        }
        return fields.Order(StringComparer.Ordinal).ToList();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
