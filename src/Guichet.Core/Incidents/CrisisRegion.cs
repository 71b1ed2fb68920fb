namespace Guichet.Core.Incidents;

/// <summary>A crisis region: postal codes ("32000") and prefixes ("31*" for a département, "H3*" for a Montreal area).</summary>
public static class CrisisRegion
{
    public static bool Contains(string regions, string? postalCode)
    {
        if (string.IsNullOrWhiteSpace(postalCode))
        {
            return false;
        }
        var code = Normalise(postalCode);
        return Entries(regions).Any(e => e.EndsWith('*') ? code.StartsWith(e[..^1], StringComparison.Ordinal) : code == e);
    }

    public static IReadOnlyList<string> Entries(string regions) =>
        regions.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Normalise).ToList();

    /// <summary>Uppercase, no spaces: "h3a 1b2" and "H3A1B2" are the same code.</summary>
    public static string Normalise(string code) => string.Concat(code.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
