using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Guichet.Core.Cases;

namespace Guichet.Core.Imports.Csv;

/// <summary>
/// Cases from any tool that exports a spreadsheet (`guichet import cases FILE.csv`): one row per
/// message, the rows of a ticket together and in order. Columns (header required, any order, any case):
/// ticket, at, body (required); subject, status, priority, channel, team, tags, customer_name,
/// customer_email, customer_phone, assignee_name, assignee_email (the ticket's, from its first row);
/// from (customer, agent, note or system), author_name, author_email, message_id; field.KEY for a
/// custom field. A row that cannot be read is refused with its line and why; the others go on.
/// </summary>
public sealed class CsvCases(string path) : ExportReader
{
    public override string Source => "csv";

    // A folder (an upload's zip unpacked) holds the file.
    private readonly string file = Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.csv").Order(StringComparer.Ordinal).FirstOrDefault() ?? Path.Combine(path, "cases.csv") : path;

    private sealed record Row(int Line, Func<string, string?> Get, IReadOnlyList<string> FieldColumns);

    public override async IAsyncEnumerable<ImportRecord> ReadAsync([EnumeratorCancellation] CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            yield return new RefusedRecord("export", path, "No CSV file here.");
            yield break;
        }
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var text = new StreamReader(stream);
        var malformed = new List<RefusedRecord>();
        using var csv = CsvInput.Open(text, (line, why) => malformed.Add(new RefusedRecord("row", $"line {line}", $"Not valid CSV ({why}): skipped.")), lineBreaksInQuotes: true);
        var columns = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        foreach (var required in new[] { "ticket", "at", "body" }.Where(c => !columns.Contains(c)))
        {
            yield return new RefusedRecord("export", Path.GetFileName(file), $"The header has no '{required}' column (needed: ticket, at, body).");
        }
        if (!columns.Contains("ticket") || !columns.Contains("at") || !columns.Contains("body"))
        {
            yield break;
        }
        var fieldColumns = columns.Where(c => c.StartsWith("field.", StringComparison.Ordinal) && c.Length > 6).ToList();
        foreach (var column in fieldColumns)
        {
            yield return new ImportedField(column[6..], column[6..], FieldKind.Text, []);
        }
        var rows = new List<Row>();
        while (csv.Read())
        {
            ct.ThrowIfCancellationRequested();
            foreach (var bad in malformed)
            {
                yield return bad;
            }
            malformed.Clear();
            var values = columns.ToDictionary(c => c, c => csv.GetStringOrNull(c) is { Length: > 0 } v ? v : null);
            var row = new Row((int)csv.LineNumber, c => values.GetValueOrDefault(c), fieldColumns);
            if (rows.Count > 0 && rows[0].Get("ticket") != row.Get("ticket"))
            {
                foreach (var record in Ticket(rows))
                {
                    yield return record;
                }
                rows.Clear();
                Done = stream.Length == 0 ? 1 : stream.Position / (double)stream.Length;
            }
            rows.Add(row);
        }
        foreach (var record in malformed.Concat(rows.Count > 0 ? Ticket(rows) : []))
        {
            yield return record;
        }
        Done = 1;
    }

    /// <summary>One ticket's rows: the people and team it names, then the case.</summary>
    private static IEnumerable<ImportRecord> Ticket(List<Row> rows)
    {
        var first = rows[0];
        var id = first.Get("ticket");
        if (id is null)
        {
            yield return new RefusedRecord("row", $"line {first.Line}", "No ticket id: the row belongs to no case.");
            yield break;
        }
        if (first.Get("team") is { } team)
        {
            yield return new ImportedTeam(team, team);
        }
        var customer = Person(first.Get("customer_email"), first.Get("customer_phone"), first.Get("customer_name"), agent: false);
        if (customer is not null)
        {
            yield return customer;
        }
        var assignee = Person(first.Get("assignee_email"), null, first.Get("assignee_name"), agent: true);
        if (assignee is not null)
        {
            yield return assignee;
        }
        var comments = new List<ImportedComment>();
        foreach (var row in rows)
        {
            if (!DateTimeOffset.TryParse(row.Get("at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) || row.Get("body") is not { } body)
            {
                yield return new RefusedRecord("row", $"line {row.Line}", row.Get("body") is null ? "No body." : $"'{row.Get("at")}' is not a date and time (2024-03-05T08:20:00Z).");
                continue;
            }
            var from = (row.Get("from") ?? "customer").ToLowerInvariant();
            // An agent's row without an author is still an agent's: a stand-in named "Agent" wrote it.
            var author = from is "agent" or "note" ? Person(row.Get("author_email"), null, row.Get("author_name") ?? "Agent", agent: true) : null;
            if (author is not null)
            {
                yield return author;
            }
            var authorId = from is "agent" or "note" ? author?.ExternalId : row.Get("author_email") is { } email ? email.ToLowerInvariant() : customer?.ExternalId;
            if (from is "customer" && row.Get("author_email") is { } other && !string.Equals(other, customer?.ExternalId, StringComparison.OrdinalIgnoreCase))
            {
                yield return Person(other, null, row.Get("author_name"), agent: false)!;
            }
            comments.Add(new ImportedComment(row.Get("message_id") ?? MessageId(id, row), authorId, from != "note", body, null, at, Channel(row.Get("channel")), [],
                BySystem: from == "system", AuthorName: row.Get("author_name")));
        }
        if (comments.Count == 0)
        {
            yield break;
        }
        var fields = first.FieldColumns.Select(c => (Key: c[6..], Value: first.Get(c))).Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!);
        var status = (first.Get("status") ?? "open").ToLowerInvariant() switch
        {
            "new" => ImportedStatus.New,
            "pending" => ImportedStatus.Pending,
            "hold" or "on-hold" => ImportedStatus.OnHold,
            "solved" or "resolved" => ImportedStatus.Solved,
            "closed" => ImportedStatus.Closed,
            _ => ImportedStatus.Open,
        };
        var created = comments.Min(c => c.CreatedAt);
        var updated = comments.Max(c => c.CreatedAt);
        yield return new ImportedCase(id, id, first.Get("subject") ?? "", status, Priority(first.Get("priority")), Channel(first.Get("channel")) ?? Core.Channel.Email,
            customer?.ExternalId, assignee?.ExternalId, first.Get("team"), null, created, updated, status is ImportedStatus.Solved or ImportedStatus.Closed ? updated : null,
            (first.Get("tags") ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), fields, comments);
    }

    private static ImportedPerson? Person(string? email, string? phone, string? name, bool agent)
    {
        var id = email?.ToLowerInvariant() ?? phone ?? (name is null ? null : $"name:{name}");
        return id is null ? null : new ImportedPerson(id, name ?? email ?? phone!, agent, false, true,
            email is null ? [] : [email], phone is null ? [] : [phone], null, null, []);
    }

    /// <summary>Without a message_id column, a row is known by its ticket, time, author and text: the same row in a later export is the same message.</summary>
    private static string MessageId(string ticket, Row row) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{ticket}\n{row.Get("at")}\n{row.Get("author_email")}\n{row.Get("body")}")))[..24];

    private static CasePriority Priority(string? priority) => (priority ?? "").ToLowerInvariant() switch
    {
        "low" => CasePriority.Low,
        "high" => CasePriority.High,
        "urgent" => CasePriority.Urgent,
        _ => CasePriority.Normal,
    };

    private static Channel? Channel(string? channel) => (channel ?? "").ToLowerInvariant() switch
    {
        "email" => Core.Channel.Email,
        "portal" or "web" => Core.Channel.Portal,
        "chat" => Core.Channel.Chat,
        "phone" => Core.Channel.Phone,
        "social" => Core.Channel.Social,
        "api" => Core.Channel.Api,
        _ => null,
    };
}
