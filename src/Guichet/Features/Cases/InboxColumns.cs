using Guichet.Core.Cases.Fields;
using Guichet.Core.Cases.Views;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Cases;

/// <summary>
/// What a view's chosen columns show beyond a case's summary (W4): its customer's organisations
/// and its custom field values, read for the page's cases only, one query each.
/// </summary>
public sealed record InboxColumns(
    IReadOnlyDictionary<string, string> FieldLabels,
    ILookup<long, string> OrganisationsByCustomer,
    IReadOnlyDictionary<(long Case, string Key), string> FieldValues)
{
    public static readonly InboxColumns None = new(new Dictionary<string, string>(), Array.Empty<long>().ToLookup(id => id, _ => ""), new Dictionary<(long, string), string>());

    public string? Value(long caseId, string key) => FieldValues.GetValueOrDefault((caseId, key));

    public static async Task<InboxColumns> ReadAsync(GuichetDb db, IReadOnlyList<string> columns, IReadOnlyList<CaseSummaryDto> cases, CancellationToken ct)
    {
        var keys = columns.Where(c => c.StartsWith(ViewColumns.FieldPrefix, StringComparison.Ordinal)).Select(c => c[ViewColumns.FieldPrefix.Length..]).ToList();
        var wantsOrganisations = columns.Contains("organisation");
        if ((keys.Count == 0 && !wantsOrganisations) || cases.Count == 0)
        {
            return None;
        }
        var caseIds = cases.Select(c => c.Id).ToList();
        var customerIds = cases.Select(c => c.CustomerId).Distinct().ToList();
        var fields = await db.FieldDefinitions.AsNoTracking().Where(f => keys.Contains(f.Key) && f.AppliesTo == FieldObject.Case).ToListAsync(ct);
        var fieldIds = fields.Select(f => f.Id).ToList();
        var keyOf = fields.ToDictionary(f => f.Id, f => f.Key);
        var values = fieldIds.Count == 0 ? [] : await db.FieldValues.AsNoTracking()
            .Where(v => caseIds.Contains(v.CaseId) && fieldIds.Contains(v.FieldId)).ToListAsync(ct);
        var organisations = !wantsOrganisations ? [] : await db.Memberships.AsNoTracking().Where(m => customerIds.Contains(m.CustomerId))
            .Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => new { m.CustomerId, o.Name }).ToListAsync(ct);
        return new InboxColumns(
            fields.ToDictionary(f => f.Key, f => f.Label),
            organisations.OrderBy(o => o.Name, StringComparer.CurrentCulture).ToLookup(o => o.CustomerId, o => o.Name),
            values.ToDictionary(v => (v.CaseId, keyOf[v.FieldId]), v => v.Value));
    }
}
