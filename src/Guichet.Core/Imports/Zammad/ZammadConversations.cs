using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;

namespace Guichet.Core.Imports.Zammad;

/// <summary>
/// ticket_articles.json, read twice: once to learn where each ticket's articles lie (their bytes are
/// not kept), then ticket by ticket as the tickets come. The file need not follow tickets.json's order:
/// a merge moves articles to another ticket.
/// </summary>
internal sealed class ZammadConversations(string path, ZammadAttachments attachments) : IDisposable
{
    private readonly Dictionary<string, List<(long Offset, int Length)>> byTicket = [];
    private readonly JsonArrayFile file = new(path);
    private SafeFileHandle? handle;

    /// <summary>Authors the export holds; another author id is a deleted user, named from the article's "from".</summary>
    public HashSet<string> People { get; } = [];

    /// <summary>Finds every article; yields only the ones that cannot belong to any ticket.</summary>
    public async IAsyncEnumerable<ImportRecord> IndexAsync(Action<double> progress, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var item in file.ReadAsync(ct))
        {
            progress(file.Done);
            var id = item.Value.Id("id");
            if (id is null || item.Value.Id("ticket_id") is not { } ticket)
            {
                yield return new RefusedRecord("comment", id ?? $"at byte {item.Offset}", id is null ? "the article has no id" : "the article has no ticket_id");
                continue;
            }
            if (!byTicket.TryGetValue(ticket, out var list))
            {
                byTicket[ticket] = list = [];
            }
            list.Add((item.Offset, item.Length));
        }
        if (file.Error is { } error)
        {
            yield return new RefusedRecord("file", "ticket_articles.json", $"{error}; the articles after it are not imported");
        }
    }

    /// <summary>The ticket's comments in the order they were written, and the articles that could not be read.</summary>
    public async Task<(List<ImportedComment> Comments, List<RefusedRecord> Refused)> TakeAsync(string ticketId, CancellationToken ct)
    {
        var (comments, refused) = (new List<ImportedComment>(), new List<RefusedRecord>());
        if (!byTicket.Remove(ticketId, out var places))
        {
            return (comments, refused);
        }
        foreach (var (offset, length) in places)
        {
            var article = await JsonArrayFile.ReadAtAsync(Handle(), offset, length, ct);
            var (comment, refusal) = Comment(article);
            if (comment is not null)
            {
                comments.Add(comment);
            }
            else
            {
                refused.Add(refusal!);
            }
        }
        comments.Sort((a, b) => a.CreatedAt != b.CreatedAt ? a.CreatedAt.CompareTo(b.CreatedAt) : Order(a.ExternalId, b.ExternalId));
        return (comments, refused);
    }

    /// <summary>Forgets a ticket's articles: they leave with it (a removed ticket).</summary>
    public int Drop(string ticketId) => byTicket.Remove(ticketId, out var places) ? places.Count : 0;

    /// <summary>The articles no ticket of tickets.json claimed, in the file's order.</summary>
    public async IAsyncEnumerable<RefusedRecord> StraysAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var strays = byTicket.SelectMany(t => t.Value.Select(p => (Ticket: t.Key, p.Offset, p.Length))).OrderBy(p => p.Offset).ToList();
        byTicket.Clear();
        foreach (var (ticket, offset, length) in strays)
        {
            var article = await JsonArrayFile.ReadAtAsync(Handle(), offset, length, ct);
            yield return new RefusedRecord("comment", article.Id("id") ?? "?", $"its ticket {ticket} is not in tickets.json");
        }
    }

    private (ImportedComment? Comment, RefusedRecord? Refused) Comment(JsonElement article)
    {
        var id = article.Id("id")!;
        if (article.Date("created_at") is not { } at)
        {
            return (null, new RefusedRecord("comment", id, $"created_at \"{article.Text("created_at")}\" is not a date"));
        }
        // An agent typing a phone call in for a customer: the customer is who spoke.
        var author = article.Id("origin_by_id") ?? article.Id("created_by_id");
        if (author == ZammadDirectory.SystemUser)
        {
            author = null;
        }
        var authorName = author is not null && !People.Contains(author) ? NameIn(article.Text("from")) : null;
        var body = article.Text("body") ?? "";
        var html = article.Text("content_type")?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) ?? false;
        return (new ImportedComment(id, author, !article.Flag("internal", false), html ? "" : body, html ? body : null, at,
            Channel(article.Text("type")), attachments.Of(article, id), article.Text("sender") == "System", authorName, article.Text("cc")), null);
    }

    /// <summary>An article's type as Guichet's channel; a note is no channel (it stays inside).</summary>
    public static Channel? Channel(string? type) => type switch
    {
        "email" => Core.Channel.Email,
        "web" => Core.Channel.Portal,
        "phone" or "sms" => Core.Channel.Phone,
        "chat" => Core.Channel.Chat,
        not null when type.StartsWith("twitter", StringComparison.Ordinal) || type.StartsWith("facebook", StringComparison.Ordinal)
            || type.StartsWith("telegram", StringComparison.Ordinal) || type.StartsWith("whatsapp", StringComparison.Ordinal) => Core.Channel.Social,
        _ => null,
    };

    /// <summary>"Ancien Agent &lt;ancien.agent@…&gt;" → "Ancien Agent"; Zammad's "-" is nobody.</summary>
    private static string? NameIn(string? from)
    {
        var name = from is null ? null : (from.Contains('<', StringComparison.Ordinal) ? from[..from.IndexOf('<', StringComparison.Ordinal)] : from).Trim().Trim('"').Trim();
        return string.IsNullOrEmpty(name) || name == "-" ? null : name;
    }

    private static int Order(string a, string b) =>
        long.TryParse(a, out var x) && long.TryParse(b, out var y) ? x.CompareTo(y) : string.CompareOrdinal(a, b);

    private SafeFileHandle Handle() => handle ??= File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);

    public void Dispose() => handle?.Dispose();
}
