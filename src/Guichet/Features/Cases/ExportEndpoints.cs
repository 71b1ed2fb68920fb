using Guichet.Core;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Cases;

/// <summary>
/// The incremental export (issue 25), what Zendesk's gives migration and BI tools: cases and
/// customers changed since a cursor, oldest change first, each call answering the cursor to start
/// the next one from, even at the end (store it, ask again later, get only what changed since).
/// Changes of the last <see cref="Settle"/> are left for the next call: a write that took its time
/// before committing cannot land behind a cursor already given out.
/// </summary>
public static class ExportEndpoints
{
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);
    private const int MaxLimit = 1000;
    private static readonly string[] ExportQuery =
    [
        "after: the previous answer's next: what changed since.", "since: start from changes at or after this time (ISO 8601), instead of after.",
        "limit#: items per answer, 1 to 1000 (default 1000).",
    ];

    private static readonly Hosting.Web.Keyset<Customer> CustomersChanged = new("customers.changed", (c => c.UpdatedAt, false), (c => c.Id, false));

    public sealed record ExportPage<T>(T[] Items, string Next, bool EndOfStream);

    public sealed record CustomerExportDto(
        long Id, string Name, string? Salutation, string Language, string TimeZone, string Tier, string[] Emails, string[] Phones,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long? MergedIntoId, DateTimeOffset? ErasedAt,
        IReadOnlyList<string> Tags, IReadOnlyDictionary<string, string> CustomFields, long[] Organisations);

    public static RouteGroupBuilder MapExports(this RouteGroupBuilder api)
    {
        var export = api.MapGroup("/export").WithTags("Export").RequireAuthorization(Permissions.Access.Admin);

        export.MapGet("/cases", async (HttpContext http, GuichetDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var query = new QueryParams(http.Request);
            var order = CaseList.Orders["changed"];
            var (start, limit) = Start(query, order.Read(query), order);
            if (query.Errors.Any)
            {
                return Problems.From(query.Errors.ToFailure());
            }
            var before = clock.GetUtcNow() - Settle;
            var filter = new CaseList.Filter(null, false, null, null, null, 1, limit, Sort: "changed", After: start.Values, ChangedBefore: before);
            var (items, after) = await CaseList.ItemsAsync(db, filter, await http.CurrentAgentAsync(db), ct);
            return TypedResults.Ok(new ExportPage<CaseSummaryDto>(items, after ?? start.Cursor, items.Length < limit));
        })
        .Produces<ExportPage<CaseSummaryDto>>()
        .WithQuery(ExportQuery)
        .WithSummary("Cases changed since a cursor (after=) or a time (since=), oldest change first, up to limit (≤ 1000); keep the answer's next and ask again.");

        export.MapGet("/customers", async (HttpContext http, GuichetDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var query = new QueryParams(http.Request);
            var (start, limit) = Start(query, CustomersChanged.Read(query), CustomersChanged);
            if (query.Errors.Any)
            {
                return Problems.From(query.Errors.ToFailure());
            }
            var before = clock.GetUtcNow() - Settle;
            var rows = await CustomersChanged.Page(db.Customers.AsNoTracking().Include(c => c.Identities).Where(c => c.UpdatedAt < before), start.Values, 1, limit)
                .AsSplitQuery().ToListAsync(ct);
            var ids = rows.Select(c => c.Id).ToList();
            var profiles = await EditProfile.ReadManyAsync(db, ProfileKind.Customer, ids, ct);
            var memberships = (await db.Memberships.AsNoTracking().Where(m => ids.Contains(m.CustomerId)).ToListAsync(ct)).ToLookup(m => m.CustomerId, m => m.OrganisationId);
            var items = rows.Select(c => new CustomerExportDto(c.Id, c.Name, c.Salutation, c.Language, c.TimeZone, c.Tier,
                c.Identities.Where(i => i.Kind == IdentityKind.Email).Select(i => i.Value).ToArray(),
                c.Identities.Where(i => i.Kind == IdentityKind.Phone).Select(i => i.Value).ToArray(),
                c.CreatedAt, c.UpdatedAt, c.MergedIntoId, c.ErasedAt,
                profiles[c.Id].Tags, profiles[c.Id].CustomFields, memberships[c.Id].Order().ToArray())).ToArray();
            return TypedResults.Ok(new ExportPage<CustomerExportDto>(items, rows.Count == 0 ? start.Cursor : CustomersChanged.CursorAfter(rows[^1]), rows.Count < limit));
        })
        .Produces<ExportPage<CustomerExportDto>>()
        .WithQuery(ExportQuery)
        .WithSummary("Customers changed since a cursor (after=) or a time (since=), oldest change first, up to limit (≤ 1000); merged and erased ones included, marked.");
        return api;
    }

    /// <summary>Where to start: the cursor given, else the time given (since=), else the beginning.</summary>
    private static ((object?[] Values, string Cursor) Start, int Limit) Start<T>(QueryParams query, object?[]? after, Hosting.Web.Keyset<T> order) where T : class
    {
        var limit = query.Number("limit", MaxLimit, 1, MaxLimit);
        var since = query.Time("since");
        if (after is not null && since is not null)
        {
            query.Errors.Add("since", "Give after or since, not both: after continues from the previous answer's next.");
        }
        var values = after ?? [since ?? DateTimeOffset.UnixEpoch, 0L];
        return ((values, order.CursorOf(values)), limit);
    }
}
