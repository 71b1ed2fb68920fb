using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Guichet.Core.Cases;

namespace Guichet.Core.Imports.Zendesk;

/// <summary>Zendesk tickets and their comments into cases, from export pages or from a stream of lines.</summary>
internal sealed partial class ZendeskTickets(ZendeskPeople people, IReadOnlyDictionary<string, string?> files)
{
    /// <summary>Pages of the incremental export: a ticket seen again (a later change) keeps its last version.</summary>
    public IEnumerable<ImportRecord> FromPages(IReadOnlyList<string> pages, string commentsFolder, Action<double> progress)
    {
        var latest = new Dictionary<string, JsonElement>();
        foreach (var page in pages)
        {
            var (document, problem) = ExportJson.Open(page);
            if (document is null)
            {
                yield return new RefusedRecord("file", Path.GetFileName(page), problem!);
                continue;
            }
            using (document)
            {
                foreach (var ticket in document.RootElement.Items("tickets"))
                {
                    if (ticket.Text("id") is { } id)
                    {
                        latest.Remove(id);
                        latest[id] = ticket.Clone();
                    }
                    else
                    {
                        yield return new RefusedRecord("ticket", "?", $"A ticket without an id in {Path.GetFileName(page)}.");
                    }
                }
            }
        }
        var done = 0;
        foreach (var (id, ticket) in latest)
        {
            var (comments, problem) = ExportJson.Open(Path.Combine(commentsFolder, id + ".json"));
            using (comments)
            {
                if (problem is not null and not "missing")
                {
                    yield return new RefusedRecord("comments", id, $"ticket_comments/{id}.json is {problem}; the ticket is imported from its description alone.");
                }
                yield return Case(ticket, comments is null ? null : comments.RootElement.Items("comments"));
            }
            progress(++done / (double)latest.Count);
        }
    }

