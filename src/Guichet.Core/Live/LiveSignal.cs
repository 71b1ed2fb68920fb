using System.Text.Json;
using System.Text.Json.Serialization;

namespace Guichet.Core.Live;

/// <summary>
/// What a workspace page must redraw (SPEC W1): cases that changed, people with a new alert, and
/// who is on a case (W2). Ids only, never content: a page fetches what its reader may see.
/// <see cref="Everything"/> says "too much changed to list, refresh all" (a large import, a lost link).
/// </summary>
public sealed record LiveSignal(
    [property: JsonPropertyName("c")] long[] Cases,
    [property: JsonPropertyName("a")] long[] Alerts,
    [property: JsonPropertyName("p")] CasePresence? Presence = null,
    [property: JsonPropertyName("all")] bool Everything = false)
{
    /// <summary>Beyond this many ids one signal says "everything" (PostgreSQL's NOTIFY carries 8,000 bytes).</summary>
    public const int MaxIds = 400;

    public static LiveSignal Refresh { get; } = new([], [], Everything: true);

    public static LiveSignal Of(IReadOnlyCollection<long> cases, IReadOnlyCollection<long> alerts) =>
        cases.Count + alerts.Count > MaxIds ? Refresh : new([.. cases], [.. alerts]);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static LiveSignal? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<LiveSignal>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault };
}

/// <summary>Who is on a case and doing what (W2): <c>reading</c>, <c>writing</c>, <c>typing</c> (a chat visitor), or <c>left</c>.</summary>
public sealed record CasePresence(
    [property: JsonPropertyName("case")] long CaseId,
    [property: JsonPropertyName("who")] string Who,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("state")] string State);
