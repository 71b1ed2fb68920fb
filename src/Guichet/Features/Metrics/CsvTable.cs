using System.Collections;
using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace Guichet.Features.Metrics;

/// <summary>
/// A table of figures as RFC 4180 CSV through CsvHelper, columns named as in the JSON; numbers
/// in invariant culture so any spreadsheet reads them, a UTF-8 byte order mark so Excel reads the
/// accents. A text cell a spreadsheet would run as a formula (starting with = + - @, tab or CR,
/// OWASP's list) is written as text: a promise's wording is the customer's or an agent's, never
/// a formula on a manager's machine.
/// </summary>
public static class CsvTable
{
    public static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static IResult Result<T>(IEnumerable<T> rows, string name)
    {
        using var output = new MemoryStream();
        Write(rows, output);
        return TypedResults.File(output.ToArray(), "text/csv; charset=utf-8", $"{name}.csv");
    }

    public static void Write<T>(IEnumerable<T> rows, Stream output)
    {
        var properties = typeof(T).GetProperties().Where(p => p.GetIndexParameters().Length == 0).ToList();
        using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        csv.WriteHeader([.. properties.Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))]);
        foreach (var row in rows)
        {
            foreach (var property in properties)
            {
                WriteCell(csv, property.GetValue(row));
            }
            csv.EndRecord();
        }
    }

    private static void WriteCell(CsvWriter csv, object? value)
    {
        switch (value)
        {
            case null:
                csv.WriteField((string?)null);
                break;
            case string s:
                csv.WriteField(s);
                break;
            case DateTimeOffset t:
                csv.WriteField(t.ToString("O", CultureInfo.InvariantCulture));
                break;
            case Enum e:
                csv.WriteField(JsonNamingPolicy.CamelCase.ConvertName(e.ToString()));
                break;
            case IFormattable f:
                // A number stays a number: the formula rule is for text.
                csv.WriteField((object)f);
                break;
            case IEnumerable many:
                csv.WriteField(string.Join(' ', many.Cast<object?>().Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
                break;
            default:
                csv.WriteField(value.ToString());
                break;
        }
    }
}
