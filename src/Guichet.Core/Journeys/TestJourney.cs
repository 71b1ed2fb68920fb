namespace Guichet.Core.Journeys;

/// <summary>
/// A synthetic customer who contacts the company on a schedule (SPEC M5): "test it yourself".
/// Each run writes through the real door of its channel (the team's mailbox, the portal form,
/// the social webhook, the chat), then checks that a dated acknowledgment came in time, that
/// nobody sent them elsewhere, and that a person answered by the date promised.
/// </summary>
public sealed class TestJourney
{
    public const int MinEveryMinutes = 15;
    public const int DefaultEveryMinutes = 24 * 60;
    public const int DefaultAckWithinMinutes = 15;

    /// <summary>The channels a journey can test: the ones a customer reaches without a person in between.</summary>
    public static readonly IReadOnlyList<Channel> Channels = [Channel.Email, Channel.Portal, Channel.Social, Channel.Chat];

    public long Id { get; private set; }
    public required string Name { get; set; }
    public Channel Channel { get; set; }
    /// <summary>Email: the team whose mailbox is written to (its address when it has one); other channels route as a customer's contact would.</summary>
    public long? TeamId { get; set; }
    public Teams.Team? Team { get; set; }
    public string Language { get; set; } = "fr";
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public int EveryMinutes { get; set; } = DefaultEveryMinutes;
    /// <summary>How long the acknowledgment may take (P1 says at once; a mail loop takes a minute).</summary>
    public int AckWithinMinutes { get; set; } = DefaultAckWithinMinutes;
    public bool Enabled { get; set; } = true;
    /// <summary>When the next run starts; indexed for the runner. Null while disabled.</summary>
    public DateTimeOffset? NextRunAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
