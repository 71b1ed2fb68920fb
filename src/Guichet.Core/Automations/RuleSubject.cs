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
    string? Text,
    IReadOnlyCollection<string>? TagsAdded = null);
