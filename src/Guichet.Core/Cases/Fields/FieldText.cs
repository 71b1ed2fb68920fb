using System.Globalization;

namespace Guichet.Core.Cases.Fields;

/// <summary>
/// A value as typed, checked against its field's type and written the one way it is stored:
/// numbers with a dot whatever the typist's habit ("12,5" and "12.5"), dates as yyyy-MM-dd, yes/no
/// as true or false, a list value as one of its choices.
/// </summary>
public static class FieldText
{
    public static bool TryNormalise(FieldDefinition field, string text, out string value, out string? problem)
    {
        value = text.Trim();
        problem = null;
        switch (field.Type)
        {
            case FieldType.Number:
                if (decimal.TryParse(value.Replace(',', '.').Replace(" ", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                {
                    value = number.ToString(CultureInfo.InvariantCulture);
                    return true;
                }
                problem = $"'{text}' is not a number.";
                return false;
            case FieldType.Date:
                if (DateOnly.TryParseExact(value, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    value = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    return true;
                }
                problem = $"'{text}' is not a date (2026-12-24 or 24/12/2026).";
                return false;
            case FieldType.YesNo:
                (var ok, value) = value.ToLowerInvariant() switch
                {
                    "true" or "yes" or "oui" or "1" => (true, "true"),
                    "false" or "no" or "non" or "0" => (true, "false"),
                    _ => (false, value),
                };
                problem = ok ? null : $"'{text}' is not yes or no.";
                return ok;
            case FieldType.List:
                var typed = value;
                var choice = field.Choices.FirstOrDefault(c => string.Equals(c, typed, StringComparison.OrdinalIgnoreCase));
                if (choice is not null)
                {
                    value = choice;
                    return true;
                }
                problem = $"'{text}' is not one of: {string.Join(", ", field.Choices)}.";
                return false;
            default:
                return true;
        }
    }
}
