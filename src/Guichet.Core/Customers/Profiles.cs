namespace Guichet.Core.Customers;

/// <summary>What a profile belongs to: a customer or an organisation (W5, W12).</summary>
public enum ProfileKind
{
    Customer,
    Organisation,
}

/// <summary>A word on a customer ("vip", "revendeur"), as on a case (W5).</summary>
public sealed class CustomerTag : IProfileTag
{
    public long CustomerId { get; init; }
    public required string Name { get; init; }
    long IProfileTag.OwnerId => CustomerId;
}

/// <summary>A word on an organisation.</summary>
public sealed class OrganisationTag : IProfileTag
{
    public long OrganisationId { get; init; }
    public required string Name { get; init; }
    long IProfileTag.OwnerId => OrganisationId;
}

/// <summary>A customer's value for a customer field, stored as its field's type writes it (<see cref="Cases.Fields.FieldText"/>).</summary>
public sealed class CustomerFieldValue : IProfileValue
{
    public long CustomerId { get; init; }
    public long FieldId { get; init; }
    public required string Value { get; set; }
    long IProfileValue.OwnerId => CustomerId;
}

/// <summary>An organisation's value for an organisation field.</summary>
public sealed class OrganisationFieldValue : IProfileValue
{
    public long OrganisationId { get; init; }
    public long FieldId { get; init; }
    public required string Value { get; set; }
    long IProfileValue.OwnerId => OrganisationId;
}
