namespace Guichet.Core.Customers;

/// <summary>
/// What the customer has with the company (equipment, an order, a booking, a contract), shown
/// beside every case so an agent can say "the pipe from your skimmer is on the right, isn't it?"
/// (seeds/002) instead of asking again. (Customer, kind, reference) is unique.
/// </summary>
public sealed class CustomerAsset
{
    public const int MaxDetailsLength = 2_000;

    public long Id { get; private set; }
    public long CustomerId { get; set; }
    /// <summary>Free words of the company's: equipment, order, booking, contract…</summary>
    public required string Kind { get; init; }
    public required string Reference { get; init; }
    public required string Label { get; set; }
    public string? Details { get; set; }
    public DateTimeOffset AddedAt { get; init; }
}
