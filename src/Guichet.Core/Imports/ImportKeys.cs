using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Imports;

/// <summary>
/// The source's ids already brought, and the ones this run brings. The small kinds (teams, fields,
/// organisations, people) are kept in memory for the run; cases are looked up a batch at a time. A
/// dry run writes nothing: what it would create gets a stand-in id (negative) so later records see it.
/// </summary>
internal sealed class ImportKeys(GuichetDb db, string source, bool dryRun)
{
    private static readonly string[] Small = ["team", "field", "organisation", "agent", "customer"];
    private readonly Dictionary<(string Kind, string Id), long> _known = [];
    private readonly HashSet<string> _dryCases = [];
    private long _standIn;

    public bool DryRun => dryRun;

    public async Task LoadSmallAsync(CancellationToken ct)
    {
        var rows = await db.ImportedKeys.AsNoTracking().Where(k => k.Source == source && Small.Contains(k.Kind))
            .Select(k => new { k.Kind, k.ExternalId, k.LocalId }).ToListAsync(ct);
        foreach (var k in rows)
        {
            _known[(k.Kind, k.ExternalId)] = k.LocalId;
        }
    }

    public long? Find(string kind, string? id) => id is not null && _known.TryGetValue((kind, ImportedKey.Normalise(id)), out var local) ? local : null;

    /// <summary>Remembers what was brought; the key row is written with the record (unless a dry run).</summary>
    public long Add(string kind, string id, long localId, string? version = null, string? children = null)
    {
        id = ImportedKey.Normalise(id);
        _known[(kind, id)] = localId;
        if (!dryRun)
        {
            db.ImportedKeys.Add(new ImportedKey { Source = source, Kind = kind, ExternalId = id, LocalId = localId, Version = version, Children = children });
        }
        return localId;
    }

    /// <summary>Remembers a key written by the caller (with the rows of its batch).</summary>
    public ImportedKey Remember(string kind, string id, long localId, string? version, string? children) =>
        new() { Source = source, Kind = kind, ExternalId = ImportedKey.Normalise(id), LocalId = localId, Version = version, Children = children };

    /// <summary>A stand-in id for what a dry run would create.</summary>
    public long StandIn() => --_standIn;

    /// <summary>The cases of this batch brought before (tracked, so a newer version updates its key).</summary>
    public async Task<Dictionary<string, ImportedKey>> CasesAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var list = ids.Select(ImportedKey.Normalise).ToList();
        var found = await db.ImportedKeys.Where(k => k.Source == source && k.Kind == "case" && list.Contains(k.ExternalId)).ToDictionaryAsync(k => k.ExternalId, ct);
        if (dryRun)
        {
            foreach (var id in list.Where(_dryCases.Contains).Where(id => !found.ContainsKey(id)))
            {
                found[id] = new ImportedKey { Source = source, Kind = "case", ExternalId = id, LocalId = 0 };
            }
        }
        return found;
    }

    public void DryCase(string id) => _dryCases.Add(ImportedKey.Normalise(id));

    /// <summary>Case keys of many tickets at once (normalised id → local id; 0 for a case this dry run would create).</summary>
    public async Task<Dictionary<string, long>> CasesOfAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var list = ids.Select(ImportedKey.Normalise).Distinct().ToList();
        var found = await db.ImportedKeys.AsNoTracking().Where(k => k.Source == source && k.Kind == "case" && list.Contains(k.ExternalId))
            .ToDictionaryAsync(k => k.ExternalId, k => k.LocalId, ct);
        foreach (var id in list.Where(id => dryRun && _dryCases.Contains(id)))
        {
            found.TryAdd(id, 0);
        }
        return found;
    }

    /// <summary>A case key (for merges), from the database or this dry run.</summary>
    public async Task<long?> CaseAsync(string id, CancellationToken ct)
    {
        id = ImportedKey.Normalise(id);
        return dryRun && _dryCases.Contains(id) ? 0
            : await db.ImportedKeys.AsNoTracking().Where(k => k.Source == source && k.Kind == "case" && k.ExternalId == id).Select(k => (long?)k.LocalId).FirstOrDefaultAsync(ct);
    }
}
