using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Files;

/// <summary>
/// POST /api/cases/{id}/files: files uploaded ahead of the reply that will carry them (issue 26),
/// checked as a whole (<see cref="FileChecks"/>, the team's limit): all are stored, or none.
/// </summary>
public sealed class UploadFiles(GuichetDb db, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<StoredFile>>> RunAsync(long caseId, IReadOnlyList<NewFile> files, Agent actor, CancellationToken ct = default)
    {
        if (files.Count == 0)
        {
            return Failure.Invalid("files", "No file was given: send multipart/form-data with one or more parts named \"file\".");
        }
        var team = await db.Cases.Where(c => c.Id == caseId).Select(c => c.Team).AsNoTracking().FirstOrDefaultAsync(ct);
        if (team is null)
        {
            return CaseQueries.CaseNotFound(caseId);
        }
        var errors = new ValidationErrors();
        var accepted = FileChecks.Check(files, team.AttachmentLimitBytes, caseId, actor.Id, clock.Now(), errors);
        if (errors.Any)
        {
            return errors;
        }
        db.Files.AddRange(accepted);
        await db.SaveChangesAsync(ct);
        return Result<IReadOnlyList<StoredFile>>.Ok(accepted);
    }
}
