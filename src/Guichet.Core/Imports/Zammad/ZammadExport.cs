using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Guichet.Core.Imports.Zammad;

/// <summary>
/// A Zammad export folder, as saved from its REST API (the map of the format is the Zammad section
/// of tests/Guichet.IntegrationTests/Imports/Samples/README.md): tickets.json with the expanded
/// tickets, ticket_articles.json, users.json, organizations.json, groups.json, ticket_states.json,
/// ticket_priorities.json, tags.json, links.json, object_manager_attributes.json, knowledge_base.json,
/// locales.json and attachments/manifest.json with the downloaded files. Only tickets.json is needed;
/// a missing file means none of its records, a broken one is reported and the rest goes on.
/// Zammad has no satisfaction ratings.
/// </summary>
public sealed class ZammadExport(string folder) : ExportReader
{
    public override string Source => "zammad";

    public override async IAsyncEnumerable<ImportRecord> ReadAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var ticketFile = Path.Combine(folder, "tickets.json");
        if (!File.Exists(ticketFile))
        {
            yield return new RefusedRecord("export", folder, "there is no tickets.json here: not a Zammad export, or not all of it");
            yield break;
        }
        var refused = new List<RefusedRecord>();
        var tickets = new ZammadTickets(await LoadAsync("ticket_states.json", refused, ct), await LoadAsync("ticket_priorities.json", refused, ct),
            await LoadAsync("tags.json", refused, ct), await LoadAsync("links.json", refused, ct));
        var attachments = new ZammadAttachments(folder, await LoadAsync(Path.Combine("attachments", "manifest.json"), refused, ct));
        foreach (var refusal in refused)
        {
            yield return refusal;
        }
        using var conversations = new ZammadConversations(Path.Combine(folder, "ticket_articles.json"), attachments);
        await foreach (var record in DirectoryAsync(tickets, conversations, ct))
        {
            yield return record;
        }
        await foreach (var record in CasesAsync(ticketFile, tickets, conversations, ct))
        {
            yield return record;
        }
        await foreach (var record in KnowledgeBaseAsync(ct))
        {
            yield return record;
        }
        Done = 1;
    }

    /// <summary>Teams, fields, organisations and people; the fields and people read are noted for the tickets.</summary>
    private async IAsyncEnumerable<ImportRecord> DirectoryAsync(ZammadTickets tickets, ZammadConversations conversations, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var team in EachAsync("groups.json", ZammadDirectory.Team, ct))
        {
            yield return team;
        }
        await foreach (var field in EachAsync("object_manager_attributes.json", ZammadDirectory.Field, ct))
        {
            if (field is ImportedField read)
            {
                tickets.Fields[read.ExternalId] = read.Kind;
            }
            yield return field;
        }
        await foreach (var organisation in EachAsync("organizations.json", ZammadDirectory.Organisation, ct))
        {
            yield return organisation;
        }
        await foreach (var person in EachAsync("users.json", ZammadDirectory.Person, ct))
        {
            if (person is ImportedPerson known)
            {
                conversations.People.Add(known.ExternalId);
            }
            yield return person;
        }
    }

    /// <summary>The tickets with their articles; the reading's progress is a fifth the articles' index, the rest the tickets.</summary>
    private async IAsyncEnumerable<ImportRecord> CasesAsync(string ticketFile, ZammadTickets tickets, ZammadConversations conversations, [EnumeratorCancellation] CancellationToken ct)
    {
        if (File.Exists(Path.Combine(folder, "ticket_articles.json")))
        {
            await foreach (var stray in conversations.IndexAsync(read => Done = 0.2 * read, ct))
            {
                yield return stray;
            }
        }
        Done = 0.2;
        var file = new JsonArrayFile(ticketFile);
        var seen = new HashSet<string>();
        await foreach (var item in file.ReadAsync(ct))
        {
            Done = 0.2 + 0.79 * file.Done;
            var ticket = item.Value;
            var id = ticket.Id("id");
            var (status, merged, refusal) = tickets.State(ticket);
            if (id is null || !seen.Add(id) || status is null)
            {
                var articles = id is not null && status is null ? conversations.Drop(id) : 0;
                var reason = id is null ? "the ticket has no id" : status is null ? $"{refusal}; its {articles} article(s) are not imported either" : "the ticket appears twice in tickets.json";
                yield return new RefusedRecord("ticket", id ?? ticket.Text("number") ?? $"at byte {item.Offset}", reason);
                continue;
            }
            var (comments, unread) = await conversations.TakeAsync(id, ct);
            foreach (var article in unread)
            {
                yield return article;
            }
            yield return tickets.Case(ticket, id, status.Value, merged, comments);
        }
        if (file.Error is { } error)
        {
            yield return new RefusedRecord("file", "tickets.json", $"{error}; only the tickets before it are imported");
            yield break;
        }
        // Articles are refused only once every ticket was read: a broken tickets.json would blame them wrongly.
        await foreach (var stray in conversations.StraysAsync(ct))
        {
            yield return stray;
        }
    }

    private async IAsyncEnumerable<ImportRecord> KnowledgeBaseAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var refused = new List<RefusedRecord>();
        if (await LoadAsync("knowledge_base.json", refused, ct) is { } knowledgeBase)
        {
            foreach (var article in ZammadKnowledgeBase.Articles(knowledgeBase, await LoadAsync("locales.json", refused, ct)))
            {
                yield return article;
            }
        }
        foreach (var refusal in refused)
        {
            yield return refusal;
        }
    }

    /// <summary>Every element of an array file, mapped (null: not imported), then its error if it broke off.</summary>
    private async IAsyncEnumerable<ImportRecord> EachAsync(string name, Func<JsonElement, ImportRecord?> map, [EnumeratorCancellation] CancellationToken ct)
    {
        var path = Path.Combine(folder, name);
        if (!File.Exists(path))
        {
            yield break;
        }
        var file = new JsonArrayFile(path);
        var read = 0;
        await foreach (var item in file.ReadAsync(ct))
        {
            read++;
            if (map(item.Value) is { } record)
            {
                yield return record;
            }
        }
        if (file.Error is { } error)
        {
            yield return new RefusedRecord("file", name, $"{error}; only the {read} record(s) before it are imported");
        }
    }

    /// <summary>A small file read whole (a lookup or a map); null when absent, or unreadable and added to <paramref name="refused"/>.</summary>
    private async Task<JsonElement?> LoadAsync(string name, List<RefusedRecord> refused, CancellationToken ct)
    {
        var path = Path.Combine(folder, name);
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            // Parsed from a stream, which also passes over a byte order mark.
            await using var stream = File.OpenRead(path);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            refused.Add(new RefusedRecord("file", name, $"not valid JSON, left out: {e.Message}"));
            return null;
        }
    }
}
