using CsvHelper;
using Guichet.Core.Agents;
using Guichet.Core.Cases.Views;
using Guichet.Core.Data;
using Guichet.Features.Metrics;

namespace Guichet.Features.Cases;

/// <summary>
/// A view's cases as CSV (W4, W5), its columns as the list shows them (custom fields as their
/// values), an id first; streamed page by page in the view's order, so memory stays flat however
/// many cases it holds (up to <see cref="MaxRows"/>).
/// </summary>
public static class ViewExport
{
    public const int MaxRows = 100_000;
    private const int Chunk = 500;

    public static async Task WriteAsync(HttpContext http, GuichetDb db, View view, Agent reader, DateTimeOffset now, CancellationToken ct)
    {
        var columns = view.Columns.Count > 0 ? view.Columns : ViewColumns.Default;
        var filter = ViewFilter.Of(view, reader, now, 1, Chunk);
        var order = CaseList.Orders.GetValueOrDefault(filter.Sort) ?? CaseList.Orders["due"];
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"view-{view.Id}.csv\"";
        await using var csv = CsvWriter.Create(http.Response.Body, CsvTable.Options, leaveOpen: true);
        csv.WriteHeader(["id", .. columns]);
        var written = 0;
        IReadOnlyDictionary<string, string>? labels = null;
        while (written < MaxRows)
        {
            var (items, after) = await CaseList.ItemsAsync(db, filter, reader, ct);
            var extra = await InboxColumns.ReadAsync(db, columns, items, ct, labels);
            labels = extra.FieldLabels;
            foreach (var c in items)
            {
                csv.WriteField(c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                foreach (var column in columns)
                {
                    csv.WriteField(extra.Text(c, column));
                }
                await csv.EndRecordAsync(ct);
            }
            written += items.Length;
            await csv.FlushAsync(ct);
            if (after is null || order.Decode(after, new Core.ValidationErrors()) is not { } next)
            {
                break;
            }
            filter = filter with { After = next };
        }
    }
}
