using Guichet.Core.Cases.Tags;

namespace Guichet.Core.Cases.Finding;

/// <summary>
/// Why a case came up in the search box (W3), strongest first: its reference, its customer's email
/// or phone, a tag, its subject, its customer's name, something written on it.
/// </summary>
public enum FoundBy
{
    Reference,
    Email,
    Phone,
    Tag,
    Subject,
    Customer,
    Message,
}

/// <summary>A case the search box found, with what an agent needs to pick it: status, team, owner, and why.</summary>
public sealed record CaseFound(
    long Id, string Reference, string Subject, CaseStatus Status, string Team, string? Owner, string Customer,
    IReadOnlyList<string> Tags, FoundBy By, string? Snippet);

/// <summary>A customer the search box found: their addresses and how many of their cases are open.</summary>
public sealed record CustomerFound(long Id, string Name, IReadOnlyList<string> Addresses, int OpenCases);

public sealed record Found(IReadOnlyList<CaseFound> Cases, IReadOnlyList<CustomerFound> Customers)
{
    /// <summary>The messages found on the way, when words were searched (null otherwise): the search box shows them too.</summary>
    public IReadOnlyList<Knowledge.MessageHit>? Messages { get; init; }

    public static Found Nothing { get; } = new([], []);
}
