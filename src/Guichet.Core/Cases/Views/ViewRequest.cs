namespace Guichet.Core.Cases.Views;

/// <summary>
/// POST /api/views, PUT /api/views/{id}: a view's name, who it is for ("me", "team": the maker's
/// team, made by a lead; "everyone": made by an admin), its criteria, each optional (a change
/// replaces them all), and the columns its list shows.
/// </summary>
public sealed record ViewRequest(
    string? Name,
    string? Share = null,
    string? Status = null,
    string? Team = null,
    string? Owner = null,
    string? Tag = null,
    string? Priority = null,
    string? Channel = null,
    int? DueWithinHours = null,
    bool? CustomerWaiting = null,
    string? Sort = null,
    long? Organisation = null,
    IReadOnlyDictionary<string, string?>? CustomFields = null,
    IReadOnlyList<string>? Columns = null);
