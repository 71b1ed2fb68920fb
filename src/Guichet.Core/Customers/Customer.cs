namespace Guichet.Core.Customers;

/// <summary>One person, whatever channel they use (SPEC C2): identities point here.</summary>
public sealed class Customer
{
    public long Id { get; private set; }
    public required string Name { get; set; }
    /// <summary>How the customer wants to be addressed ("Madame", "Mr"); empty when unknown (SPEC Q2).</summary>
    public string? Salutation { get; set; }
    public string Language { get; set; } = CustomerLanguage.Default;
    public string TimeZone { get; set; } = "Europe/Paris";
    /// <summary>The customer's tier (standard, gold…), which routing rules and the compensation policy read.</summary>
    public string Tier { get; set; } = DefaultTier;

    public const string DefaultTier = "standard";

    /// <summary>Where the customer lives, as far as crises go (E3): a postal code, normalised.</summary>
    public string? PostalCode { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>The last change to the customer or their addresses (<see cref="CustomerStamps"/>); the incremental export reads it.</summary>
    public DateTimeOffset UpdatedAt { get => stamp ?? CreatedAt; set => stamp = value; }
    private DateTimeOffset? stamp;
    public List<CustomerIdentity> Identities { get; set; } = [];

    /// <summary>Set when the customer was erased at their request (issue 10): who did it, when, why.</summary>
    public DateTimeOffset? ErasedAt { get; set; }
    public long? ErasedById { get; set; }
    public string? ErasedReason { get; set; }
    /// <summary>Set while this customer is merged into another (C2); an undo clears it.</summary>
    public long? MergedIntoId { get; set; }

    public string? PrimaryEmail => Identities.FirstOrDefault(i => i.Kind == IdentityKind.Email)?.Value;
}
