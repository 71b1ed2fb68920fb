using Guichet.Core.Cases;
using Guichet.Core.Promises;

namespace Guichet.Core.ServiceLevels;

/// <summary>
/// A service level (SPEC W8): for the cases it matches (a priority, a customer tier, an
/// organisation, a team; unset matches any), targets in the team's business hours for the first
/// reply, the next reply after each customer message and the resolution. Each target is a promise
/// on the case under the policy's name (<see cref="ServiceTargets"/>), so the watcher renegotiates
/// it with the customer before it lapses (P3) and a lapse counts as a silent breach (P6). The first
/// policy that matches, by <see cref="Position"/>, applies.
/// </summary>
public sealed class ServicePolicy
{
    public long Id { get; private set; }
    public required string Name { get; set; }
    public int Position { get; set; }
    public bool Active { get; set; } = true;
    public CasePriority? Priority { get; set; }
    public string? Tier { get; set; }
    public long? OrganisationId { get; set; }
    public long? TeamId { get; set; }
    public double? FirstReplyHours { get; set; }
    public double? NextReplyHours { get; set; }
    public double? ResolutionHours { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    public bool Matches(Case @case, Func<IReadOnlySet<long>> organisations) =>
        Active
        && (Priority is null || Priority == @case.Priority)
        && (Tier is null || string.Equals(Tier, @case.Customer.Tier, StringComparison.OrdinalIgnoreCase))
        && (TeamId is null || TeamId == @case.TeamId)
        && (OrganisationId is not { } org || organisations().Contains(org));

    public double? HoursFor(PromiseKind kind) => kind switch
    {
        PromiseKind.FirstResponse => FirstReplyHours,
        PromiseKind.NextReply => NextReplyHours,
        PromiseKind.Resolution => ResolutionHours,
        _ => null,
    };

    /// <summary>What the target promises, with the policy's name: the case page, notices' history and the report show it.</summary>
    public string What(PromiseKind kind) => kind switch
    {
        PromiseKind.FirstResponse => $"{OpenCase.FirstResponseWhat} — {Name}",
        PromiseKind.NextReply => $"Next reply — {Name}",
        _ => $"Resolution — {Name}",
    };
}
