using Guichet.Core.Routing;

namespace Guichet.Core.Cases;

/// <summary>
/// The card a receiver reads first (SPEC C5): what the customer asked, what was promised and by
/// when, what was tried, and how the customer feels, so nobody asks them to explain again.
/// </summary>
public sealed record CaseSummary(
    string Asked,
    IReadOnlyList<CaseSummary.Commitment> Promised,
    IReadOnlyList<string> Tried,
    string Tone,
    IReadOnlyList<string> ToneWords,
    int Transfers,
    int ReExplanations,
    int CustomerMessages)
{
    public sealed record Commitment(string What, DateTimeOffset DueAt, string? Owner);

    private const int Excerpt = 300;

    /// <param name="case">With its messages, events and promises loaded.</param>
    public static CaseSummary Of(Case @case)
    {
        var people = @case.Messages.Where(m => !m.IsAutomatic).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToList();
        var fromCustomer = people.Where(m => m.Direction == MessageDirection.In && !m.IsSide).ToList();
        var asked = fromCustomer.FirstOrDefault()?.Body ?? @case.Subject;
        var tried = people.Where(m => m.Direction == MessageDirection.Out).Select(m => (m.CreatedAt, Text: $"{m.AuthorName}: {Cut(m.Body)}"))
            .Concat(@case.Events.Where(e => e.Kind is CaseEventKind.Note or CaseEventKind.Transferred or CaseEventKind.CallLogged)
                .Select(e => (CreatedAt: e.At, Text: $"{e.ActorName}: {Cut(e.Detail ?? "")}")))
            .OrderByDescending(t => t.CreatedAt).Take(5).OrderBy(t => t.CreatedAt).Select(t => t.Text).ToList();
        var reading = fromCustomer.Count == 0 ? new Tone.Reading(0, []) : Routing.Tone.Read(fromCustomer[^1].Body);
        return new CaseSummary(
            $"{@case.Subject} — {Cut(asked)}",
            @case.Promises.Where(p => p.IsActive).OrderBy(p => p.DueAt).Select(p => new Commitment(p.What, p.DueAt, p.Owner?.Name)).ToList(),
            tried,
            reading.Score switch { 0 => "calm", <= 2 => "annoyed", _ => "angry" },
            reading.Found,
            @case.Transfers,
            @case.ReExplanations,
            fromCustomer.Count);
    }

    private static string Cut(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= Excerpt ? flat : flat[..Excerpt] + "…";
    }
}