    /// <summary>One ticket per line with its comments inside, read as a stream: a million tickets never sit in memory.</summary>
    public async IAsyncEnumerable<ImportRecord> FromLinesAsync(string file, Action<double> progress, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var reader = new StreamReader(stream);
        var number = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            ImportRecord record;
            try
            {
                using var document = JsonDocument.Parse(line, ExportJson.Options);
                var ticket = document.RootElement;
                record = ticket.Text("id") is null ? new RefusedRecord("ticket", $"line {number}", "A ticket without an id.") : Case(ticket, ticket.Items("comments"));
            }
            catch (JsonException e)
            {
                record = new RefusedRecord("ticket", $"line {number}", $"Not valid JSON: {e.Message}");
            }
            yield return record;
            if (number % 1000 == 0)
            {
                progress(stream.Position / (double)Math.Max(1, stream.Length));
            }
        }
    }

    private ImportRecord Case(JsonElement ticket, IEnumerable<JsonElement>? comments)
    {
        var id = ticket.Text("id")!;
        var status = ticket.Text("status");
        if (status == "deleted")
        {
            return new RefusedRecord("ticket", id, "Deleted in Zendesk: not imported.");
        }
        var created = ticket.Date("created_at") ?? DateTimeOffset.UnixEpoch;
        var updated = ticket.Date("updated_at") ?? created;
        var requester = ticket.Text("requester_id");
        // A comment that is not an object (a stray value in the array) carries nothing to bring.
        var imported = comments?.Where(c => c.ValueKind == JsonValueKind.Object).Select(c => Comment(c, id)).ToList() ?? [];
        if (imported.Count == 0 && ticket.Text("description") is { Length: > 0 } description)
        {
            // No comments exported: the description is the requester's first message.
            imported.Add(new ImportedComment($"{id}-description", requester, true, description, null, created, Channel(ticket), []));
        }
        var tags = ticket.Texts("tags");
        var mapped = status switch
        {
            "new" => ImportedStatus.New,
            "pending" => ImportedStatus.Pending,
            "hold" => ImportedStatus.OnHold,
            "solved" => ImportedStatus.Solved,
            "closed" => ImportedStatus.Closed,
            _ => ImportedStatus.Open,
        };
        var fields = new Dictionary<string, string>();
        foreach (var field in ticket.Items("custom_fields"))
        {
            if (field.Text("id") is { } fieldId && field.Property("value") is { } value && FieldValue(value) is { Length: > 0 } text)
            {
                fields[fieldId] = text;
            }
        }
        var copied = ticket.Texts("email_cc_ids").Select(people.EmailOf).OfType<string>().ToList();
        return new ImportedCase(id, id, ZendeskExport.NonEmpty(ticket.Text("subject")) ?? ZendeskExport.NonEmpty(ticket.Text("raw_subject")) ?? "",
            mapped, Priority(ticket.Text("priority")), Channel(ticket), requester, ticket.Text("assignee_id"), ticket.Text("group_id"), ticket.Text("organization_id"),
            created, updated, mapped is ImportedStatus.Solved or ImportedStatus.Closed ? updated : null,
            tags, fields, imported, MergedInto(tags, imported), copied);
    }

    private ImportedComment Comment(JsonElement comment, string ticketId)
    {
        var text = ZendeskExport.NonEmpty(comment.Text("plain_body")) ?? ZendeskExport.NonEmpty(comment.Text("body")) ?? "";
        var html = text.Length == 0 ? ZendeskExport.NonEmpty(comment.Text("html_body")) : null;
        var attachments = comment.Items("attachments").Select(a =>
        {
            var fileId = a.Text("id") ?? "";
            var local = !a.Flag("deleted") && files.TryGetValue(fileId, out var path) ? path : null;
            return new ImportedFile(fileId, a.Text("file_name") ?? "file", a.Text("content_type") ?? "application/octet-stream",
                long.TryParse(a.Text("size"), out var size) ? size : 0, local, a.Flag("inline"));
        }).ToList();
        var via = comment.Property("via")?.Text("channel");
        // A trigger's or automation's comment (via "rule", author -1) is Zendesk speaking, not a person answering.
        var bySystem = via is "rule" or "system" || comment.Text("author_id") == "-1";
        return new ImportedComment(comment.Text("id") ?? $"{ticketId}-{comment.Text("created_at")}", comment.Text("author_id"), comment.Flag("public", true),
            text, html, comment.Date("created_at") ?? DateTimeOffset.UnixEpoch, ChannelOf(via), attachments, BySystem: bySystem, AuthorName: bySystem ? "Zendesk" : null);
    }

    private static string? FieldValue(JsonElement value) => value.ValueKind == JsonValueKind.Array
        ? string.Join('\n', value.EnumerateArray().Select(ExportJson.AsText).OfType<string>())
        : ExportJson.AsText(value);

    private static CasePriority Priority(string? priority) => priority switch
    {
        "low" => CasePriority.Low,
        "high" => CasePriority.High,
        "urgent" => CasePriority.Urgent,
        _ => CasePriority.Normal,
    };

    private static Channel Channel(JsonElement ticket) =>
        ChannelOf(ticket.Property("via")?.Text("channel")) ?? Guichet.Core.Channel.Portal;

    /// <summary>Zendesk's via channels; "merge" and "rule" comments came from no channel of the customer's.</summary>
    private static Channel? ChannelOf(string? via) => via switch
    {
        "email" => Guichet.Core.Channel.Email,
        "web" or "mobile" or "mobile_sdk" or "help_center" => Guichet.Core.Channel.Portal,
        "api" => Guichet.Core.Channel.Api,
        "chat" or "native_messaging" or "chat_transcript" => Guichet.Core.Channel.Chat,
        "voice" or "phone_call_inbound" or "phone_call_outbound" => Guichet.Core.Channel.Phone,
        "twitter" or "facebook" or "instagram_dm" or "whatsapp" or "any_channel" => Guichet.Core.Channel.Social,
        _ => null,
    };

    /// <summary>Zendesk closes a merged ticket with the tag closed_by_merge and a private comment naming the ticket it went into.</summary>
    private static string? MergedInto(IReadOnlyList<string> tags, IReadOnlyList<ImportedComment> comments) =>
        !tags.Contains("closed_by_merge") ? null
            : comments.Where(c => !c.Public).Select(c => MergedIntoText().Match(c.Text)).FirstOrDefault(m => m.Success)?.Groups[1].Value;

    [GeneratedRegex(@"merged into (?:request|ticket) #(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex MergedIntoText();
}
