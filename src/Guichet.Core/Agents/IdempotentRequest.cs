namespace Guichet.Core.Agents;

/// <summary>
/// A POST sent with an Idempotency-Key (issue 25), remembered for a day with its answer: the same
/// caller sending the same key again gets that answer back and nothing is done twice, as Stripe's
/// and the IETF draft's clients expect. <see cref="Status"/> is null while the first is running.
/// </summary>
public sealed class IdempotentRequest
{
    public static readonly TimeSpan Kept = TimeSpan.FromHours(24);
    public const int MaxKeyLength = 255;

    public long Id { get; set; }
    /// <summary>Who sent it: keys are the caller's own, another caller's same key is another request.</summary>
    public required string Caller { get; init; }
    public required string Key { get; init; }
    /// <summary>SHA-256 of the method, path, query and body: the same key with another request is refused.</summary>
    public required string Fingerprint { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public int? Status { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public byte[]? Body { get; set; }
}
