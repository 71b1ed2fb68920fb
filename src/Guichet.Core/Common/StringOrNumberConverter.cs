using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Guichet.Core;

/// <summary>
/// Lets a string field take a JSON number too ("owner": 12 or "owner": "claire@…"), as scripts write
/// either; everything else that is not a string stays an error naming the field. Applied per property, never globally.
/// </summary>
public sealed class StringOrNumberConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => reader.TryGetInt64(out var n) ? n.ToString(CultureInfo.InvariantCulture) : reader.GetDouble().ToString(CultureInfo.InvariantCulture),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"Expected a string, got {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
