namespace Guichet.Core.Customers;

/// <summary>
/// An agent's decision that two customers are one person (C2): what moved from one to the other,
/// so that the merge can be undone exactly, and who decided.
/// </summary>
public sealed class CustomerMerge
{
    public long Id { get; private set; }
    public long IntoId { get; init; }
    public long FromId { get; init; }
    public DateTimeOffset At { get; init; }
    public long? ByAgentId { get; init; }
    /// <summary>Ids of the identities and cases that moved, comma-separated.</summary>
    public string IdentityIds { get; init; } = "";
    public string CaseIds { get; init; } = "";
    public string AssetIds { get; init; } = "";
    public DateTimeOffset? UndoneAt { get; set; }

    public static string Join(IEnumerable<long> ids) => string.Join(',', ids);

    public static long[] Split(string ids) => ids.Length == 0 ? [] : ids.Split(',').Select(x => long.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
