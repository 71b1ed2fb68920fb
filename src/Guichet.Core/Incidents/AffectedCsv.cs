using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.VisualBasic.FileIO;

namespace Guichet.Core.Incidents;

/// <summary>
/// An incident's list of affected customers as a CSV file with a header: email, name, language,
/// tier, paid (any order; French headers courriel, nom, langue, niveau, payé too; comma or
/// semicolon separated; "12,50" read as 12.50 in a semicolon file). Parsed by the framework's
/// RFC 4180 reader on a thread of its own, a few thousand rows ahead of the writer, so reading
/// overlaps writing and memory does not grow with the file. A row that cannot be read is passed
/// on with why, to be reported with the refused rows, never dropped.
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
        var csv = new TextFieldParser(source) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = true };
        var header = csv.ReadLine();
        if (string.IsNullOrWhiteSpace(header))
        {
            csv.Dispose();
            return Failure.Invalid("file", "The file is empty: it needs a header line (email, name, language, tier, paid) and a line per customer.");
        }
        var delimiter = header.Count(c => c == ';') > header.Count(c => c == ',') ? ';' : ',';
        csv.SetDelimiters(delimiter.ToString());
        var columns = header.Split(delimiter)
            .Select((name, i) => (Name: Headers.GetValueOrDefault(name.Trim().Trim('"').Trim()), Index: i))
            .Where(c => c.Name is not null)
            .GroupBy(c => c.Name!)
            .ToDictionary(g => g.Key, g => g.First().Index);
        if (!columns.ContainsKey("email") || !columns.ContainsKey("name"))
        {
            csv.Dispose();
            return Failure.Invalid("file", $"The header must name the columns email and name (also: language, tier, paid); it reads: {header[..Math.Min(header.Length, 200)]}");
        }
        return Result<IAsyncEnumerable<AffectedCustomer>>.Ok(RowsAsync(csv, columns, delimiter));
    }

    private static async IAsyncEnumerable<AffectedCustomer> RowsAsync(TextFieldParser csv, Dictionary<string, int> columns, char delimiter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var ahead = System.Threading.Channels.Channel.CreateBounded<AffectedCustomer>(new System.Threading.Channels.BoundedChannelOptions(Ahead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reader = Task.Run(async () =>
        {
            try
            {
                while (!csv.EndOfData)
                {
                    await ahead.Writer.WriteAsync(Next(csv, columns, delimiter), stop.Token);
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

    private static AffectedCustomer Next(TextFieldParser csv, Dictionary<string, int> columns, char delimiter)
    {
        string[] fields;
        try
        {
            fields = csv.ReadFields() ?? [];
        }
        catch (MalformedLineException e)
        {
            return new AffectedCustomer(null, null) { Unreadable = $"not valid CSV (a quote not closed?) at line {e.LineNumber}." };
        }
        string? Field(string name) => columns.TryGetValue(name, out var i) && i < fields.Length && !string.IsNullOrWhiteSpace(fields[i]) ? fields[i].Trim() : null;
        var paid = Field("paid");
        decimal? amount = null;
        if (paid is not null)
        {
            var text = delimiter == ';' && !paid.Contains('.', StringComparison.Ordinal) ? paid.Replace(',', '.') : paid;
            if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
            {
                return new AffectedCustomer(Field("email"), Field("name")) { Unreadable = $"paid: '{paid}' is not an amount (write 12.50)." };
            }
            amount = parsed;
        }
        return new AffectedCustomer(Field("email"), Field("name"), Field("language"), Field("tier"), amount);
    }
}
