using Guichet.Core;
using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Cases.Views;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Cases;

/// <summary>
/// A view read as the case list's filter, for the person reading it ("me" is them) and now (a
/// promise due within N hours). Also the views a person sees, with their counts, for the sidebar.
/// </summary>
public static class ViewFilter
{
    /// <summary>A view with its count; <paramref name="Fresh"/> false while a newer count is being made (decision 0036).</summary>
    public sealed record Counted(View View, int Count, bool Fresh = true);

    public static CaseList.Filter Of(View view, Agent reader, DateTimeOffset now, int page = 1, int pageSize = 50)
    {
        CaseStatus? status = view.Status is { } s && WireNames.TryParseWire<CaseStatus>(s, out var parsed) ? parsed : null;
        long? owner = view.Owner switch
        {
            "me" => reader.Id,
            null or "nobody" => null,
            var id => long.TryParse(id, out var n) ? n : null,
        };
        return new CaseList.Filter(status, view.Status == "active", view.Team, owner,
            view.DueWithinHours is { } hours ? ToTheMinute(now).AddHours(hours) : null, page, pageSize,
            view.CustomerWaiting, view.Tag, view.Priority, view.Channel, view.Owner == "nobody", view.Sort,
            Fields: view.Fields.Count == 0 ? null : new FieldCriteria(view.Fields), OrganisationId: view.OrganisationId);
    }

    // A window of time read to the minute: its count is kept for a minute (CaseCounts), not redone at each tick.
    private static DateTimeOffset ToTheMinute(DateTimeOffset now) => new(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMinute + TimeSpan.TicksPerMinute, TimeSpan.Zero);

    /// <summary>The person's own views, then their team's, then everyone's, each in its order.</summary>
    public static async Task<IReadOnlyList<View>> OfReaderAsync(GuichetDb db, Agent reader, CancellationToken ct)
    {
        var views = await db.Views.AsNoTracking().UsableBy(reader).ToListAsync(ct);
        return views.OrderBy(v => v.OwnerId is not null ? 0 : v.TeamId is not null ? 1 : 2).ThenBy(v => v.Position).ThenBy(v => v.Id).ToList();
    }

    /// <summary>How a view's count is read after a change (decision 0041).</summary>
    public enum Counting
    {
        /// <summary>The last count at once, counted again behind: a page opened.</summary>
        Sidebar,
        /// <summary>Counted again at once up to 10,000 cases, else the last count: a live redraw, so a short view follows its cases.</summary>
        Live,
        /// <summary>Counted again before answering, however long: <c>?fresh=true</c>.</summary>
        Exact,
    }

    /// <summary>The reader's views with their counts, read as <paramref name="counting"/> says.</summary>
    public static async Task<IReadOnlyList<Counted>> CountedAsync(GuichetDb db, Agent reader, DateTimeOffset now, CaseCounts counts, CancellationToken ct, Counting counting = Counting.Sidebar)
    {
        var counted = new List<Counted>();
        foreach (var view in await OfReaderAsync(db, reader, ct))
        {
            var filter = Of(view, reader, now);
            var (count, fresh) = counting switch
            {
                Counting.Exact => new CaseCounts.ListCount(await counts.ExactCountAsync(db, filter, reader, ct), true),
                Counting.Live => await counts.TotalAsync(db, filter, reader, ct),
                _ => await counts.SidebarCountAsync(db, filter, reader, ct),
            };
            counted.Add(new Counted(view, count, fresh));
        }
        return counted;
    }
}
