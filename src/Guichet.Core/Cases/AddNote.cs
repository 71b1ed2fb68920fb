using Guichet.Core.Agents;
using Guichet.Core.Data;

namespace Guichet.Core.Cases;

/// <summary>An internal note: visible to every agent on the case, never to the customer (SPEC K2).</summary>
public sealed class AddNote(GuichetDb db, TimeProvider clock)
{
    public const int MaxLength = 20_000;

    public async Task<Result<CaseEvent>> RunAsync(long caseId, string? text, Agent actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Failure.Invalid("text", "The note is empty.");
        }
        if (text.Length > MaxLength)
        {
            return Failure.Invalid("text", $"The note is longer than {MaxLength} characters.");
        }
        var @case = await db.FindCaseAsync(caseId, ct);
        if (@case is null)
        {
            return CaseQueries.CaseNotFound(caseId);
        }
        @case.AddNote(actor, text.Trim(), clock.Now());
        await db.SaveChangesAsync(ct);
        return @case.Events[^1];
    }
}
