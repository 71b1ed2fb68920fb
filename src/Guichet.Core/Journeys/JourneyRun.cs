using Guichet.Core.Cases;

namespace Guichet.Core.Journeys;

public enum JourneyRunState
{
    Running,
    Passed,
    Failed,
}

/// <summary>One run of a test journey: its case, what was checked when, and what failed (codes of SPEC rules).</summary>
public sealed class JourneyRun
{
    public long Id { get; private set; }
    public long JourneyId { get; init; }
    public TestJourney Journey { get; init; } = null!;
    public DateTimeOffset StartedAt { get; init; }
    public long? CaseId { get; private set; }
    public Case? Case { get; private set; }
    public DateTimeOffset AckDeadline { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    /// <summary>The first-response promise's due time the acknowledgment stated: when a person must have answered.</summary>
    public DateTimeOffset? AnswerDueAt { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public JourneyRunState State { get; private set; } = JourneyRunState.Running;
    /// <summary>What failed, one "code: why" per line.</summary>
    public string Failures { get; private set; } = "";
    /// <summary>When the runner looks at it next; null once finished. Indexed.</summary>
    public DateTimeOffset? CheckAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    public static JourneyRun Start(TestJourney journey, DateTimeOffset now) => new()
    {
        JourneyId = journey.Id,
        Journey = journey,
        StartedAt = now,
        AckDeadline = now.AddMinutes(journey.AckWithinMinutes),
    };

    public void Opened(Case @case)
    {
        Case = @case;
        CaseId = @case.Id;
        CheckAt = AckDeadline;
    }

    /// <summary>The acknowledgment passed: the answer is checked when its promise falls due.</summary>
    public void Acknowledged(DateTimeOffset at, DateTimeOffset answerDue)
    {
        AcknowledgedAt = at;
        AnswerDueAt = answerDue;
        CheckAt = answerDue;
    }

    public void Finish(IReadOnlyList<JourneyCheck.Finding> failures, DateTimeOffset? answeredAt, DateTimeOffset now)
    {
        AnsweredAt = answeredAt;
        State = failures.Count == 0 ? JourneyRunState.Passed : JourneyRunState.Failed;
        Failures = string.Join("\n", failures.Select(f => $"{f.Code}: {f.Why}"));
        CheckAt = null;
        FinishedAt = now;
    }
}
