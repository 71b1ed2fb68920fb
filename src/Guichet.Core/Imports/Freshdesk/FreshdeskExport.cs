using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Guichet.Core.Imports.Freshdesk;

/// <summary>
/// A Freshdesk API v2 export folder (samples README, section 3): each list endpoint's bare arrays in
/// one file (groups, ticket_fields, companies, agents, contacts, tickets, satisfaction_ratings,
/// solutions/articles and its translations articles.&lt;lang&gt;.json), one conversations/&lt;ticket id&gt;.json
/// per ticket and attachments/manifest.json for the files' bytes. Only tickets.json is required.
/// </summary>
public sealed partial class FreshdeskExport(string folder) : ExportReader
{
    public override string Source => "freshdesk";

    /// <summary>What one reading learns early and needs later; tickets and their ids are never all held.</summary>
    private sealed class Reading
    {
        public Dictionary<long, string> StatusLabels { get; } = [];
        public HashSet<long> AdminRoles { get; set; } = [];
        public HashSet<long> NoteWriters { get; set; } = [];
        public HashSet<long> Agents { get; } = [];
        public HashSet<long> Cases { get; } = [];
        public HashSet<long> RefusedTickets { get; } = [];
        public FreshdeskFiles Files { get; set; } = FreshdeskFiles.None;
    }

    public override async IAsyncEnumerable<ImportRecord> ReadAsync([EnumeratorCancellation] CancellationToken ct)
    {
        Done = 0;
        if (!File.Exists(Path.Combine(folder, "tickets.json")))
        {
            yield return new RefusedRecord("export", folder, "no tickets.json in this folder: it is not a Freshdesk export");
            Done = 1;
            yield break;
        }
        var reading = new Reading();
        await foreach (var (e, id, refused) in ItemsAsync("groups.json", "team", null, ct))
        {
            yield return refused ?? new ImportedTeam(FreshdeskJson.Id(id), e.Str("name") ?? FreshdeskJson.Id(id));
        }
        await foreach (var (e, id, refused) in ItemsAsync("ticket_fields.json", "field", null, ct))
        {
            if ((refused ?? Field(e, id, reading)) is { } record)
            {
                yield return record;
            }
        }
        await foreach (var (e, id, refused) in ItemsAsync("companies.json", "organisation", null, ct))
        {
            yield return refused ?? Organisation(e, id);
        }
        await foreach (var record in PeopleAsync(reading, ct))
        {
            yield return record;
        }
        var (files, manifestError) = await FreshdeskFiles.ReadAsync(folder, ct);
        if (manifestError is not null)
        {
            yield return new RefusedRecord("attachments", "attachments/manifest.json", $"{manifestError}; every file is listed without its bytes");
        }
        reading.Files = files;
        Done = 0.1;
        await foreach (var record in CasesAsync(reading, ct))
        {
            yield return record;
        }
        Done = 0.9;
        await foreach (var (e, id, refused) in ItemsAsync("satisfaction_ratings.json", "rating", null, ct))
        {
            yield return refused ?? Rating(e, id, reading);
        }
        Done = 0.95;
        await foreach (var record in ArticlesAsync(ct))
        {
            yield return record;
        }
        Done = 1;
    }

