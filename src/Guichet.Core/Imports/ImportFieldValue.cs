namespace Guichet.Core.Imports;

/// <summary>A field's value as the source stored it → as Guichet shows it: a list's label for its stored value, several labels joined.</summary>
internal static class ImportFieldValue
{
    public static string Label(ImportedField field, string raw)
    {
        string One(string value) => field.Options.FirstOrDefault(o => string.Equals(o.Value, value, StringComparison.OrdinalIgnoreCase)).Label is { Length: > 0 } label ? label.Trim() : value.Trim();
        return field.Kind switch
        {
            FieldKind.List => One(raw),
            FieldKind.Multi => string.Join(", ", raw.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(One)),
            // "2024-03-04T00:00:00Z" is a date written as an instant.
            FieldKind.Date when raw.Length > 10 && raw[10] == 'T' => raw[..10],
            _ => raw,
        };
    }
}
