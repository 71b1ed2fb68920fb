using Guichet.Core.Cases;
using Guichet.Core.Customers;

namespace Guichet.Features.Cases;

/// <summary>What an agent types when a customer calls or writes outside Guichet (SPEC P1 via the agent UI).</summary>
public sealed class NewCaseForm
{
    public string? Name { get; set; }
    public string? Salutation { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Language { get; set; }
    public string? TimeZone { get; set; }
    public string? Team { get; set; }
    public string? Channel { get; set; }
    public string? Subject { get; set; }
    public string? Body { get; set; }

    public OpenCaseRequest ToRequest() => new(
        new CustomerContact(Name, Blank(Email), Blank(Phone), Blank(Language), Blank(TimeZone), Blank(Salutation)),
        Channel, Subject, Body, Blank(Team));

    /// <summary>The form filled from a known customer: the case will be theirs (C2), found by their address.</summary>
    public static NewCaseForm For(Customer customer) => new()
    {
        Name = customer.Name,
        Salutation = customer.Salutation,
        Email = customer.Identities.FirstOrDefault(i => i.Kind == IdentityKind.Email)?.Value,
        Phone = customer.Identities.FirstOrDefault(i => i.Kind == IdentityKind.Phone)?.Value,
        Language = customer.Language,
        TimeZone = customer.TimeZone,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
