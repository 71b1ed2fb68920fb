namespace Guichet.Core.Promises;

/// <summary>CONTRACT POST /api/cases/{id}/promises: exactly one of dueAt and dueInBusinessHours.</summary>
public sealed record MakePromiseRequest(
    string? What,
    DateTimeOffset? DueAt = null,
    double? DueInBusinessHours = null,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(StringOrNumberConverter))] string? Owner = null,
    bool ToConfirm = false)
{
    public const int MaxWhatLength = 1000;
}
