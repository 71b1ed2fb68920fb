using Guichet.Core.Cases.Fields;
using Guichet.Core.Cases.Views;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Cases;

/// <summary>
/// What a view's chosen columns show beyond a case's summary (W4): the field columns' labels and
/// the customers' organisations, read for the page's cases only.
/// </summary>
public sealed record InboxColumns(IReadOnlyDictionary<string, string> FieldLabels, ILookup<long, string> OrganisationsByCustomer)
{
    public static readonly InboxColumns None = new(new Dictionary<string, string>(), Array.Empty<long>().ToLookup(id => id, _ => ""));

    /// <summary>A column's value for a case as text: what the list shows and the CSV export writes.</summary>
    public string? Text(CaseSummaryDto c, string column) => column switch
    {
        "due" => c.NextDueAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        "reference" => c.Reference,
        "subject" => c.Subject,
        "customer" => c.CustomerName,
        "organisation" => string.Join("; ", OrganisationsByCustomer[c.CustomerId]),
        "team" => c.Team.Name,
        "owner" => c.Owner?.Name,
        "status" => c.Status,
        "priority" => c.Priority,
        "channel" => c.Channel,
        "contacts" => c.ContactCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "created" => c.CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        "updated" => c.UpdatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        "tags" => string.Join(' ', c.Tags ?? []),
        _ when column.StartsWith(ViewColumns.FieldPrefix, StringComparison.Ordinal) => c.CustomFields?.GetValueOrDefault(column[ViewColumns.FieldPrefix.Length..]),
        _ => null,
    };

    /// <param name="labels">The field columns' labels when already read (an export reads them once for all its pages).</param>
    public static async Task<InboxColumns> ReadAsync(GuichetDb db, IReadOnlyList<string> columns, IReadOnlyList<CaseSummaryDto> cases, CancellationToken ct,
        IReadOnlyDictionary<string, string>? labels = null)
    {
        var keys = columns.Where(c => c.StartsWith(ViewColumns.FieldPrefix, StringComparison.Ordinal)).Select(c => c[ViewColumns.FieldPrefix.Length..]).ToList();
        labels ??= keys.Count == 0 ? new Dictionary<string, string>()
            : await db.FieldDefinitions.AsNoTracking().Where(f => keys.Contains(f.Key) && f.AppliesTo == FieldObject.Case).ToDictionaryAsync(f => f.Key, f => f.Label, ct);
        if (!columns.Contains("organisation") || cases.Count == 0)
        {
            return new InboxColumns(labels, None.OrganisationsByCustomer);
        }
        var customerIds = cases.Select(c => c.CustomerId).Distinct().ToList();
        var organisations = await db.Memberships.AsNoTracking().Where(m => customerIds.Contains(m.CustomerId))
            .Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => new { m.CustomerId, o.Name }).ToListAsync(ct);
        return new InboxColumns(labels, organisations.OrderBy(o => o.Name, StringComparer.CurrentCulture).ToLookup(o => o.CustomerId, o => o.Name));
    }
}
