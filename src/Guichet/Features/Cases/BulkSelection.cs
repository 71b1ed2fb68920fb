using Guichet.Core;
using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Cases.Bulk;
using Guichet.Core.Cases.Views;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Cases;

/// <summary>
/// The cases a bulk job acts on (W6), fixed when it starts: every case of a view, or of a filter
/// written as GET /api/cases's query string, as the caller sees them, in the list's order; or the
/// ids named. With a word for people saying what was chosen.
/// </summary>
public static class BulkSelection
{
    public sealed record Chosen(IReadOnlyList<long> Ids, string Scope);

    public static async Task<Result<Chosen>> ResolveAsync(GuichetDb db, BulkRequest request, Agent actor, DateTimeOffset now, CancellationToken ct)
    {
        var ways = (request.Cases is { Count: > 0 } ? 1 : 0) + (request.View is not null ? 1 : 0) + (request.Filter is not null ? 1 : 0);
        if (ways > 1)
        {
            return Failure.Invalid("cases", "Choose the cases one way: cases (ids), view or filter.");
        }
        if (request.View is { } viewId)
        {
            var view = await db.Views.AsNoTracking().UsableBy(actor).FirstOrDefaultAsync(v => v.Id == viewId, ct);
            if (view is null)
            {
                return Failure.Invalid("view", $"There is no view {viewId} you may read.");
            }
            return await OfFilterAsync(db, ViewFilter.Of(view, actor, now), actor, $"view \"{view.Name}\"", "view", ct);
        }
        if (request.Filter is { } text)
        {
            var context = new DefaultHttpContext();
            context.Request.QueryString = new QueryString("?" + text.TrimStart('?'));
            var query = new QueryParams(context.Request);
            var filter = await CaseList.ParseAsync(query, db, ct);
            if (filter is null)
            {
                return Failure.Invalid("filter", string.Join(" ", query.Errors.ToFailure().Errors.SelectMany(e => e.Value)));
            }
            return await OfFilterAsync(db, filter with { Page = 1 }, actor, $"filter {text.TrimStart('?')}", "filter", ct);
        }
        var ids = (request.Cases ?? []).Distinct().ToList();
        return new Chosen(ids, $"{ids.Count} cases chosen");
    }

    public static async Task<Result<Chosen>> OfFilterAsync(GuichetDb db, CaseList.Filter filter, Agent actor, string scope, string field, CancellationToken ct)
    {
        var ids = await CaseList.IdsAsync(db, filter, actor, BulkJob.MaxCases + 1, ct);
        return ids.Count > BulkJob.MaxCases
            ? Failure.Invalid(field, $"More than {BulkJob.MaxCases:N0} cases match; narrow the {field}.")
            : new Chosen(ids, scope);
    }
}
