using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Guichet.Core.Imports.Freshdesk;

/// <summary>
/// Freshdesk's JSON read leniently: a missing, null or mistyped property reads as null, so a record
/// with one odd value is still imported and only a record without what it cannot do without is refused.
/// </summary>
internal static class FreshdeskJson
{
    /// <summary>One element of a file's array, or why the file could not be read further.</summary>
    public readonly record struct Item(JsonElement Element, int Index, string? Error);

    /// <summary>
    /// The elements of a bare JSON array one at a time (Freshdesk's list endpoints, pages concatenated):
    /// a million tickets are never held at once. <paramref name="progress"/> gets the share of the file read.
    /// </summary>
    public static async IAsyncEnumerable<Item> ArrayAsync(string path, Action<double>? progress, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        await using var items = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, cancellationToken: ct).GetAsyncEnumerator(ct);
        for (var index = 0; ; index++)
        {
            string? error = null;
            var more = false;
            try
            {
                more = await items.MoveNextAsync();
            }
            catch (JsonException e)
            {
                error = $"{Path.GetFileName(path)} is not a JSON array (line {e.LineNumber + 1}): {e.Message}";
            }
            if (error is not null)
            {
                yield return new Item(default, index, error);
                yield break;
            }
            if (!more)
            {
                yield break;
            }
            progress?.Invoke(stream.Length == 0 ? 1 : (double)stream.Position / stream.Length);
            yield return new Item(items.Current, index, null);
        }
    }

    /// <summary>A small file read whole: null without an error when it is absent.</summary>
    public static async Task<(JsonElement? Root, string? Error)> FileAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            return (null, null);
        }
        try
        {
            await using var stream = File.OpenRead(path);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException e)
        {
            return (null, $"{Path.GetFileName(path)} is not JSON (line {e.LineNumber + 1}): {e.Message}");
        }
    }

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static JsonElement? Prop(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static string? Str(this JsonElement e, string name) => e.Prop(name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    /// <summary>Freshdesk's ids exceed 2^31; a digit string is accepted as well.</summary>
    public static long? Long(this JsonElement e, string name) => e.Prop(name) is { } v ? AsLong(v) : null;

    public static long? AsLong(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Number when v.TryGetInt64(out var n) => n,
        JsonValueKind.String when long.TryParse(v.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    public static bool? Bool(this JsonElement e, string name) => e.Prop(name)?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>The non-empty strings of an array property.</summary>
    public static List<string> Strings(this JsonElement e, string name) =>
        e.Prop(name) is { ValueKind: JsonValueKind.Array } a
            ? [.. a.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!.Trim()).Where(s => s.Length > 0)]
            : [];

    /// <summary>
    /// A custom field's value as the source wrote it, invariant: numbers keep their JSON spelling
    /// ("249.9", "0.0"), booleans are "true"/"false", a multi-select's choices are joined by '\n'.
    /// </summary>
    public static string? Raw(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => string.Join('\n', v.EnumerateArray().Select(Raw).OfType<string>()),
        JsonValueKind.Object => v.GetRawText(),
        _ => null,
    };
}
