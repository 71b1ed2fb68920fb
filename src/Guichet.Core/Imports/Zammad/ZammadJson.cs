using System.Globalization;
using System.Text.Json;

namespace Guichet.Core.Imports.Zammad;

/// <summary>
/// Reading Zammad's JSON leniently: a property may be absent, null, a number or a string (ids are
/// numbers in the API but text once exported by some tools), and none of that is an error by itself.
/// </summary>
internal static class ZammadJson
{
    public static JsonElement? Get(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? v : null;

    /// <summary>A string or number as text; null when absent, null or blank.</summary>
    public static string? Text(this JsonElement e, string name) => e.Get(name) switch
    {
        { ValueKind: JsonValueKind.String } v => string.IsNullOrWhiteSpace(v.GetString()) ? null : v.GetString(),
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        _ => null,
    };

    /// <summary>An id as Guichet keeps it: the source's own, as text.</summary>
    public static string? Id(this JsonElement e, string name) => e.Text(name)?.Trim();

    public static bool Flag(this JsonElement e, string name, bool otherwise) => e.Get(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } v when bool.TryParse(v.GetString(), out var b) => b,
        _ => otherwise,
    };

    public static IEnumerable<JsonProperty> Entries(this JsonElement e, string name) =>
        e.Get(name) is { ValueKind: JsonValueKind.Object } o ? o.EnumerateObject() : [];

    /// <summary>A whole file's array, or nothing when the file was absent.</summary>
    public static IEnumerable<JsonElement> Elements(this JsonElement? e) =>
        e is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray() : [];

    /// <summary>A whole file's map, or nothing when the file was absent.</summary>
    public static IEnumerable<JsonProperty> Properties(this JsonElement? e) =>
        e is { ValueKind: JsonValueKind.Object } o ? o.EnumerateObject() : [];

    /// <summary>A scalar as text, for the ids and tags of arrays.</summary>
    public static string? Scalar(this JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => string.IsNullOrWhiteSpace(e.GetString()) ? null : e.GetString(),
        JsonValueKind.Number => e.GetRawText(),
        _ => null,
    };
}
