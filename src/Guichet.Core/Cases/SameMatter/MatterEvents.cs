namespace Guichet.Core.Cases;

/// <summary>The timeline's record of C1: why a message joined a case, and the "perhaps the same matter" hints.</summary>
public static class MatterEvents
{
    private const int MaxEvidence = 200;

    public static CaseEvent Joined(JoinReason why, string? evidence, DateTimeOffset now) =>
        CaseEvent.Create(CaseEventKind.Joined, now, null, why.ToWire(), null, Cut(evidence));

    /// <summary>On each of the two cases, naming the other by its reference.</summary>
    public static CaseEvent Perhaps(string otherReference, string? evidence, DateTimeOffset now) =>
        CaseEvent.Create(CaseEventKind.PerhapsSameMatter, now, null, null, otherReference, Cut(evidence));

    private static string? Cut(string? text) => string.IsNullOrEmpty(text) ? null : text.Length <= MaxEvidence ? text : text[..MaxEvidence];
}
