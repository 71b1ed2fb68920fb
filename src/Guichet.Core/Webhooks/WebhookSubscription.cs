namespace Guichet.Core.Webhooks;

/// <summary>
/// An endpoint of the company's stack that hears of what happens on cases (W10, issue 27): the
/// event types it asked for, signed with its own secret, retried for a day, paused after it kept
/// failing (admins are told) until an admin resumes it.
/// </summary>
public sealed class WebhookSubscription
{
    public const int PauseAfterFailures = 20;

    public long Id { get; private set; }
    public required string Url { get; set; }
    /// <summary>Event types, comma separated (<see cref="WebhookEvents.Types"/>), or "*" for all.</summary>
    public required string Events { get; set; }
    /// <summary>Signs every delivery (HMAC-SHA256); shown to the admin when made, kept to sign.</summary>
    public required string Secret { get; init; }
    /// <summary>Messages' text and customers' names and addresses go in the payload only when the admin allows it.</summary>
    public bool IncludeContent { get; set; }
    /// <summary>What is posted: Guichet's JSON, or a team chat's incoming-webhook message (<see cref="ChatFormats"/>).</summary>
    public string Format { get; set; } = ChatFormats.Json;
    /// <summary>Only this team's cases (a team's own chat channel); null for every team.</summary>
    public long? TeamId { get; set; }
    public bool Active { get; set; } = true;
    public DateTimeOffset? PausedAt { get; set; }
    public string? PausedReason { get; set; }
    /// <summary>Attempts refused in a row (any answer but 2xx, or none): reset by a success.</summary>
    public int FailuresInARow { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    public bool Wants(string type) => Events == "*" || CommaList.Contains(Events, type);
}
