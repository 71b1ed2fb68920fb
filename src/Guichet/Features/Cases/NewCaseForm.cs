using Guichet.Core.Cases;
using Guichet.Core.Customers;

namespace Guichet.Features.Cases;

/// <summary>What an agent types when a customer calls or writes outside Guichet (SPEC P1 via the agent UI).</summary>
public sealed class NewCaseForm
{
    public string? Name { get; set; }
    public string? Salutation { get; set; }
    public string? Email { get; set; }
    public string? Language { get; set; }
    public string? TimeZone { get; set; }
    public string? Team { get; set; }
    public string? Channel { get; set; }
    public string? Subject { get; set; }
    public string? Body { get; set; }

    public OpenCaseRequest ToRequest() => new(
        new CustomerContact(Name, Blank(Email), null, Blank(Language), Blank(TimeZone), Blank(Salutation)),
        Channel, Subject, Body, Blank(Team));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
