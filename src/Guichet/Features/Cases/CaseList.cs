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
        FieldCriteria? Fields = null, object?[]? After = null, DateTimeOffset? ChangedBefore = null, long? OrganisationId = null);

    /// <summary>The list's orders (the inbox's "due" first), each with its cursor (issue 25).</summary>
    public static readonly IReadOnlyDictionary<string, Keyset<Case>> Orders = new Dictionary<string, Keyset<Case>>(StringComparer.Ordinal)
    {
        // The inbox's order: the next promise due, a waiting customer at the time they began to wait.
        // (Case.DueOrder: the database's own column, indexed, with a far date when neither.)
        ["due"] = new("cases.due", (c => c.DueOrder, false), (c => c.Priority, true), (c => c.Id, false)),
        ["newest"] = new("cases.newest", (c => c.CreatedAt, true), (c => c.Id, true)),
        ["updated"] = new("cases.updated", (c => c.UpdatedAt, true), (c => c.Id, true)),
        // Oldest change first: the incremental export's order (issue 25).
        ["changed"] = new("cases.changed", (c => c.UpdatedAt, false), (c => c.Id, false)),
        ["priority"] = new("cases.priority", (c => c.Priority, true), (c => c.NextDueAt == null, false), (c => c.NextDueAt, false), (c => c.Id, false)),
    };

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
        var fields = new List<string>();
        foreach (var (key, text) in query.Prefixed("field."))
        {
            var field = await db.FieldDefinitions.AsNoTracking().FirstOrDefaultAsync(f => f.Key == key && f.AppliesTo == Core.Cases.Fields.FieldObject.Case, ct);
            if (field is null)
            {
                query.Errors.Add($"field.{key}", $"There is no field '{key}'.");
            }
            else if (Core.Cases.Fields.FieldText.TryNormalise(field, text, out var value, out var problem))
            {
                fields.Add(Core.Cases.Fields.FieldPair.Of(field.Key, value));
            }
            else
            {
                query.Errors.Add($"field.{key}", problem!);
            }
        }
        var organisation = query.Id("organisation");
        if (organisation is { } org && !await db.Organisations.AnyAsync(o => o.Id == org, ct))
        {
            query.Errors.Add("organisation", $"There is no organisation {org}.");
        }
        var (page, pageSize) = query.Paging();
        var sort = query.Text("sort") ?? "due";
        if (!Orders.TryGetValue(sort, out var order))
        {
            query.Errors.Add("sort", $"'{sort}' is not an order; use {string.Join(", ", Orders.Keys)}.");
            order = Orders["due"];
        }
        var after = order.Read(query);
        return query.Errors.Any ? null : new Filter(status, activeOnly, team, ownerId, dueBefore, page, pageSize, waiting == "true", tag, Sort: sort,
            Fields: fields.Count == 0 ? null : new FieldCriteria(fields), After: after, OrganisationId: organisation);
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
            cases = cases.Where(c => c.InInbox == 1);
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
            // DueOrder is NextDueAt when there is one: the same cases, found on the inbox's index.
            cases = cases.Where(c => c.DueOrder < before && c.NextDueAt != null && c.NextDueAt < before);
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
        if (filter.ChangedBefore is { } changedBefore)
        {
            cases = cases.Where(c => c.UpdatedAt < changedBefore);
        }
        foreach (var (key, value) in filter.Fields?.Each() ?? [])
        {
            cases = cases.Where(c => db.FieldValues.Any(v => v.CaseId == c.Id && v.Value == value && db.FieldDefinitions.Any(f => f.Id == v.FieldId && f.Key == key)));
        }
        if (filter.OrganisationId is { } organisation)
        {
            cases = cases.Where(c => db.Memberships.Any(m => m.CustomerId == c.CustomerId && m.OrganisationId == organisation));
        }
        return cases;
    }

    /// <summary>The ids of the cases the filter names, in its order, at most <paramref name="max"/>: a bulk job's cases (W6).</summary>
    public static Task<List<long>> IdsAsync(GuichetDb db, Filter filter, Core.Agents.Agent? viewer, int max, CancellationToken ct) =>
        (Orders.GetValueOrDefault(filter.Sort) ?? Orders["due"]).Order(Query(db, filter, viewer)).Select(c => c.Id).Take(max).ToListAsync(ct);

    /// <summary>How many cases the filter names (a view's count in the sidebar, W4), or <paramref name="upTo"/> when there are at least as many.</summary>
    public static Task<int> CountAsync(GuichetDb db, Filter filter, Core.Agents.Agent? viewer, CancellationToken ct, int? upTo = null) =>
        upTo is { } most ? Query(db, filter, viewer).Take(most).CountAsync(ct) : Query(db, filter, viewer).CountAsync(ct);

    /// <summary>The page of cases the filter names, in its order, with their total.</summary>
    public static async Task<Page<CaseSummaryDto>> ReadAsync(GuichetDb db, Filter filter, Core.Agents.Agent? viewer, CaseCounts counts, CancellationToken ct)
    {
        var total = await counts.TotalAsync(db, filter, viewer, ct);
        var (items, after) = await ItemsAsync(db, filter, viewer, ct);
        return new Page<CaseSummaryDto>(items, filter.After is null ? filter.Page : 1, filter.PageSize, total.Count)
        {
            Next = items.Length < filter.PageSize ? null : after,
            TotalExact = total.Exact,
        };
    }

    /// <summary>One page of the filter's cases in its order, and the cursor after the last of them (null when none).</summary>
    public static async Task<(CaseSummaryDto[] Items, string? After)> ItemsAsync(GuichetDb db, Filter filter, Core.Agents.Agent? viewer, CancellationToken ct)
    {
        var cases = Query(db, filter, viewer);
        var order = Orders.GetValueOrDefault(filter.Sort) ?? Orders["due"];
        var items = await order.Page(cases, filter.After, filter.Page, filter.PageSize)
            .Select(c => new
            {
                c.Id, c.Reference, c.Status, c.Subject, c.Channel, c.Priority,
                TeamId = c.Team.Id, TeamSlug = c.Team.Slug, TeamName = c.Team.Name,
                OwnerId = (long?)c.Owner!.Id, OwnerName = c.Owner!.Name, OwnerEmail = c.Owner!.Email,
                c.CustomerId, CustomerName = c.Customer.Name, c.CreatedAt, c.UpdatedAt, c.NextDueAt, c.ContactCount, c.CustomerWaitingSince,
                Tags = c.Tags.Select(t => t.Name).ToList(),
            })
            .ToListAsync(ct);
        var ids = items.Select(c => c.Id).ToList();
        var fields = (await db.FieldValues.AsNoTracking().Where(v => ids.Contains(v.CaseId))
            .Join(db.FieldDefinitions, v => v.FieldId, f => f.Id, (v, f) => new { v.CaseId, f.Key, v.Value }).ToListAsync(ct)).ToLookup(v => v.CaseId);
        var lastId = items.Count == 0 ? 0 : items[^1].Id;
        var after = items.Count == 0 ? null : await order.NextAsync(db.Cases.Where(c => c.Id == lastId), items.Count, items.Count, ct);
        return (
            items.Select(c => new CaseSummaryDto(
                c.Id, c.Reference, c.Status.ToWire(), c.Subject, c.Channel.ToWire(), c.Priority.ToWire(),
                new TeamRef(c.TeamId, c.TeamSlug, c.TeamName),
                c.OwnerId is null ? null : new AgentRef(c.OwnerId.Value, c.OwnerName, c.OwnerEmail),
                c.CustomerId, c.CustomerName, c.CreatedAt, c.UpdatedAt, c.NextDueAt, c.ContactCount, c.CustomerWaitingSince, c.Tags.Order(StringComparer.Ordinal).ToList(),
                fields[c.Id].ToDictionary(v => v.Key, v => v.Value))).ToArray(),
            after);
    }
}
