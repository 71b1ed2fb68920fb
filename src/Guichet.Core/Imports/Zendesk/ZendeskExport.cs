using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Guichet.Core.Imports.Zendesk;

/// <summary>
/// A Zendesk export (W10): a folder with what Zendesk's API gives — groups.json, ticket_fields.json,
/// organizations.json, users.json (incremental user export, identities sideloaded), tickets from
/// tickets*.json (incremental export pages, cursor- or time-based; a ticket repeated in the stream
/// keeps its last version) with ticket_comments/&lt;id&gt;.json, or from tickets-with-comments.jsonl (one
/// ticket per line, comments inside: what a large export streams), satisfaction_ratings.json,
/// articles.json, and attachments/manifest.json naming the files the exporter downloaded. A file
/// given instead of a folder is the tickets' file; the others are read beside it.
/// </summary>
public sealed class ZendeskExport(string path) : ExportReader
{
    public override string Source => "zendesk";

    private readonly string _folder = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!;

    public override async IAsyncEnumerable<ImportRecord> ReadAsync([EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var record in Sideloads().ToList().Concat(Unreadable()))
        {
            yield return record;
        }
        var people = new ZendeskPeople(_folder);
        foreach (var record in people.Read())
        {
            yield return record;
        }
        var tickets = new ZendeskTickets(people, ZendeskFiles.Read(_folder));
        await foreach (var record in TicketsAsync(tickets, ct))
        {
            yield return record;
        }
        foreach (var record in Ratings().Concat(Articles()).ToList().Concat(Unreadable()))
        {
            yield return record;
        }
        Done = 1;
    }

    private IEnumerable<ImportRecord> Sideloads()
    {
        foreach (var group in Items("groups.json", "groups"))
        {
            if (!group.Flag("deleted") && group.Text("id") is { } id)
            {
                yield return new ImportedTeam(id, group.Text("name") ?? $"Zendesk group {id}");
            }
        }
        foreach (var field in Items("ticket_fields.json", "ticket_fields"))
        {
            if (ZendeskFields.Of(field) is { } imported)
            {
                yield return imported;
            }
        }
        foreach (var org in Items("organizations.json", "organizations"))
        {
            if (org.Text("id") is { } id)
            {
                yield return new ImportedOrganisation(id, org.Text("name") ?? $"Zendesk organization {id}", org.Texts("domain_names"), NonEmpty(org.Text("notes")));
            }
        }
    }

    private async IAsyncEnumerable<ImportRecord> TicketsAsync(ZendeskTickets tickets, [EnumeratorCancellation] CancellationToken ct)
    {
        var single = File.Exists(path) ? path : null;
        var lines = single is not null && single.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? single
            : single is null && !TicketPages().Any() && File.Exists(Path.Combine(_folder, "tickets-with-comments.jsonl")) ? Path.Combine(_folder, "tickets-with-comments.jsonl")
            : null;
        if (lines is not null)
        {
            await foreach (var record in tickets.FromLinesAsync(lines, done => Done = done * 0.95, ct))
            {
                yield return record;
            }
            yield break;
        }
        var pages = single is not null ? [single] : TicketPages().ToList();
        if (pages.Count == 0)
        {
            yield return new RefusedRecord("export", _folder, "No tickets here: expected tickets.json (incremental export) or tickets-with-comments.jsonl.");
            yield break;
        }
        foreach (var record in tickets.FromPages(pages, Path.Combine(_folder, "ticket_comments"), done => Done = done * 0.95))
        {
            ct.ThrowIfCancellationRequested();
            yield return record;
        }
    }

    private IEnumerable<string> TicketPages() =>
        Directory.EnumerateFiles(_folder, "tickets*.json").Order(StringComparer.Ordinal);

    private IEnumerable<ImportRecord> Ratings()
    {
        foreach (var rating in Items("satisfaction_ratings.json", "satisfaction_ratings"))
        {
            var csat = rating.Text("score") switch { "good" => 5, "bad" => 1, _ => 0 };
            // "offered" and "unoffered" are surveys without an answer: there is nothing to keep.
            if (csat > 0 && rating.Text("id") is { } id && rating.Text("ticket_id") is { } ticket)
            {
                yield return new ImportedRating(id, ticket, csat, NonEmpty(rating.Text("comment")), rating.Date("created_at") ?? DateTimeOffset.UnixEpoch);
            }
        }
    }

    private IEnumerable<ImportRecord> Articles()
    {
        foreach (var article in Items("articles.json", "articles"))
        {
            if (article.Text("id") is not { } id)
            {
                continue;
            }
            var draft = article.Flag("draft");
            var created = article.Date("created_at") ?? DateTimeOffset.UnixEpoch;
            yield return new ImportedArticle(id, article.Text("title") ?? article.Text("name") ?? $"Article {id}", article.Text("body") ?? "",
                ExportJson.Language(article.Text("locale")) ?? "fr", Published: !draft,
                // A user segment restricts an article to signed-in people or agents: kept internal.
                Public: !draft && article.Property("user_segment_id") is { ValueKind: JsonValueKind.Null },
                article.Texts("label_names"), created, article.Date("updated_at") ?? created);
        }
    }

    private readonly List<RefusedRecord> _unreadable = [];

    /// <summary>A file's items; a file that is there but unreadable is reported (a missing one is simply not part of this export).</summary>
    private IEnumerable<JsonElement> Items(string file, string name)
    {
        var (document, problem) = ExportJson.Open(Path.Combine(_folder, file));
        if (document is null)
        {
            if (problem != "missing")
            {
                _unreadable.Add(new RefusedRecord("file", file, problem!));
            }
            return [];
        }
        using (document)
        {
            return [.. document.RootElement.Items(name).Select(e => e.Clone())];
        }
    }

    private IEnumerable<RefusedRecord> Unreadable()
    {
        var found = _unreadable.ToList();
        _unreadable.Clear();
        return found;
    }

    internal static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
