using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Guichet.Features.Metrics;

/// <summary>
/// A table of figures as RFC 4180 CSV, columns named as in the JSON. About twenty lines, so
/// written here rather than taking a CSV library for export only; numbers in invariant culture so
/// any spreadsheet reads them, with a UTF-8 byte order mark so Excel reads the accents.
/// </summary>
public static class CsvTable
{
    public static IResult Result<T>(IEnumerable<T> rows, string name) =>
        TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Write(rows))).ToArray(), "text/csv; charset=utf-8", $"{name}.csv");

    public static string Write<T>(IEnumerable<T> rows)
    {
        var properties = typeof(T).GetProperties().Where(p => p.GetIndexParameters().Length == 0).ToList();
        var text = new StringBuilder();
        text.AppendJoin(',', properties.Select(p => Cell(JsonNamingPolicy.CamelCase.ConvertName(p.Name)))).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', properties.Select(p => Cell(Format(p.GetValue(row))))).Append("\r\n");
        }
        return text.ToString();
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        Enum e => JsonNamingPolicy.CamelCase.ConvertName(e.ToString()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable many => string.Join(' ', many.Cast<object?>().Select(Format)),
        _ => value.ToString() ?? "",
    };

    private static string Cell(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
