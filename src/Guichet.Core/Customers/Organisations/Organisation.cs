namespace Guichet.Core.Customers.Organisations;

/// <summary>
/// A company whose people write in (SPEC W12): its customers, the email domains that make a new
/// customer one of them (when an admin says so), and notes the agents share.
/// </summary>
public sealed class Organisation
{
    public long Id { get; private set; }
    public required string Name { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public List<OrganisationDomain> Domains { get; set; } = [];
}

/// <summary>An email domain of an organisation: a new customer writing from it joins it. One domain, one organisation.</summary>
public sealed class OrganisationDomain
{
    public required string Domain { get; init; }
    public long OrganisationId { get; init; }
}

/// <summary>A customer in an organisation; a customer may be in several.</summary>
public sealed class Membership
{
    public long OrganisationId { get; init; }
    public long CustomerId { get; init; }
    public Customer? Customer { get; init; }
}
