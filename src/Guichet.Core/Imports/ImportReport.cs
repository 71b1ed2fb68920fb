using System.Text.Json.Serialization;

namespace Guichet.Core.Imports;

/// <summary>
/// What an import did, or would do in a dry run: per kind of record, how many were created, updated
/// or found unchanged, and every record refused with its reason (the first <see cref="MaxListed"/>
/// listed, all counted).
/// </summary>
public sealed class ImportReport(string source, bool dryRun)
{
    public const int MaxListed = 10_000;

    public string Source { get; } = source;
    public bool DryRun { get; } = dryRun;
    public SortedDictionary<string, int> Created { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, int> Updated { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, int> Unchanged { get; } = new(StringComparer.Ordinal);
    public int RefusedCount { get; private set; }
    public List<RefusedEntry> Refused { get; } = [];

    public sealed record RefusedEntry(string Kind, string ExternalId, string Reason);

    public void Count(SortedDictionary<string, int> counts, string kind, int n = 1) => counts[kind] = counts.GetValueOrDefault(kind) + n;

    public void Refuse(string kind, string externalId, string reason)
    {
        RefusedCount++;
        if (Refused.Count < MaxListed)
        {
            Refused.Add(new RefusedEntry(kind, externalId, reason));
        }
    }

    [JsonIgnore]
    public int CasesSeen => Created.GetValueOrDefault("case") + Updated.GetValueOrDefault("case") + Unchanged.GetValueOrDefault("case");
}
