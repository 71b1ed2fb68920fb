using Guichet.Core.Agents;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Customers.Organisations;

/// <summary>
/// Organisations from a CSV file (W12: `guichet import organisations FILE.csv`, or the API): one
/// row per organisation with the columns name, domains, notes, tags and field.&lt;key&gt; for each
/// organisation field (any order, header required; several domains or tags separated by spaces,
/// commas or semicolons). A row finds its organisation by name (whatever the case) and updates it,
/// or adds it; the same file imported twice changes nothing more. Each organisation goes through
/// the same operations as one made by hand (<see cref="SaveOrganisation"/>, <see cref="EditProfile"/>),
/// so its customers join by domain; a bad row is reported with its line and the others go on.
/// </summary>
public sealed class ImportOrganisations(GuichetDb db, SaveOrganisation save, EditProfile profiles)
{
    public sealed record Report(int Rows, int Created, int Updated, IReadOnlyList<string> Errors);

    private static readonly char[] Separators = [' ', ',', ';'];

    public async Task<Report> RunAsync(TextReader source, Agent actor, Action<int>? progress = null, CancellationToken ct = default)
    {
        var errors = new List<string>();
        using var csv = CsvInput.Open(source, (line, why) => errors.Add($"line {line}: not valid CSV ({why}); the line was skipped."));
        if (csv.Headers.Count == 0)
        {
            return new Report(0, 0, 0, ["The file is empty."]);
        }
        var columns = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (!columns.Contains("name"))
        {
            return new Report(0, 0, 0, ["The header has no 'name' column."]);
        }
        var fieldColumns = columns.Where(c => c.StartsWith("field.", StringComparison.Ordinal)).ToList();
        var (rows, created, updated) = (0, 0, 0);
        while (csv.Read())
        {
            ct.ThrowIfCancellationRequested();
            var line = csv.LineNumber;
            rows++;
            string? Field(string name) => columns.Contains(name) && csv.GetStringOrNull(name) is { Length: > 0 } value ? value : null;
            var name = Field("name");
            if (name is null)
            {
                errors.Add($"line {line}: name: an organisation needs a name.");
                continue;
            }
            // The same name whatever the case: LIKE without wildcards (escaped), as both databases lower-case alike.
            var exact = name.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
            var existing = await db.Organisations.AsNoTracking().Include(o => o.Domains).FirstOrDefaultAsync(o => EF.Functions.Like(o.Name.ToLower(), exact, "\\"), ct);
            var domains = (Field("domains")?.Split(Separators, StringSplitOptions.RemoveEmptyEntries) ?? [])
                .Concat(existing?.Domains.Select(d => d.Domain) ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var saved = await save.SaveAsync(existing?.Id, new OrganisationRequest(name, domains, Field("notes") ?? existing?.Notes), ct);
            if (!saved.Succeeded)
            {
                errors.AddRange(saved.Failure!.Errors.SelectMany(e => e.Value.Select(m => $"line {line}: {e.Key}: {m}")));
                db.ChangeTracker.Clear();
                continue;
            }
            var tags = Field("tags")?.Split(Separators, StringSplitOptions.RemoveEmptyEntries) ?? [];
            var values = fieldColumns.Select(c => (Key: c["field.".Length..], Value: Field(c))).Where(f => f.Value is not null)
                .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
            if (tags.Length + values.Count > 0)
            {
                var profile = await profiles.RunAsync(ProfileKind.Organisation, saved.Value.Id, new ProfileRequest(tags, null, values), actor, ct);
                if (!profile.Succeeded)
                {
                    errors.AddRange(profile.Failure!.Errors.SelectMany(e => e.Value.Select(m => $"line {line}: {e.Key.Replace("customFields.", "field.", StringComparison.Ordinal)}: {m}")));
                }
            }
            if (existing is null)
            {
                created++;
            }
            else
            {
                updated++;
            }
            db.ChangeTracker.Clear();
            progress?.Invoke(rows);
        }
        return new Report(rows, created, updated, errors);
    }
}
