using Guichet.Core.Calendars;
using Guichet.Core.Cases;

namespace Guichet.Core.Automations;

/// <summary>What a rule's conditions see of a case at the moment it runs, and what made it run: a message's words, the tags a change added.</summary>
public sealed record RuleSubject(
    long CaseId,
    Channel Channel,
    long TeamId,
    CasePriority Priority,
    CaseStatus Status,
    long? OwnerId,
    string Tier,
    string Language,
    IReadOnlySet<long> Organisations,
    IReadOnlySet<string> Tags,
    IReadOnlyDictionary<string, string> Fields,
    ServiceCalendar Calendar,
    DateTimeOffset At,
    string? Words,
    IReadOnlyCollection<string>? TagsAdded = null)
{
    /// <summary>A message's text (with the case's subject) as conditions read it: folded once (<see cref="Guichet.Core.Words.Padded"/>).</summary>
    public static string? Fold(string? text) => text is null ? null : Guichet.Core.Words.Padded(text);
}
