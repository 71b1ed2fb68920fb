using Guichet.Core.Agents;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases.Tags;

/// <summary>
/// Puts tags on a case and takes them off (SPEC W5): each name normalised (<see cref="TagName"/>),
/// what was already there or already gone changes nothing, and the timeline says who tagged what.
/// </summary>
public sealed class TagCase(GuichetDb db, TimeProvider clock)
{
    /// <summary>A case carries at most this many tags: past it a tag is a note.</summary>
    public const int MaxTags = 50;

    public async Task<Result<IReadOnlyList<string>>> RunAsync(long caseId, TagCaseRequest request, Agent? actor, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var add = Names(request.Add, "add", errors);
        var remove = Names(request.Remove, "remove", errors);
        if (add.Count == 0 && remove.Count == 0 && !errors.Any)
        {
            errors.Add("add", "Give tags to add or to remove.");
        }
        if (errors.Any)
        {
            return errors;
        }
        var @case = await db.Cases.Include(c => c.Tags).FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null)
        {
            return CaseQueries.CaseNotFound(caseId);
        }
        if (@case.Tags.Select(t => t.Name).Union(add).Except(remove).Count() > MaxTags)
        {
            return Failure.Invalid("add", $"A case carries at most {MaxTags} tags.");
        }
        @case.Retag(add, remove, actor, clock.Now());
        await db.SaveChangesAsync(ct);
        return @case.Tags.Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
    }

    public static List<string> Names(IReadOnlyList<string>? names, string field, ValidationErrors errors)
    {
        var found = new List<string>();
        foreach (var (text, i) in (names ?? []).Select((n, i) => (n, i)))
        {
            if (TagName.Normalise(text) is { } name)
            {
                if (!found.Contains(name))
                {
                    found.Add(name);
                }
            }
            else
            {
                errors.Add($"{field}[{i}]", $"'{text}' is not a tag: letters, digits and dashes, 1 to {TagName.MaxLength} characters.");
            }
        }
        return found;
    }
}
