namespace Guichet.Core.Incidents;

/// <summary>
/// A declared crisis (SPEC E3: a storm, a flood, a strike): for customers of its region, new and
/// open cases are tagged and raised, answered with the crisis texts, and the fees it lists are
/// waived, so no disaster victim is asked to return a modem or pay a fee (seeds/001).
/// </summary>
public sealed class Crisis
{
    public long Id { get; private set; }
    public required string Name { get; set; }
    /// <summary>storm, flood, outage, strike…</summary>
    public required string Kind { get; set; }
    /// <summary>Postal codes or prefixes ending in * ("31*, 32000"), comma separated.</summary>
    public required string Regions { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset? EndsAt { get; set; }
    /// <summary>Fees waived for its customers, one per line: "CODE: what it is".</summary>
    public string Fees { get; set; } = "";
    /// <summary>The crisis acknowledgment (Liquid), sent instead of the team's to its customers' new contacts.</summary>
    public string? Acknowledgment { get; set; }
    /// <summary>The crisis answer agents start from (Liquid), offered as the template "crisis".</summary>
    public string? Reply { get; set; }
    public string DeclaredBy { get; set; } = "";
    public DateTimeOffset DeclaredAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? EndedBy { get; set; }

    public bool IsActive(DateTimeOffset now) => EndedAt is null && StartsAt <= now && (EndsAt is null || now < EndsAt);

    public bool Covers(string? postalCode) => CrisisRegion.Contains(Regions, postalCode);

    /// <summary>The active crisis covering a postal code, the newest when several do.</summary>
    public static Crisis? Covering(IEnumerable<Crisis> crises, string? postalCode, DateTimeOffset now) =>
        postalCode is null ? null : crises.Where(c => c.IsActive(now) && c.Covers(postalCode)).MaxBy(c => c.Id);

    public IReadOnlyList<(string Code, string Label)> FeeList => Fees.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.Split(':', 2, StringSplitOptions.TrimEntries)).Select(p => (p[0], p.Length > 1 ? p[1] : "")).ToList();
}
