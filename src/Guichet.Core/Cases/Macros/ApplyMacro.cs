using Guichet.Core.Agents;
using Guichet.Core.Cases.Tags;
using Guichet.Core.Data;
using Guichet.Core.Promises;
using Guichet.Core.Replies;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases.Macros;

/// <summary>One step of a macro on a case: what it does, and (applied) whether it was done or why not.</summary>
public sealed record MacroStep(string Kind, string Detail, bool Done, string? Refused);

/// <summary>
/// A macro on one case (SPEC W6): previewed first (the reply as it would leave, with the send
/// guard's verdict, and every other step), then applied step by step through the operations a
/// person would use: note, tags, priority, owner, promise, reply, status. A step refused does not
/// undo the others; a reply refused leaves the status alone (a case is not closed unanswered).
/// </summary>
public sealed class ApplyMacro(
    GuichetDb db, AddNote note, TagCase tag, ChangeCasePriority priority, AssignCase assign, MakePromise promise,
    PostMessage post, ChangeCaseStatus status, PreviewTemplate preview)
{
    public async Task<Result<IReadOnlyList<MacroStep>>> PreviewAsync(long caseId, long macroId, Agent actor, CancellationToken ct = default)
    {
        if (await FindAsync(macroId, actor, ct) is not { } macro)
        {
            return Failure.NotFound("macroId", $"There is no macro {macroId} you may use.");
        }
        var steps = new List<MacroStep>();
        foreach (var (kind, detail) in Plan(macro, actor))
        {
            if (kind == "reply")
            {
                var draft = await preview.RunAsync(new PreviewRequest(null, macro.ReplyTemplate, null, null, caseId, null), actor, ct);
                steps.Add(draft.Succeeded
                    ? new MacroStep(kind, draft.Value.Text, false, draft.Value.Reasons.Count == 0 ? null : string.Join(" ", draft.Value.Reasons.Select(r => r.Message)))
                    : new MacroStep(kind, macro.ReplyTemplate!, false, string.Join(" ", draft.Failure!.Errors.SelectMany(e => e.Value))));
                continue;
            }
            steps.Add(new MacroStep(kind, detail, false, null));
        }
        return steps;
    }

    public async Task<Result<IReadOnlyList<MacroStep>>> RunAsync(long caseId, long macroId, Agent actor, CancellationToken ct = default)
    {
        if (await FindAsync(macroId, actor, ct) is not { } macro)
        {
            return Failure.NotFound("macroId", $"There is no macro {macroId} you may use.");
        }
        if (!await db.Cases.VisibleTo(actor).AnyAsync(c => c.Id == caseId, ct))
        {
            return CaseQueries.CaseNotFound(caseId);
        }
        var steps = new List<MacroStep>();
        var replied = true;
        foreach (var (kind, detail) in Plan(macro, actor))
        {
            Failure? refused = kind switch
            {
                "note" => (await note.RunAsync(caseId, macro.Note, actor, ct)).Failure,
                "tags" => (await tag.RunAsync(caseId, new TagCaseRequest(Macro.Split(macro.AddTags), Macro.Split(macro.RemoveTags)), actor, ct)).Failure,
                "priority" => await db.Cases.AnyAsync(c => c.Id == caseId && c.Priority == macro.Priority, ct)
                    ? null // already there: the macro's wish holds
                    : (await priority.RunAsync(caseId, macro.Priority!.Value.ToWire(), $"Macro « {macro.Name} »", actor, ct)).Failure,
                "assign" => (await assign.RunAsync(caseId, macro.AssignTo == "me" ? actor.Id : long.Parse(macro.AssignTo!, System.Globalization.CultureInfo.InvariantCulture), actor, ct)).Failure,
                "promise" => (await promise.RunAsync(caseId, new MakePromiseRequest(macro.PromiseWhat, DueInBusinessHours: macro.PromiseInBusinessHours), actor, ct)).Failure,
                "reply" => (await post.RunAsync(caseId, new PostMessageRequest("out", null, null, TemplateId: macro.ReplyTemplate), actor, ct)).Failure,
                _ => !replied ? Failure.Conflict("status", "The reply did not leave: the status is left as it was.") : (await status.RunUnattendedAsync(caseId, Step(macro.Status), actor, ct)).Failure,
            };
            if (kind == "reply")
            {
                replied = refused is null;
            }
            steps.Add(new MacroStep(kind, detail, refused is null, refused is null ? null
                : refused.Sayings.Count > 0 ? string.Join(" ", refused.Errors.Where(e => e.Key != SendGuardFailure.OverridableKey).SelectMany(e => e.Value))
                : string.Join(" ", refused.Errors.SelectMany(e => e.Value))));
        }
        return steps;
    }

    private static StatusChange Step(string? word) => ChangeCaseStatus.TryRead(word, out var change) ? change : StatusChange.Resolve;

    private Task<Macro?> FindAsync(long id, Agent actor, CancellationToken ct) =>
        db.Macros.AsNoTracking().UsableBy(actor).FirstOrDefaultAsync(m => m.Id == id, ct);

    /// <summary>The macro's steps in the order they run, each with what it will do.</summary>
    private static IEnumerable<(string Kind, string Detail)> Plan(Macro macro, Agent actor)
    {
        if (macro.Note is { } text)
        {
            yield return ("note", text);
        }
        if (macro.AddTags is not null || macro.RemoveTags is not null)
        {
            yield return ("tags", string.Join(" ", Macro.Split(macro.AddTags).Select(t => "+" + t).Concat(Macro.Split(macro.RemoveTags).Select(t => "−" + t))));
        }
        if (macro.Priority is { } p)
        {
            yield return ("priority", p.ToWire());
        }
        if (macro.AssignTo is { } who)
        {
            yield return ("assign", who == "me" ? actor.Name : who);
        }
        if (macro.PromiseWhat is { } what)
        {
            yield return ("promise", $"{what} ({macro.PromiseInBusinessHours:0.#} h)");
        }
        if (macro.ReplyTemplate is { } template)
        {
            yield return ("reply", template);
        }
        if (macro.Status is { } s)
        {
            yield return ("status", s);
        }
    }
}
