using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Guichet.Core.Imports.Freshdesk;

/// <summary>
/// Tickets and their conversations. The ticket's first message is its description, not a
/// conversation; conversations/&lt;id&gt;.json holds the rest (replies, notes, forwards, calls).
/// </summary>
public sealed partial class FreshdeskExport
{
    private async IAsyncEnumerable<ImportRecord> CasesAsync(Reading reading, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var (t, id, refused) in ItemsAsync("tickets.json", "ticket", read => Done = 0.1 + 0.8 * read, ct))
        {
            if (refused is not null)
            {
                yield return refused;
                continue;
            }
            foreach (var record in await TicketAsync(t, id, reading, ct))
            {
                yield return record;
            }
        }
    }

    /// <summary>The case, preceded by whatever of its conversations could not be read.</summary>
    private async Task<List<ImportRecord>> TicketAsync(JsonElement t, long id, Reading reading, CancellationToken ct)
    {
        var externalId = FreshdeskJson.Id(id);
        if (t.Bool("deleted") == true || t.Date("created_at") is null)
        {
            reading.RefusedTickets.Add(id);
            return [new RefusedRecord("ticket", externalId, t.Bool("deleted") == true ? "deleted in Freshdesk (in its trash): not imported" : "no readable created_at")];
        }
        var createdAt = t.Date("created_at")!.Value;
        var records = new List<ImportRecord>();
        var (root, error) = await FreshdeskJson.FileAsync(Path.Combine(folder, "conversations", $"{externalId}.json"), ct);
        if (error is not null || root is { ValueKind: not JsonValueKind.Array })
        {
            records.Add(new RefusedRecord("conversations", externalId,
                $"{error ?? $"{externalId}.json is not a JSON array"}: the ticket is imported with its description only"));
        }
        var conversations = new List<ImportedComment>();
        var index = 0;
        foreach (var c in root is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray() : [])
        {
            var (comment, refused) = Conversation(c, $"{externalId}/{index++}", reading.Files);
            if (refused is not null)
            {
                records.Add(refused);
            }
            if (comment is not null)
            {
                conversations.Add(comment);
            }
        }
        // Freshdesk marks a merge only by the note it leaves on the ticket that was closed.
        var mergedInto = conversations.Where(c => !c.Public).Select(c => MergedNote().Match(c.Text.Length > 0 ? c.Text : c.Html ?? ""))
            .FirstOrDefault(m => m.Success)?.Groups["id"].Value;
        var spam = t.Bool("spam") == true;
        var status = mergedInto is not null || spam ? ImportedStatus.Closed : FreshdeskCodes.Status(t.Long("status"), reading.StatusLabels);
        var updatedAt = t.Date("updated_at") ?? createdAt;
        var stats = t.Prop("stats") ?? default;
        var solvedAt = stats.Date("resolved_at") ?? stats.Date("closed_at") ?? (status is ImportedStatus.Solved or ImportedStatus.Closed ? updatedAt : null);
        var tags = t.Strings("tags");
        if (spam && !tags.Contains("spam", StringComparer.OrdinalIgnoreCase))
        {
            tags.Add("spam");
        }
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in t.Prop("custom_fields") is { ValueKind: JsonValueKind.Object } custom ? custom.EnumerateObject() : Enumerable.Empty<JsonProperty>())
        {
            if (FreshdeskJson.Raw(field.Value) is { Length: > 0 } value)
            {
                fields[field.Name] = value;
            }
        }
        var comments = new List<ImportedComment> { Description(t, externalId, createdAt, reading.Files) };
        comments.AddRange(conversations.OrderBy(c => c.CreatedAt));
        reading.Cases.Add(id);
        records.Add(new ImportedCase(externalId, externalId, t.Str("subject") ?? "", status, FreshdeskCodes.Priority(t.Long("priority")),
            FreshdeskCodes.TicketChannel(t.Long("source")), Person(t, "requester_id"), Person(t, "responder_id"), Person(t, "group_id"), Person(t, "company_id"),
            createdAt, updatedAt, solvedAt, tags, fields, comments, mergedInto, t.Strings("cc_emails")));
        return records;
    }

    private static string? Person(JsonElement t, string property) => t.Long(property) is { } id ? FreshdeskJson.Id(id) : null;

    /// <summary>
    /// The ticket's own first message, with the ticket's attachments. It is the requester's, except for an
    /// outbound email (source 10): the agent wrote it to the customer.
    /// </summary>
    private static ImportedComment Description(JsonElement t, string ticketId, DateTimeOffset createdAt, FreshdeskFiles files)
    {
        var source = t.Long("source");
        var author = source == 10 ? Person(t, "responder_id") ?? Person(t, "requester_id") : Person(t, "requester_id");
        var html = t.Str("description");
        return new ImportedComment($"{ticketId}:description", author, Public: true, t.Str("description_text") ?? "", html, createdAt,
            FreshdeskCodes.TicketChannel(source), Files(t, html, files));
    }

    /// <summary>
    /// One conversation: private is an internal note; incoming is the customer's side, which its author
    /// (a contact) tells the writer. Refused when it has no id or no date, the ticket keeping the rest.
    /// </summary>
    private static (ImportedComment? Comment, RefusedRecord? Refused) Conversation(JsonElement c, string place, FreshdeskFiles files)
    {
        if (c.ValueKind != JsonValueKind.Object || c.Long("id") is not { } id)
        {
            return (null, new RefusedRecord("conversation", place, $"conversation {place} has no id"));
        }
        if (c.Date("created_at") is not { } at)
        {
            return (null, new RefusedRecord("conversation", FreshdeskJson.Id(id), $"conversation {place} has no readable created_at"));
        }
        var html = c.Str("body");
        var cc = c.Strings("cc_emails");
        return (new ImportedComment(FreshdeskJson.Id(id), Person(c, "user_id"), c.Bool("private") != true, c.Str("body_text") ?? "", html, at,
            FreshdeskCodes.ConversationChannel(c.Long("source")), Files(c, html, files), Cc: cc.Count > 0 ? string.Join(", ", cc) : null), null);
    }

    private static List<ImportedFile> Files(JsonElement message, string? html, FreshdeskFiles files)
    {
        var attached = message.Items("attachments").Where(a => a.ValueKind == JsonValueKind.Object).Select(files.Attached).ToList();
        attached.AddRange(files.Inline(html, attached.Select(f => f.ExternalId).ToHashSet(StringComparer.Ordinal)));
        return attached;
    }

    [GeneratedRegex(@"merged into ticket #(?<id>\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MergedNote();
}
