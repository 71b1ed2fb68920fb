using Guichet.Core.Data;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Guichet.Core.Teams;

namespace Guichet.Core.Customers;

/// <summary>
/// Customers and their assets from a CSV export (`guichet import customers FILE.csv`): one row per
/// customer or per asset, with the columns name, email, phone, language, timeZone, salutation,
/// assetKind, assetReference, assetLabel, assetDetails (any order, header required). A row finds its
/// customer by email or phone, or adds them; a bad row is reported with its line and field and the
/// others go on, and so does a line that is not valid CSV. Read as a stream, committed every 500
/// rows, parsed by CsvHelper (quotes and commas inside fields; comma, semicolon or tab separated, detected).
/// </summary>
public sealed class ImportCustomers(GuichetDb db, AddAsset addAsset, TimeProvider clock)
{
    public sealed record Row(string? Name, string? Email, string? Phone, string? Language, string? TimeZone, string? Salutation, string? AssetKind, string? AssetReference, string? AssetLabel, string? AssetDetails);

    public sealed record Report(int Rows, int Customers, int Assets, IReadOnlyList<string> Errors);

    public async Task<Report> RunAsync(TextReader source, Action<int>? progress = null, CancellationToken ct = default)
    {
        var errors = new List<string>();
        // A malformed line (a quote never closed, a stray quote) is listed with its number, and the
        // rest of the file goes on: every line break ends a record, so one bad quote cannot swallow it.
        using var csv = CsvInput.Open(source, (line, why) => errors.Add($"line {line}: not valid CSV ({why}); the line was skipped."));
        if (csv.Headers.Count == 0)
        {
            return new Report(0, 0, 0, ["The file is empty."]);
        }
        var columns = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var zone = await db.Teams.Receiving(null).Select(t => t.TimeZone).FirstOrDefaultAsync(ct) ?? "Europe/Paris";
        var (rows, customers, assets) = (0, 0, 0);
        var batch = await db.Database.BeginTransactionAsync(ct);
        try
        {
            while (csv.Read())
            {
                ct.ThrowIfCancellationRequested();
                var line = csv.LineNumber;
                string? Field(string name) => columns.Contains(name.ToLowerInvariant()) ? csv.GetStringOrNull(name) : null;
                var row = new Row(Field("name"), Field("email"), Field("phone"), Field("language"), Field("timeZone"), Field("salutation"), Field("assetKind"), Field("assetReference"), Field("assetLabel"), Field("assetDetails"));
                rows++;
                var contact = new CustomerContact(Blank(row.Name), Blank(row.Email), Blank(row.Phone), Blank(row.Language), Blank(row.TimeZone), Blank(row.Salutation));
                var problems = new ValidationErrors();
                contact.Validate(problems, "customer");
                if (contact.Email is null && contact.Phone is null)
                {
                    problems.Add("customer", "An email or a phone number is needed to know who this is.");
                }
                if (problems.Any)
                {
                    errors.AddRange(problems.ToFailure().Errors.SelectMany(e => e.Value.Select(m => $"line {line}: {e.Key}: {m}")));
                    continue;
                }
                var customer = await FindOrAddCustomer.RunAsync(db, contact, zone, clock.Now(), ct);
                if (customer.Id == 0)
                {
                    customers++;
                }
                await db.SaveChangesAsync(ct);
                if (Blank(row.AssetKind) is not null || Blank(row.AssetReference) is not null)
                {
                    var added = await addAsset.RunAsync(customer.Id, new AssetRequest(row.AssetKind, row.AssetReference, row.AssetLabel ?? row.AssetReference, row.AssetDetails), ct);
                    if (added.Succeeded)
                    {
                        assets++;
                    }
                    else
                    {
                        errors.AddRange(added.Failure!.Errors.SelectMany(e => e.Value.Select(m => $"line {line}: asset {e.Key}: {m}")));
                    }
                }
                if (rows % 500 == 0)
                {
                    await batch.CommitAsync(ct);
                    await batch.DisposeAsync();
                    db.ChangeTracker.Clear();
                    batch = await db.Database.BeginTransactionAsync(ct);
                    progress?.Invoke(rows);
                }
            }
            await batch.CommitAsync(ct);
        }
        finally
        {
            await batch.DisposeAsync();
        }
        progress?.Invoke(rows);
        return new Report(rows, customers, assets, errors);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

}
