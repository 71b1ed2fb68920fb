using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Guichet.Core.Imports.Freshdesk;

/// <summary>
/// Agents and contacts share one user-id space: agents.json nests each agent's contact, contacts.json
/// holds the customers, and an agent whose agent account was deleted lives on as a contact.
/// </summary>
public sealed partial class FreshdeskExport
{
    private async IAsyncEnumerable<ImportRecord> PeopleAsync(Reading reading, [EnumeratorCancellation] CancellationToken ct)
    {
        reading.AdminRoles = await AdminRolesAsync(ct);
        reading.NoteWriters = await NoteWritersAsync(ct);
        await foreach (var (e, id, refused) in ItemsAsync("agents.json", "person", null, ct))
        {
            yield return refused ?? Agent(e, id, reading);
        }
        await foreach (var (e, id, refused) in ItemsAsync("contacts.json", "person", null, ct))
        {
            if ((refused ?? Contact(e, id, reading)) is { } record)
            {
                yield return record;
            }
        }
    }

    private static ImportedPerson Agent(JsonElement e, long id, Reading reading)
    {
        reading.Agents.Add(id);
        var contact = e.Prop("contact") ?? default;
        var admin = e.Items("role_ids").Any(r => FreshdeskJson.AsLong(r) is { } role && reading.AdminRoles.Contains(role));
        var team = e.Items("group_ids").Select(FreshdeskJson.AsLong).FirstOrDefault(g => g is not null);
        return new ImportedPerson(FreshdeskJson.Id(id), Name(contact, id), IsAgent: true, admin, contact.Bool("active") != false && e.Bool("deleted") != true,
            Emails(contact), Phones(contact), contact.Str("language"), team is { } t ? FreshdeskJson.Id(t) : null, []);
    }

    /// <summary>
    /// A customer; "active" false is an unverified or deactivated contact and "deleted" one in the trash,
    /// both kept inactive. A contact who wrote private notes can only be a former agent: an agent, inactive.
    /// </summary>
    private static ImportedPerson? Contact(JsonElement e, long id, Reading reading)
    {
        if (reading.Agents.Contains(id))
        {
            return null;
        }
        var formerAgent = reading.NoteWriters.Contains(id);
        var organisations = new List<string>();
        foreach (var company in e.Items("other_companies").Prepend(e.Prop("company_id") ?? default))
        {
            var companyId = company.ValueKind == JsonValueKind.Object ? company.Long("company_id") : FreshdeskJson.AsLong(company);
            if (companyId is { } known && !organisations.Contains(FreshdeskJson.Id(known)))
            {
                organisations.Add(FreshdeskJson.Id(known));
            }
        }
        return new ImportedPerson(FreshdeskJson.Id(id), Name(e, id), IsAgent: formerAgent, IsAdmin: false,
            Active: !formerAgent && e.Bool("active") != false && e.Bool("deleted") != true, Emails(e), Phones(e), e.Str("language"), null, organisations);
    }

    private static string Name(JsonElement contact, long id) => contact.Str("name") is { Length: > 0 } name ? name : contact.Str("email") ?? FreshdeskJson.Id(id);

    private static List<string> Emails(JsonElement contact) =>
        [.. new[] { contact.Str("email") }.OfType<string>().Concat(contact.Strings("other_emails")).Where(m => m.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static List<string> Phones(JsonElement contact) =>
        [.. new[] { contact.Str("phone"), contact.Str("mobile") }.OfType<string>().Where(p => p.Trim().Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>Agents carry role ids only; an optional roles.json names them ("Account Administrator", "Administrator").</summary>
    private async Task<HashSet<long>> AdminRolesAsync(CancellationToken ct)
    {
        var admins = new HashSet<long>();
        await foreach (var (e, id, refused) in ItemsAsync("roles.json", "role", null, ct))
        {
            if (refused is null && e.Str("name") is { } name && name.Contains("administrator", StringComparison.OrdinalIgnoreCase))
            {
                admins.Add(id);
            }
        }
        return admins;
    }

    /// <summary>
    /// Who wrote a private note, found by a first pass over the conversations: only agents write notes, so
    /// a contact among them is an agent whose agent account was deleted. Unreadable files are left to the
    /// tickets' reading, which refuses them.
    /// </summary>
    private async Task<HashSet<long>> NoteWritersAsync(CancellationToken ct)
    {
        var writers = new HashSet<long>();
        var directory = Path.Combine(folder, "conversations");
        if (!Directory.Exists(directory))
        {
            return writers;
        }
        foreach (var file in Directory.EnumerateFiles(directory, "*.json"))
        {
            var (root, _) = await FreshdeskJson.FileAsync(file, ct);
            foreach (var c in root is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray() : [])
            {
                if (c.Bool("private") == true && c.Long("user_id") is { } writer)
                {
                    writers.Add(writer);
                }
            }
        }
        return writers;
    }
}
