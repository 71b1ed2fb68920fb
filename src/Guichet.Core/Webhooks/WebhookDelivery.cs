namespace Guichet.Core.Webhooks;

public enum WebhookDeliveryState
{
    Pending,
    Delivered,
    /// <summary>Refused for a whole day (or by a 4xx that will not change): kept in the log, sent again only by hand.</summary>
    Failed,
}

/// <summary>One event for one endpoint: its payload as it will be sent every time, and what the endpoint last answered.</summary>
public sealed class WebhookDelivery
{
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromHours(24);

    public long Id { get; private set; }
    public long SubscriptionId { get; init; }
    public required string EventType { get; init; }
    /// <summary>What happened, once per endpoint: "m123" a message, "e456" a case event.</summary>
    public required string EventKey { get; init; }
    public long CaseId { get; init; }
    public required string Payload { get; init; }
    public WebhookDeliveryState State { get; set; } = WebhookDeliveryState.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public int? LastStatus { get; set; }
    /// <summary>The start of the endpoint's last answer, or why there was none.</summary>
    public string? LastAnswer { get; set; }
}
