using System.Text.Json;

namespace Guichet.Core.Imports.Zendesk;

/// <summary>
/// Zendesk's users (users*.json, the incremental user export with its identities sideloaded): agents
/// and admins become agents, end-users customers. Kept by id for the tickets: who is an agent, and
/// the address of each person copied on a ticket.
/// </summary>
internal sealed class ZendeskPeople(string folder)
{
    private readonly Dictionary<string, (bool Agent, string? Email)> _known = [];

    public bool IsAgent(string? id) => id is not null && _known.TryGetValue(id, out var person) && person.Agent;

    public string? EmailOf(string id) => _known.TryGetValue(id, out var person) ? person.Email : null;

    public IEnumerable<ImportRecord> Read()
    {
        var records = new List<ImportRecord>();
        foreach (var page in Directory.EnumerateFiles(folder, "users*.json").Order(StringComparer.Ordinal))
        {
            var (document, problem) = ExportJson.Open(page);
            if (document is null)
            {
                records.Add(new RefusedRecord("file", Path.GetFileName(page), problem!));
                continue;
            }
            using (document)
            {
                var identities = document.RootElement.Items("identities").ToLookup(i => i.Text("user_id") ?? "");
                foreach (var user in document.RootElement.Items("users"))
                {
                    records.Add(Person(user, identities));
                }
            }
        }
        // A user repeated in the incremental stream keeps its last version.
        return records.OfType<ImportedPerson>().GroupBy(p => p.ExternalId).Select(g => (ImportRecord)g.Last())
            .Concat(records.OfType<RefusedRecord>());
    }

    private ImportRecord Person(JsonElement user, ILookup<string, JsonElement> identities)
    {
        if (user.Text("id") is not { } id)
        {
            return new RefusedRecord("user", "?", "A user without an id.");
        }
        var role = user.Text("role");
        var agent = role is "agent" or "admin";
        var mine = identities[id].ToList();
        var emails = new[] { user.Text("email") }.Concat(mine.Where(i => i.Text("type") == "email").Select(i => i.Text("value")))
            .OfType<string>().Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        // A shared phone number (a switchboard) reaches more than one person: it identifies nobody.
        var shared = user.Flag("shared_phone_number");
        var phones = new[] { shared ? null : user.Text("phone") }.Concat(mine.Where(i => i.Text("type") == "phone_number").Select(i => i.Text("value")))
            .OfType<string>().Where(p => p.Length > 0).Distinct().ToList();
        _known[id] = (agent, emails.FirstOrDefault());
        var organisations = new[] { user.Text("organization_id") }.OfType<string>().ToList();
        return new ImportedPerson(id, user.Text("name") is { Length: > 0 } name ? name : emails.FirstOrDefault() ?? $"Zendesk user {id}",
            agent, role == "admin", user.Flag("active", true) && !user.Flag("suspended"), emails, phones,
            ExportJson.Language(user.Text("locale")), user.Text("default_group_id"), organisations);
    }
}
