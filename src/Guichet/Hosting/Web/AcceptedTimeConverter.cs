using System.Text.Json;
using System.Text.Json.Serialization;
using Guichet.Core;

namespace Guichet.Hosting.Web;

/// <summary>
/// Every date in a JSON body passes <see cref="AcceptedTimes"/>: out of range, the body is refused
/// as invalid JSON at that date's path (JsonBody names the field), before any operation runs.
/// Written as the serializer's own ISO 8601.
/// </summary>
public sealed class AcceptedTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var time))
        {
            throw new JsonException("An ISO 8601 date and time is expected, for example 2026-12-01T17:00:00+01:00.");
        }
        return AcceptedTimes.Contains(time) ? time : throw new JsonException($"{time:O} is out of range. {AcceptedTimes.Rule}");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
