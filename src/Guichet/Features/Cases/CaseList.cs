using Guichet.Hosting.Web;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Cases;

/// <summary>
/// The case list behind the API and the inbox: filtered, ordered by the next promise due, a
/// customer waiting with nothing promised at the time they began to wait (issue 24: such a case
/// sorted last, below everything due), cases with nothing due and nobody waiting last; paged.
/// </summary>
public static class CaseList
{
    public sealed record Filter(CaseStatus? Status, bool ActiveOnly, string? Team, long? OwnerId, DateTimeOffset? DueBefore, int Page, int PageSize, bool CustomerWaiting = false, string? Tag = null,
        CasePriority? Priority = null, Core.Channel? Channel = null, bool Unassigned = false, string Sort = "due",
        IReadOnlyList<(long Field, string Value)>? Fields = null);

    public static async Task<Filter?> ParseAsync(QueryParams query, GuichetDb db, CancellationToken ct)
    {
        CaseStatus? status = null;
        var activeOnly = false;
        var statusText = query.Text("status");
        if (statusText == "active")
        {
            activeOnly = true;
        }
        else if (statusText is not null && statusText != "all")
        {
            if (WireNames.TryParseWire<CaseStatus>(statusText, out var s))
            {
                status = s;
            }
            else
            {
                query.Errors.Add("status", $"'{statusText}' is not a status; use new, open, waitingOnCustomer, resolved, closed, active or all.");
            }
        }
        long? ownerId = null;
        var owner = query.Text("owner");
        if (owner is not null)
        {
            if (long.TryParse(owner, out var id))
            {
                ownerId = id;
            }
            else
            {
                var email = owner.ToLowerInvariant();
                ownerId = await db.Agents.Where(a => a.Email == email).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
                if (ownerId is null)
                {
                    query.Errors.Add("owner", $"There is no agent '{owner}'.");
                }
            }
        }
        var team = query.Text("team");
        if (team is not null && !await db.Teams.AnyAsync(t => t.Slug == team, ct))
        {
            query.Errors.Add("team", $"There is no team '{team}'.");
        }
        var dueBefore = query.Time("dueBefore");
        var waiting = query.Text("customerWaiting");
        if (waiting is not null and not ("true" or "false"))
        {
            query.Errors.Add("customerWaiting", $"'{waiting}' is not true or false.");
        }
        var tagText = query.Text("tag");
        var tag = tagText is null ? null : Core.Cases.Tags.TagName.Normalise(tagText);
        if (tagText is not null && tag is null)
        {
            query.Errors.Add("tag", $"'{tagText}' is not a tag.");
        }
        // Custom fields (W5): field.<key>=<value>, the value read as its field's type reads it.
        var fields = new List<(long, string)>();
        foreach (var (key, text) in query.Prefixed("field."))
        {
            var field = await db.FieldDefinitions.AsNoTracking().FirstOrDefaultAsync(f => f.Key == key, ct);
            if (field is null)
            {
                query.Errors.Add($"field.{key}", $"There is no field '{key}'.");
            }
            else if (Core.Cases.Fields.FieldText.TryNormalise(field, text, out var value, out var problem))
            {
                fields.Add((field.Id, value));
            }
            else
            {
                query.Errors.Add($"field.{key}", problem!);
            }
        }
        var (page, pageSize) = query.Paging();
        return query.Errors.Any ? null : new Filter(status, activeOnly, team, ownerId, dueBefore, page, pageSize, waiting == "true", tag, Fields: fields);
    }

