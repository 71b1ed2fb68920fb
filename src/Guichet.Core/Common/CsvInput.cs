using System.Globalization;
using CsvHelper;

namespace Guichet.Core;

/// <summary>
/// How Guichet reads the CSV files people send (customers, organisations, an incident's affected
/// customers): header required and named whatever the case, fields trimmed, comma, semicolon or tab
/// detected by CsvHelper; a line that is not valid CSV (a quote never closed, a stray quote) is
/// reported with its number and why, and the rest goes on: every line break ends a record.
/// </summary>
public static class CsvInput
{
    /// <param name="lineBreaksInQuotes">A quoted field may span lines (a message's body): then a quote never closed swallows the rest of the file, reported once.</param>
    public static CsvReader Open(TextReader source, Action<string, string> malformed, Func<string, string>? header = null, bool lineBreaksInQuotes = false) =>
        CsvReader.Create(source, CsvReaderOptions.Default with
        {
            AllowLineBreaksInQuotes = lineBreaksInQuotes,
            MalformedData = CsvMalformedDataHandling.Skip,
            TrackLineNumbers = true,
            TrimWhitespace = true,
            NormalizeHeaderName = header ?? (name => name.Trim().ToLowerInvariant()),
            OnMalformedRecord = bad => malformed(bad.LineNumber.ToString(CultureInfo.InvariantCulture), Why(bad.Reason)),
        });

    /// <summary>Why a line is not CSV, as a person would say it.</summary>
    public static string Why(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.LineBreakInQuotes or CsvMalformedReason.UnterminatedQuote => "a quote is opened and never closed",
        CsvMalformedReason.StrayQuote => "a quote inside a field that does not start with one",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote",
        CsvMalformedReason.FieldCountMismatch => "not as many fields as the header",
        _ => reason.ToString(),
    };
}
