using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;

namespace Guichet.Core.Incidents;

/// <summary>
/// An incident's list of affected customers as a CSV file with a header: email, name, language,
/// tier, paid (any order; French headers courriel, nom, langue, niveau, payé too; comma or
/// semicolon separated; "12,50" read as 12.50 in a semicolon file). Parsed by CsvHelper on a
/// thread of its own, a few thousand rows ahead of the writer, so reading overlaps writing and
/// memory does not grow with the file. A row that cannot be read, a malformed line included, is
/// passed on with its line number and why, to be reported with the refused rows, never dropped.
/// </summary>
public static class AffectedCsv
{
    private const int Ahead = 4096;

    private static readonly Dictionary<string, string> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["email"] = "email", ["e-mail"] = "email", ["courriel"] = "email", ["mail"] = "email",
        ["name"] = "name", ["nom"] = "name",
        ["language"] = "language", ["langue"] = "language",
        ["tier"] = "tier", ["niveau"] = "tier", ["statut"] = "tier",
        ["paid"] = "paid", ["payé"] = "paid", ["paye"] = "paid", ["montant"] = "paid",
    };

    /// <summary>The rows of the file, or why it cannot be read at all (no header, no email column).</summary>
    public static Result<IAsyncEnumerable<AffectedCustomer>> Open(TextReader source)
    {
        // Malformed lines (a quote never closed, a stray quote) are reported in their place, with
        // their line number, and the rest goes on: every line break ends a record.
        var malformed = new Queue<AffectedCustomer>();
        var csv = CsvInput.Open(source, (line, why) => malformed.Enqueue(new AffectedCustomer(null, null)
        {
            Unreadable = $"not valid CSV ({why}), file line {line}.",
        }), Column);
        if (csv.Headers.Count == 0)
        {
            csv.Dispose();
            return Failure.Invalid("file", "The file is empty: it needs a header line (email, name, language, tier, paid) and a line per customer.");
        }
        var columns = csv.Headers.Select(Column).ToHashSet(StringComparer.Ordinal);
        if (!columns.Contains("email") || !columns.Contains("name"))
        {
            var header = string.Join(csv.Separator, csv.Headers);
            csv.Dispose();
            return Failure.Invalid("file", $"The header must name the columns email and name (also: language, tier, paid); it reads: {header[..Math.Min(header.Length, 200)]}");
        }
        return Result<IAsyncEnumerable<AffectedCustomer>>.Ok(RowsAsync(csv, columns, malformed));
    }

    /// <summary>A header as Guichet names its column: French and English spellings of one column read alike.</summary>
    private static string Column(string header) => Headers.GetValueOrDefault(header.Trim()) ?? header.Trim().ToLowerInvariant();

    private static async IAsyncEnumerable<AffectedCustomer> RowsAsync(CsvReader csv, HashSet<string> columns, Queue<AffectedCustomer> malformed, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var ahead = System.Threading.Channels.Channel.CreateBounded<AffectedCustomer>(new System.Threading.Channels.BoundedChannelOptions(Ahead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reader = Task.Run(async () =>
        {
            try
            {
                while (csv.Read())
                {
                    while (malformed.TryDequeue(out var bad))
                    {
                        await ahead.Writer.WriteAsync(bad, stop.Token);
                    }
                    await ahead.Writer.WriteAsync(Next(csv, columns), stop.Token);
                }
                while (malformed.TryDequeue(out var bad))
                {
                    await ahead.Writer.WriteAsync(bad, stop.Token);
                }
                ahead.Writer.Complete();
            }
            catch (Exception e)
            {
                ahead.Writer.Complete(e);
            }
            finally
            {
                csv.Dispose();
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var row in ahead.Reader.ReadAllAsync(ct))
            {
                yield return row;
            }
        }
        finally
        {
            // The writer stopped early (an error, a cut upload): the reading thread stops too.
            await stop.CancelAsync();
            await reader;
        }
    }

    private static AffectedCustomer Next(CsvReader csv, HashSet<string> columns)
    {
        string? Field(string name) => columns.Contains(name) && csv.GetStringOrNull(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        var paid = Field("paid");
        decimal? amount = null;
        if (paid is not null)
        {
            var text = csv.Separator == ';' && !paid.Contains('.', StringComparison.Ordinal) ? paid.Replace(',', '.') : paid;
            if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
            {
                return new AffectedCustomer(Field("email"), Field("name")) { Unreadable = $"paid: '{paid}' is not an amount (write 12.50)." };
            }
            amount = parsed;
        }
        return new AffectedCustomer(Field("email"), Field("name"), Field("language"), Field("tier"), amount);
    }
}
