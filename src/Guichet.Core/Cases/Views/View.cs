namespace Guichet.Core.Cases.Views;

/// <summary>
/// A saved filter over cases (SPEC W4), the agent's own or shared with a team (made by its leads)
/// or with everyone (made by an admin). Each criterion is a column, so a view reads as a query on
/// the case indexes; null means "any".
/// </summary>
public sealed class View : Sharing.IShared
{
    public long Id { get; private set; }
    public required string Name { get; set; }
    /// <summary>A personal view's person; null for a shared one.</summary>
    public long? OwnerId { get; init; }
    /// <summary>A team's shared view; null with no owner: everyone's.</summary>
    public long? TeamId { get; init; }
    public int Position { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>"active" (new, open, waiting on the customer), a status's wire name, or null for all.</summary>
    public string? Status { get; set; }
    public string? Team { get; set; }
    /// <summary>"me" (whoever reads the view), "nobody", or a person's id.</summary>
    public string? Owner { get; set; }
    public string? Tag { get; set; }
    public CasePriority? Priority { get; set; }
    public Channel? Channel { get; set; }
    /// <summary>Cases with a promise due within this many hours from now (overdue included).</summary>
    public int? DueWithinHours { get; set; }
    public bool CustomerWaiting { get; set; }
    /// <summary>Cases of the customers of this organisation (W12).</summary>
    public long? OrganisationId { get; set; }
    /// <summary>Case fields the case holds, each "key=value", the value as its field's type writes it (W5).</summary>
    public List<string> Fields { get; set; } = [];
    /// <summary>The list's columns in the agent's order (<see cref="ViewColumns"/>); empty: the inbox's.</summary>
    public List<string> Columns { get; set; } = [];
    /// <summary>"due" (next promise first, the inbox's order), "newest", "updated" or "priority".</summary>
    public string Sort { get; set; } = "due";
}
