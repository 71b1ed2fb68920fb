using Guichet.Core.Cases;

namespace Guichet.Core.Journeys;

/// <summary>
/// What a test journey checks (SPEC M5), as rules over what happened on its case: first the
/// acknowledgment (in time, with a concrete date: P1), then the answer (a person, by the date the
/// acknowledgment gave: P2), and at every step that nobody sent the customer elsewhere (C3).
/// </summary>
public static class JourneyCheck
{
    public sealed record Finding(string Code, string Why);

    /// <summary>A message the company sent on the journey's case.</summary>
    public sealed record Sent(MessageKind Kind, bool Automatic, DateTimeOffset At, string Body, bool StatesItsDate);

    public sealed record Facts(DateTimeOffset AckDeadline, IReadOnlyList<Sent> Outgoing, int RedirectEvents, DateTimeOffset? FirstAnsweredAt);

    public static Sent? AcknowledgmentOf(Facts facts) => facts.Outgoing.Where(m => m.Kind == MessageKind.Acknowledgment).MinBy(m => m.At);

    public static List<Finding> AtAcknowledgment(Facts facts)
    {
        var findings = new List<Finding>();
        var ack = AcknowledgmentOf(facts);
        if (ack is null || ack.At > facts.AckDeadline)
        {
            findings.Add(new("P1.acknowledgment", ack is null
                ? $"No acknowledgment by {facts.AckDeadline:O}."
                : $"The acknowledgment came at {ack.At:O}, after {facts.AckDeadline:O}."));
        }
        else if (!ack.StatesItsDate)
        {
            findings.Add(new("P1.date", "The acknowledgment does not state a concrete date for the answer."));
        }
        findings.AddRange(Redirects(facts));
        return findings;
    }

    public static List<Finding> AtAnswer(Facts facts, DateTimeOffset answerDue)
    {
        var findings = new List<Finding>();
        if (facts.FirstAnsweredAt is not { } answered || answered > answerDue)
        {
            findings.Add(new("P2.answer", facts.FirstAnsweredAt is { } late
                ? $"A person answered at {late:O}, after the {answerDue:O} the acknowledgment promised."
                : $"Nobody answered by {answerDue:O}, the date the acknowledgment promised."));
        }
        findings.AddRange(Redirects(facts));
        return findings;
    }

    private static IEnumerable<Finding> Redirects(Facts facts)
    {
        if (facts.RedirectEvents > 0 || facts.Outgoing.Any(m => Replies.SendGuard.SendsElsewhere(m.Body)))
        {
            yield return new("C3.redirect", "The customer was told to go elsewhere instead of being helped or transferred.");
        }
    }
}
