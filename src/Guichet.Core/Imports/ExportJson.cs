using System.Globalization;
using System.Text.Json;

namespace Guichet.Core.Imports;

/// <summary>
/// Lenient reads of an export's JSON, shared by the readers: a field may be missing, null or of
/// another type than documented. Dates come out in UTC (PostgreSQL keeps instants, not offsets).
/// </summary>
public static class ExportJson
{
    /// <summary>A property of an object, whatever its value (null included); nothing when <paramref name="e"/> is not an object or lacks it.</summary>
    public static JsonElement? Property(this JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : null;

    public static string? Text(this JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? AsText(v) : null;

    /// <summary>Strings as they are, numbers in their invariant form, booleans "true"/"false", null and objects as null.</summary>
    public static string? AsText(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    public static bool Flag(this JsonElement e, string name, bool otherwise = false) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => otherwise } : otherwise;

    public static DateTimeOffset? Date(this JsonElement e, string name) =>
        e.Text(name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;

    public static IEnumerable<JsonElement> Items(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    public static List<string> Texts(this JsonElement e, string name) => [.. e.Items(name).Select(AsText).OfType<string>()];

    /// <summary>The file's JSON, or null with why when it is missing or not JSON.</summary>
    public static (JsonDocument? Document, string? Problem) Open(string path)
    {
        if (!File.Exists(path))
        {
            return (null, "missing");
        }
        try
        {
            using var stream = File.OpenRead(path);
            return (JsonDocument.Parse(stream, Options), null);
        }
        catch (JsonException e)
        {
            return (null, $"not valid JSON ({e.Message})");
        }
    }

    public static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 };

    /// <summary>"fr", "fr-FR", "en-us" → "fr", "en"; anything else → null.</summary>
    public static string? Language(string? locale) =>
        locale is { Length: >= 2 } && char.IsAsciiLetter(locale[0]) && char.IsAsciiLetter(locale[1]) && (locale.Length == 2 || locale[2] is '-' or '_')
            ? locale[..2].ToLowerInvariant() : null;
}
