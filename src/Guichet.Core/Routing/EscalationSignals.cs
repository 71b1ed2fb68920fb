using Guichet.Core.Cases;

namespace Guichet.Core.Routing;

/// <summary>Who a case goes up to (SPEC E1, E2): the team lead, or the service manager.</summary>
public enum EscalationLevel
{
    None,
    Lead,
    Manager,
}

/// <summary>One reason to put a case to a lead or a manager, with the words that showed it.</summary>
public sealed record Signal(string Code, EscalationLevel Level, string Reason);

/// <summary>An earlier message of the case, oldest first.</summary>
public sealed record PastMessage(MessageDirection Direction, string Body, bool Automatic)
{
    public long Id { get; init; }
}

/// <summary>
/// Reads a customer's new message against the case's history (SPEC E1, E2, C5): fraud and
/// identity theft reports, the team's major problems (lost parcel or baggage, safety, legal…),
/// a conversation that stalls (customers writing again and again with no answer in between, or
/// repeating themselves), and anger rising. Every signal says what was found.
/// </summary>
public static class EscalationSignals
{
    /// <summary>Customer messages in a row with no person's answer between them that make a stalled conversation.</summary>
    public const int StalledAfter = 3;

    // E2: a fraud or phishing report is for a specialist, never an hour of a front-line agent's puzzlement (seeds/001).
    private static readonly Language.Vocabulary Fraud = Language.Vocabulary.Of(
    [
        "fraude|frauduleux|frauduleuse|frauduleuses|frauduleusement|hameçonnage|phishing|usurpation|arnaque|arnaqué*|escroquerie|escroqué*|fraud|fraudulent|scam|scammed|spoofing|spoofed",
        "vol|volé|usurpé|usurpée identité", "identity theft|stolen|fraud", "stolen identity",
        "piratage|piraté|piratée|hacked|hijacked|compromised", "compte|account piraté|pirate|hacked|compromised",
    ]);

    public static IReadOnlyList<Signal> Read(string message, IReadOnlyList<PastMessage> history, MajorProblems majorProblems)
    {
        var text = new FoldedText(message);
        var earlier = history.Where(m => m.Direction == MessageDirection.In && !m.Automatic).Select(m => new FoldedText(m.Body)).ToList();
        return Read(text, history, earlier, Repetition.Best(text, earlier), majorProblems);
    }

    /// <param name="earlier">The customer's earlier messages, folded, oldest first.</param>
    /// <param name="repeated">What <see cref="Repetition.Best(FoldedText, IReadOnlyList{FoldedText})"/> found, computed once by the caller.</param>
    public static IReadOnlyList<Signal> Read(FoldedText text, IReadOnlyList<PastMessage> history, IReadOnlyList<FoldedText> earlier, (double Share, int Index)? repeated, MajorProblems majorProblems)
    {
        var signals = new List<Signal>();
        if (Fraud.FirstIn(text.Rule) is { } fraud)
        {
            signals.Add(new("E2.fraud", EscalationLevel.Lead, $"Possible fraud or identity theft: the customer wrote « {fraud.Written} »."));
        }
        foreach (var problem in majorProblems.Rules)
        {
            if (problem.FirstIn(text.Rule) is { } found)
            {
                signals.Add(new($"E2.{problem.Code}", problem.Level, $"Major problem ({problem.Code}): the customer wrote « {found.Written} »."));
            }
        }

        var people = history.Where(m => !m.Automatic).ToList();
        var sinceAnswer = people.Count - 1 - people.FindLastIndex(m => m.Direction == MessageDirection.Out);
        var waiting = people.Skip(people.Count - sinceAnswer).Count(m => m.Direction == MessageDirection.In) + 1;
        if (waiting >= StalledAfter)
        {
            signals.Add(new("E1.stalled", EscalationLevel.Lead, $"Stalled: the customer has written {waiting} times without an answer."));
        }
        if (repeated is { } again && waiting >= 2)
        {
            signals.Add(new("E1.repeated", EscalationLevel.Lead, $"Stalled: the customer repeats what they already wrote ({again.Share:P0} of it), still without an answer."));
        }
        var tone = text.Tone;
        var before = earlier.Count == 0 ? 0 : earlier[^1].Tone.Score;
        if ((tone.Score >= 2 && tone.Score > before) || tone.Score >= 4)
        {
            signals.Add(new("E1.tone", EscalationLevel.Lead, $"Anger rising: « {string.Join(" », « ", tone.Found)} »."));
        }
        return signals;
    }
}
