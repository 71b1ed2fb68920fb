using Guichet.Core.Agents;
using Guichet.Core.Cases.Tags;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases.Bulk;

/// <summary>
/// One action on many cases (SPEC W6), each through the same operation a person would use on one
/// case, so every rule holds (a transfer's note, a resolve with open promises refused…); each case
/// succeeds or is refused on its own, with the reason. Cases the actor may not see are refused as
/// not found, never touched.
/// </summary>
public sealed class ActOnCases(GuichetDb db, TimeProvider clock, AssignCase assign, TransferCase transfer, TagCase tag, ChangeCaseStatus status, ChangeCasePriority priority, Macros.ApplyMacro macro)
{
    public const int MaxCases = 1_000;
    public static readonly string[] Actions = ["assign", "transfer", "tag", "untag", "status", "priority", "macro"];

    public async Task<Result<BulkResult>> RunAsync(BulkRequest request, Agent actor, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var ids = (request.Cases ?? []).Distinct().ToList();
        if (ids.Count is 0 or > MaxCases)
        {
            errors.Add("cases", $"Name 1 to {MaxCases} cases by id; more run as a background job (view, or up to {BulkJob.MaxCases:N0} ids).");
        }
        var change = Check(request, errors);
        if (errors.Any)
        {
            return errors;
        }
        var outcomes = await ActOnAsync(ids, request, change, actor, ct);
        return new BulkResult(outcomes.Count(o => o.Done), outcomes.Count(o => !o.Done), outcomes);
    }

    /// <summary>What the request asks, checked before any case is touched; the status change it names.</summary>
    public static StatusChange Check(BulkRequest request, ValidationErrors errors)
    {
        if (request.Action is null || !Actions.Contains(request.Action))
        {
            errors.Add("action", $"'{request.Action}' is not an action: {string.Join(", ", Actions)}.");
        }
        StatusChange change = default;
        if (request.Action == "status" && !ChangeCaseStatus.TryRead(request.Status, out change))
        {
            errors.Add("status", $"'{request.Status}' is not a status change: wait, reopen, close or resolve.");
        }
        if (request.Action is "tag" or "untag")
        {
            var tags = TagCase.Names(request.Tags, "tags", errors);
            if (tags.Count == 0 && !errors.Has("tags[0]"))
            {
                errors.Add("tags", "Give the tags.");
            }
        }
        return change;
    }

    /// <summary>
    /// The action on these cases, in their order, each done or refused; those the actor may not see
    /// are refused as not found. Tags go on and off by sets (<see cref="TagMany"/>); every other
    /// action runs case by case through the operation a person would use.
    /// </summary>
    public async Task<List<BulkOutcome>> ActOnAsync(IReadOnlyList<long> ids, BulkRequest request, StatusChange change, Agent actor, CancellationToken ct)
    {
        var visible = (await db.Cases.AsNoTracking().VisibleTo(actor).Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Reference }).ToListAsync(ct))
            .ToDictionary(c => c.Id, c => c.Reference);
        var done = new Dictionary<long, BulkOutcome>(ids.Count);
        if (request.Action is "tag" or "untag")
        {
            var tags = TagCase.Names(request.Tags, "tags", new ValidationErrors());
            foreach (var outcome in await TagMany.RunAsync(db, visible, tags, request.Action == "tag", actor, clock.Now(), ct))
            {
                done[outcome.CaseId] = outcome;
            }
        }
        var outcomes = new List<BulkOutcome>(ids.Count);
        foreach (var id in ids)
        {
            if (!visible.TryGetValue(id, out var reference))
            {
                outcomes.Add(new BulkOutcome(id, null, false, $"There is no case {id} you may act on."));
                continue;
            }
            if (done.TryGetValue(id, out var tagged))
            {
                outcomes.Add(tagged);
                continue;
            }
            var failure = await ActAsync(id, request, change, actor, ct);
            outcomes.Add(new BulkOutcome(id, reference, failure is null, failure is null ? null : string.Join(" ", failure.Errors.SelectMany(e => e.Value))));
            // One case's tracked rows are not the next one's business: memory stays flat over a thousand.
            db.ChangeTracker.Clear();
        }
        return outcomes;
    }

    private async Task<Failure?> ActAsync(long id, BulkRequest request, StatusChange change, Agent actor, CancellationToken ct)
    {
        switch (request.Action)
        {
            case "assign":
                return (await assign.RunAsync(id, request.OwnerId, actor, ct)).Failure;
            case "transfer":
                return (await transfer.RunAsync(id, request.Team, null, request.Note, actor, ct)).Failure;
            case "tag":
                return (await tag.RunAsync(id, new TagCaseRequest(request.Tags, null), actor, ct)).Failure;
            case "untag":
                return (await tag.RunAsync(id, new TagCaseRequest(null, request.Tags), actor, ct)).Failure;
            case "priority":
                return (await priority.RunAsync(id, request.Priority, request.Reason, actor, ct)).Failure;
            case "macro":
                var applied = await macro.RunAsync(id, request.MacroId ?? 0, actor, ct);
                return !applied.Succeeded ? applied.Failure
                    : applied.Value.FirstOrDefault(s => !s.Done) is { } refused ? Failure.Refuse(refused.Kind, refused.Refused ?? "") : null;
            default:
                return (await status.RunUnattendedAsync(id, change, actor, ct)).Failure;
        }
    }

}