    /// <summary>The cases the filter names, among those <paramref name="viewer"/> sees (issue 10).</summary>
    public static IQueryable<Case> Query(GuichetDb db, Filter filter, Core.Agents.Agent? viewer)
    {
        var cases = db.Cases.AsNoTracking().VisibleTo(viewer);
        if (filter.Status is { } status)
        {
            cases = cases.Where(c => c.Status == status);
        }
        if (filter.ActiveOnly)
        {
            cases = cases.Active();
        }
        if (filter.Team is { } team)
        {
            cases = cases.Where(c => c.Team.Slug == team);
        }
        if (filter.OwnerId is { } ownerId)
        {
            cases = cases.Where(c => c.OwnerId == ownerId);
        }
        if (filter.DueBefore is { } before)
        {
            cases = cases.Where(c => c.NextDueAt != null && c.NextDueAt < before);
        }
        if (filter.Tag is { } tag)
        {
            cases = cases.Where(c => c.Tags.Any(t => t.Name == tag));
        }
        if (filter.CustomerWaiting)
        {
            cases = cases.Where(c => c.CustomerWaitingSince != null);
        }
        if (filter.Priority is { } priority)
        {
            cases = cases.Where(c => c.Priority == priority);
        }
        if (filter.Channel is { } channel)
        {
            cases = cases.Where(c => c.Channel == channel);
        }
        if (filter.Unassigned)
        {
            cases = cases.Where(c => c.OwnerId == null);
        }
        foreach (var (field, value) in filter.Fields ?? [])
        {
            cases = cases.Where(c => db.FieldValues.Any(v => v.CaseId == c.Id && v.FieldId == field && v.Value == value));
        }
        return cases;
    }

    /// <summary>How many cases the filter names: a view's count in the sidebar (W4).</summary>
    public static Task<int> CountAsync(GuichetDb db, Filter filter, Core.Agents.Agent? viewer, CancellationToken ct) =>
        Query(db, filter, viewer).CountAsync(ct);

    /// <summary>The page of cases the filter names, in its order, with their total.</summary>
    public static async Task<Page<CaseSummaryDto>> ReadAsync(GuichetDb db, Filter filter, Core.Agents.Agent? viewer, CancellationToken ct)
    {
        var cases = Query(db, filter, viewer);
        var total = await cases.CountAsync(ct);
        var items = await Ordered(cases, filter.Sort)
            .Skip((filter.Page - 1) * filter.PageSize)
            .Take(filter.PageSize)
            .Select(c => new
            {
                c.Id, c.Reference, c.Status, c.Subject, c.Channel, c.Priority,
                TeamId = c.Team.Id, TeamSlug = c.Team.Slug, TeamName = c.Team.Name,
                OwnerId = (long?)c.Owner!.Id, OwnerName = c.Owner!.Name, OwnerEmail = c.Owner!.Email,
                c.CustomerId, CustomerName = c.Customer.Name, c.CreatedAt, c.UpdatedAt, c.NextDueAt, c.ContactCount, c.CustomerWaitingSince,
                Tags = c.Tags.Select(t => t.Name).ToList(),
            })
            .ToListAsync(ct);
        return new Page<CaseSummaryDto>(
            items.Select(c => new CaseSummaryDto(
                c.Id, c.Reference, c.Status.ToWire(), c.Subject, c.Channel.ToWire(), c.Priority.ToWire(),
                new TeamRef(c.TeamId, c.TeamSlug, c.TeamName),
                c.OwnerId is null ? null : new AgentRef(c.OwnerId.Value, c.OwnerName, c.OwnerEmail),
                c.CustomerId, c.CustomerName, c.CreatedAt, c.UpdatedAt, c.NextDueAt, c.ContactCount, c.CustomerWaitingSince, c.Tags.Order(StringComparer.Ordinal).ToList())).ToArray(),
            filter.Page, filter.PageSize, total);
    }

    private static IQueryable<Case> Ordered(IQueryable<Case> cases, string sort) => sort switch
    {
        "newest" => cases.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id),
        "updated" => cases.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id),
        "priority" => cases.OrderByDescending(c => c.Priority).ThenBy(c => c.NextDueAt == null).ThenBy(c => c.NextDueAt).ThenBy(c => c.Id),
        // The inbox's order: the next promise due, a waiting customer at the time they began to wait.
        _ => cases.OrderBy(c => (c.NextDueAt ?? c.CustomerWaitingSince) == null)
            .ThenBy(c => c.NextDueAt ?? c.CustomerWaitingSince)
            .ThenByDescending(c => c.Priority)
            .ThenBy(c => c.Id),
    };
}
