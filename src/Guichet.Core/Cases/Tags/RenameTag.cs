using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases.Tags;

/// <summary>
/// An admin renames a tag everywhere, or merges it into another (SPEC W5: "remboursment" into
/// "remboursement"): every case keeps one of each; nothing else changes on the cases.
/// </summary>
public sealed class RenameTag(GuichetDb db)
{
    public sealed record Renamed(string From, string To, int Cases);

    public async Task<Result<Renamed>> RunAsync(string? from, string? to, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var old = TagName.Normalise(from);
        var name = TagName.Normalise(to);
        if (old is null)
        {
            errors.Add("from", $"'{from}' is not a tag.");
        }
        if (name is null)
        {
            errors.Add("to", $"'{to}' is not a tag: letters, digits and dashes, 1 to {TagName.MaxLength} characters.");
        }
        if (errors.Any)
        {
            return errors;
        }
        if (old == name)
        {
            return new Renamed(old!, name!, 0);
        }
        await using var tx = await db.OwnTransactionAsync(ct);
        // Cases that already carry the new name lose the old one; the others have it renamed.
        await db.CaseTags.Where(t => t.Name == old && db.CaseTags.Any(o => o.CaseId == t.CaseId && o.Name == name)).ExecuteDeleteAsync(ct);
        var moved = await db.CaseTags.Where(t => t.Name == old).ExecuteUpdateAsync(s => s.SetProperty(t => t.Name, name), ct);
        await tx.CommitIfOwnAsync(ct);
        return new Renamed(old!, name!, moved);
    }
}
