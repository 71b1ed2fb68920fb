using Guichet.Core.Customers;

namespace Guichet.Core.Cases;

/// <summary>A contact that opens a case, as a customer would make it (CONTRACT POST /api/cases).</summary>
public sealed record OpenCaseRequest(CustomerContact? Customer, string? Channel, string? Subject, string? Body, string? Team)
{
    /// <summary>The Message-ID of the email that made this contact, for threading replies (set by the email intake).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? InternetMessageId { get; init; }

    /// <summary>The customer's private page for the case, written into the acknowledgment (set by the portal).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? FollowLink { get; init; }

    /// <summary>A first-response target shorter than the team's business days (public posts, H6).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double? FirstResponseBusinessHours { get; init; }

    public const int MaxSubjectLength = 500;
    public const int MaxBodyLength = 100_000;
}
