namespace Guichet.Core.Customers;

public enum IdentityKind
{
    Email,
    Phone,
    Social,
    /// <summary>A chat visitor: the hash of the token their browser keeps (H3).</summary>
    ChatVisitor,
}

/// <summary>An address that reaches a customer. (Kind, Value) is unique: one address, one customer.</summary>
public sealed class CustomerIdentity
{
    public long Id { get; private set; }
    public long CustomerId { get; set; }
    public IdentityKind Kind { get; init; }
    /// <summary>Normalised: emails lower-cased, phones in E.164 (<see cref="PhoneNumber"/>).</summary>
    public required string Value { get; init; }
    public bool Verified { get; set; }
}
