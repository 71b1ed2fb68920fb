using System.Text.Json;
using Guichet.Core.Cases;

namespace Guichet.Core.Imports.Zammad;

/// <summary>
/// A Zammad ticket as a Guichet case, with what it is read against: the states, priorities, tags,
/// links and custom attributes of the export.
/// </summary>
internal sealed class ZammadTickets
{
    private readonly Dictionary<string, (string? Name, string? Type)> states = [];
    private readonly Dictionary<string, string> priorities = [];
    private readonly Dictionary<string, List<string>> tags = [];
    private readonly Dictionary<string, string> parents = [];

    public ZammadTickets(JsonElement? stateList, JsonElement? priorityList, JsonElement? tagMap, JsonElement? linkMap)
    {
        foreach (var state in stateList.Elements())
        {
            if (state.Id("id") is { } id)
            {
                states[id] = (state.Text("name"), state.Id("state_type_id"));
            }
        }
        foreach (var priority in priorityList.Elements())
        {
            if (priority.Id("id") is { } id && priority.Text("name") is { } name)
            {
                priorities[id] = name;
            }
        }
        foreach (var ticket in tagMap.Properties())
        {
            tags[ticket.Name] = ticket.Value.Items("tags").Select(x => x.Scalar()).OfType<string>().ToList();
        }
        // A merged ticket is linked to the one it went into as its "parent" (Ticket#merge_to).
        foreach (var ticket in linkMap.Properties())
        {
            var parent = ticket.Value.Items("links").FirstOrDefault(k => k.Text("link_type") == "parent" && k.Text("link_object") is null or "Ticket");
            if (parent.Id("link_object_value") is { } target)
            {
                parents[ticket.Name] = target;
            }
        }
    }

    /// <summary>The custom attributes read: a ticket's values are kept for these only, by name.</summary>
    public Dictionary<string, FieldKind> Fields { get; } = [];

    /// <summary>Zammad's state as Guichet's status, by the state's name, else its type (a custom state has a default type).</summary>
    public (ImportedStatus? Status, bool Merged, string? Refusal) State(JsonElement ticket)
    {
        var (name, type) = ticket.Id("state_id") is { } id && states.TryGetValue(id, out var known) ? known : (null, null);
        name ??= ticket.Text("state");
        var kind = name switch
        {
            "new" => "1",
            "open" => "2",
            "pending reminder" => "3",
            "pending close" => "4",
            "closed" => "5",
            "merged" => "6",
            "removed" => "7",
            _ => type,
        };
        return kind switch
        {
            "1" => (ImportedStatus.New, false, null),
            "2" => (ImportedStatus.Open, false, null),
            "3" => (ImportedStatus.Pending, false, null),
            "4" => (ImportedStatus.Solved, false, null),
            "5" => (ImportedStatus.Closed, false, null),
            "6" => (ImportedStatus.Closed, true, null),
            "7" => (null, false, "the ticket was removed in Zammad (state \"removed\")"),
            _ => (null, false, $"its state \"{name ?? ticket.Id("state_id")}\" is not one Zammad defines"),
        };
    }

    public ImportRecord Case(JsonElement ticket, string id, ImportedStatus status, bool merged, IReadOnlyList<ImportedComment> comments)
    {
        if (ticket.Date("created_at") is not { } created)
        {
            return new RefusedRecord("ticket", id, $"created_at \"{ticket.Text("created_at")}\" is not a date");
        }
        var updated = ticket.Date("updated_at") ?? created;
        // Zammad stamps close_at on closing; a ticket waiting to auto-close was solved when last changed.
        var solved = status is ImportedStatus.Solved or ImportedStatus.Closed ? ticket.Date("close_at") ?? updated : (DateTimeOffset?)null;
        var owner = ticket.Id("owner_id");
        var customer = ticket.Id("customer_id");
        return new ImportedCase(id, ticket.Text("number"), ticket.Text("title") ?? "", status, Priority(ticket), Channel(ticket, comments),
            customer == ZammadDirectory.SystemUser ? null : customer, owner == ZammadDirectory.SystemUser ? null : owner,
            ticket.Id("group_id"), ticket.Id("organization_id"), created, updated, solved,
            tags.GetValueOrDefault(id) ?? [], Values(ticket), comments, merged ? parents.GetValueOrDefault(id) : null);
    }

    /// <summary>Zammad's "1 low", "2 normal", "3 high" (renamed ones by their words, else by the default ids).</summary>
    private CasePriority Priority(JsonElement ticket)
    {
        var id = ticket.Id("priority_id");
        var name = (id is not null ? priorities.GetValueOrDefault(id) : null) ?? ticket.Text("priority") ?? "";
        bool Says(string word) => name.Contains(word, StringComparison.OrdinalIgnoreCase);
        return Says("urgent") || Says("critical") ? CasePriority.Urgent
            : Says("high") ? CasePriority.High
            : Says("low") ? CasePriority.Low
            : Says("normal") ? CasePriority.Normal
            : id switch { "1" => CasePriority.Low, "3" => CasePriority.High, _ => CasePriority.Normal };
    }

    /// <summary>How the ticket came in: its first article's type; an agent's note (or a merge) keeps its first article's channel, else email.</summary>
    private static Channel Channel(JsonElement ticket, IReadOnlyList<ImportedComment> comments) =>
        ZammadConversations.Channel(ticket.Text("create_article_type")) ?? comments.Select(c => c.Channel).FirstOrDefault(c => c is not null) ?? Core.Channel.Email;

    /// <summary>Custom attribute values as written: a list's stored value, several joined by '\n', yes/no as "true"/"false".</summary>
    private Dictionary<string, string> Values(JsonElement ticket)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Fields.Keys)
        {
            var value = ticket.Get(name) switch
            {
                { ValueKind: JsonValueKind.True } => "true",
                { ValueKind: JsonValueKind.False } => "false",
                { ValueKind: JsonValueKind.Array } many => string.Join('\n', many.EnumerateArray().Select(v => v.Scalar()).OfType<string>()),
                { } one => one.Scalar(),
                null => null,
            };
            if (!string.IsNullOrEmpty(value))
            {
                values[name] = value;
            }
        }
        return values;
    }
}
