using MimeKit;

namespace Guichet.Core.Cases;

/// <summary>
/// The people on a conversation besides the customer (Cc, issue 26), written "a@x, b@y": lower-cased
/// addresses, each once, in the order they came, never the customer's own nor the company's.
/// </summary>
public static class CopiedPeople
{
    public const int MaxLength = 2000;
    public const int MaxPeople = 20;

    public static IReadOnlyList<string> Parse(string? list) =>
        string.IsNullOrWhiteSpace(list) ? [] : list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static string Format(IEnumerable<string> addresses) => string.Join(", ", addresses);

    /// <summary>
    /// <paramref name="existing"/> with <paramref name="added"/> joined, leaving out <paramref name="exclude"/>
    /// (the customer, the company's mailboxes and domains), at most <see cref="MaxPeople"/>.
    /// </summary>
    public static string Join(string existing, IEnumerable<string> added, Func<string, bool> exclude)
    {
        var people = Parse(existing).ToList();
        foreach (var address in added.Select(a => a.Trim().ToLowerInvariant()))
        {
            if (people.Count >= MaxPeople)
            {
                break;
            }
            if (Plain(address) && !exclude(address) && !people.Contains(address))
            {
                people.Add(address);
            }
        }
        var joined = Format(people);
        return joined.Length <= MaxLength ? joined : existing;
    }

    /// <summary>Addresses an agent typed ("Ana <a@x>; b@y"), each checked, into the list form; errors name <paramref name="field"/>.</summary>
    public static IReadOnlyList<string>? Read(IReadOnlyList<string>? given, ValidationErrors errors, string field)
    {
        if (given is null)
        {
            return null;
        }
        var addresses = new List<string>();
        foreach (var entry in given.SelectMany(g => (g ?? "").Split([',', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!MailboxAddress.TryParse(entry, out var mailbox) || !Plain(mailbox.Address.ToLowerInvariant()))
            {
                errors.Add(field, $"'{entry}' is not an email address.");
                continue;
            }
            var address = mailbox.Address.ToLowerInvariant();
            if (!addresses.Contains(address))
            {
                addresses.Add(address);
            }
        }
        if (addresses.Count > MaxPeople)
        {
            errors.Add(field, $"At most {MaxPeople} people can be copied.");
        }
        else if (Format(addresses).Length > MaxLength)
        {
            errors.Add(field, $"The addresses come to more than {MaxLength} characters.");
        }
        return addresses;
    }

    /// <summary>
    /// An address as the list keeps it: a bare address as customers' are kept (<see cref="Customers.CustomerContact.NormaliseEmail"/>),
    /// with none of the characters that separate or quote addresses (a quoted local part like "a,b"@x
    /// is valid mail but would split the list; such a person is not copied).
    /// </summary>
    private static bool Plain(string address) =>
        Customers.CustomerContact.NormaliseEmail(address) == address && !address.Any(c => c is ',' or ';' or '"' or '<' or '>' or '(' or ')' or '\\');
}
