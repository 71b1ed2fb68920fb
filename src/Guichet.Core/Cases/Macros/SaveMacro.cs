using Guichet.Core.Agents;
using Guichet.Core.Cases.Tags;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases.Macros;

/// <summary>Makes and removes macros (SPEC W6), shared as views are (<see cref="Sharing"/>).</summary>
public sealed class SaveMacro(GuichetDb db, TimeProvider clock)
{
    public static readonly string[] Statuses = ["wait", "close", "resolve"];

    public async Task<Result<Macro>> CreateAsync(MacroRequest request, Agent maker, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var (owner, team) = Sharing.Audience(request.Share, maker, errors);
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 100)
        {
            errors.Add("name", "A macro needs a name of at most 100 characters.");
        }
        if (request.Note is { Length: > AddNote.MaxLength })
        {
            errors.Add("note", $"A note is at most {AddNote.MaxLength} characters.");
        }
        var add = TagCase.Names(request.AddTags, "addTags", errors);
        var remove = TagCase.Names(request.RemoveTags, "removeTags", errors);
        CasePriority? priority = null;
        if (!string.IsNullOrWhiteSpace(request.Priority))
        {
            if (WireNames.TryParseWire<CasePriority>(request.Priority, out var parsed))
            {
                priority = parsed;
            }
            else
            {
                errors.Add("priority", $"'{request.Priority}' is not a priority: low, normal, high or urgent.");
            }
        }
        var assignTo = string.IsNullOrWhiteSpace(request.AssignTo) ? null : request.AssignTo.Trim();
        if (assignTo is not null and not "me" && !(long.TryParse(assignTo, out var agentId) && await db.Agents.AnyAsync(a => a.Id == agentId && a.Active, ct)))
        {
            errors.Add("assignTo", $"'{assignTo}' is not who to assign to: me, or an active person's id.");
        }
        var what = string.IsNullOrWhiteSpace(request.PromiseWhat) ? null : request.PromiseWhat.Trim();
        if ((what is null) != (request.PromiseInBusinessHours is null))
        {
            errors.Add("promiseWhat", "A promise needs both what is promised and in how many business hours.");
        }
        else if (request.PromiseInBusinessHours is <= 0 or > 24 * 366)
        {
            errors.Add("promiseInBusinessHours", "Give a number of business hours above 0.");
        }
        var status = string.IsNullOrWhiteSpace(request.Status) ? null : request.Status.Trim();
        if (status is not null && !Statuses.Contains(status))
        {
            errors.Add("status", $"'{status}' is not a status a macro sets: wait, close or resolve.");
        }
        var template = string.IsNullOrWhiteSpace(request.ReplyTemplate) ? null : request.ReplyTemplate.Trim();
        if (request.Note is null && add.Count + remove.Count == 0 && priority is null && assignTo is null && what is null && template is null && status is null && !errors.Any)
        {
            errors.Add("name", "A macro does at least one thing.");
        }
        if (errors.Any)
        {
            return errors;
        }
        var macro = new Macro
        {
            Name = request.Name!.Trim(), OwnerId = owner, TeamId = team, CreatedAt = clock.Now(),
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            AddTags = add.Count == 0 ? null : string.Join(",", add),
            RemoveTags = remove.Count == 0 ? null : string.Join(",", remove),
            Priority = priority, AssignTo = assignTo, PromiseWhat = what, PromiseInBusinessHours = request.PromiseInBusinessHours,
            ReplyTemplate = template, Status = status,
        };
        db.Macros.Add(macro);
        await db.SaveChangesAsync(ct);
        return macro;
    }

    public async Task<Result<bool>> DeleteAsync(long id, Agent editor, CancellationToken ct = default)
    {
        var macro = await db.Macros.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (macro is null || !macro.MayChange(editor))
        {
            return Failure.NotFound("id", $"There is no macro {id} you may remove.");
        }
        db.Macros.Remove(macro);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