    /// <summary>
    /// The objects of one of the export's arrays with their id; an element that is not an object or has
    /// no id is refused, and a file broken midway is refused from there on. An absent file is empty.
    /// </summary>
    private async IAsyncEnumerable<(JsonElement Element, long Id, ImportRecord? Refused)> ItemsAsync(string file, string kind, Action<double>? progress,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            yield break;
        }
        await foreach (var item in FreshdeskJson.ArrayAsync(path, progress, ct))
        {
            var place = $"{file}[{item.Index}]";
            if (item.Error is not null)
            {
                yield return (default, 0, new RefusedRecord(kind, place, $"{item.Error}; nothing after it is read"));
            }
            else if (item.Element.ValueKind != JsonValueKind.Object)
            {
                yield return (default, 0, new RefusedRecord(kind, place, $"{place} is not a JSON object"));
            }
            else if (item.Element.Long("id") is not { } id)
            {
                yield return (default, 0, new RefusedRecord(kind, place, $"{place} has no id"));
            }
            else
            {
                yield return (item.Element, id, null);
            }
        }
    }

    /// <summary>A custom ticket field; the default ones are Freshdesk's own, but the status field names the custom statuses.</summary>
    private static ImportRecord? Field(JsonElement e, long id, Reading reading)
    {
        var type = e.Str("type") ?? "";
        if (!(e.Bool("default") is { } isDefault ? !isDefault : type.StartsWith("custom_", StringComparison.Ordinal)))
        {
            if (type == "default_status" && e.Prop("choices") is { ValueKind: JsonValueKind.Object } statuses)
            {
                foreach (var choice in statuses.EnumerateObject())
                {
                    var labels = choice.Value;
                    var label = labels.ValueKind == JsonValueKind.Array ? labels.EnumerateArray().FirstOrDefault() : labels;
                    if (long.TryParse(choice.Name, CultureInfo.InvariantCulture, out var code) && label.ValueKind == JsonValueKind.String)
                    {
                        reading.StatusLabels[code] = label.GetString()!;
                    }
                }
            }
            return null;
        }
        if (e.Str("name") is not { Length: > 0 } name)
        {
            return new RefusedRecord("field", FreshdeskJson.Id(id), "a custom field without a name: no ticket can refer to it");
        }
        var kind = FreshdeskCodes.Kind(type);
        return new ImportedField(name, e.Str("label") ?? name, kind, kind is FieldKind.List or FieldKind.Multi ? Choices(e) : []);
    }

    /// <summary>Choices are plain strings (value and label alike); newer accounts give {value, label} objects.</summary>
    private static List<(string Value, string Label)> Choices(JsonElement field)
    {
        var choices = new List<(string, string)>();
        foreach (var c in field.Items("choices"))
        {
            var value = c.ValueKind == JsonValueKind.String ? c.GetString() : c.Str("value") ?? c.Str("label");
            if (!string.IsNullOrEmpty(value))
            {
                choices.Add((value, c.Str("label") ?? value));
            }
        }
        return choices;
    }

    private static ImportedOrganisation Organisation(JsonElement e, long id)
    {
        var notes = string.Join("\n\n", new[] { e.Str("description"), e.Str("note") }.Where(n => !string.IsNullOrWhiteSpace(n)));
        return new ImportedOrganisation(FreshdeskJson.Id(id), e.Str("name") ?? FreshdeskJson.Id(id), e.Strings("domains"), notes.Length > 0 ? notes : null);
    }

    /// <summary>One satisfaction rating: the survey's default question is the overall one (see <see cref="FreshdeskCodes.Csat"/>).</summary>
    private static ImportRecord Rating(JsonElement e, long id, Reading reading)
    {
        var externalId = FreshdeskJson.Id(id);
        if (e.Long("ticket_id") is not { } ticket)
        {
            return new RefusedRecord("rating", externalId, "no ticket_id");
        }
        if (!reading.Cases.Contains(ticket))
        {
            return new RefusedRecord("rating", externalId, reading.RefusedTickets.Contains(ticket)
                ? $"its ticket {FreshdeskJson.Id(ticket)} was refused" : $"its ticket {FreshdeskJson.Id(ticket)} is not in the export");
        }
        var ratings = e.Prop("ratings") ?? default;
        var answer = ratings.Prop("default_question")
            ?? (ratings.ValueKind == JsonValueKind.Object ? ratings.EnumerateObject().Select(p => (JsonElement?)p.Value).FirstOrDefault() : null);
        if ((answer is { } a ? FreshdeskJson.AsLong(a) : null) is not { } score || FreshdeskCodes.Csat(score) is not { } csat)
        {
            return new RefusedRecord("rating", externalId, $"no rating on Freshdesk's scale: {(answer is { } raw ? raw.GetRawText() : "none")}");
        }
        if ((e.Date("created_at") ?? e.Date("updated_at")) is not { } at)
        {
            return new RefusedRecord("rating", externalId, "no readable created_at");
        }
        var feedback = e.Str("feedback")?.Trim();
        return new ImportedRating(externalId, FreshdeskJson.Id(ticket), csat, string.IsNullOrEmpty(feedback) ? null : feedback, at);
    }
}
