using Guichet.Core.Agents;
using Guichet.Core.Data;
using Guichet.Core.Files;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases;

/// <summary>
/// The files a message carries (issue 26): new ones given with it (a form's upload, checked by
/// <see cref="FileChecks"/>), files uploaded to the case before, and files already on the case sent
/// on again. All of them belong to this case; together they stay within the team's limit. Nothing is
/// stored until the message is: the caller adds the rows and saves them with it.
/// </summary>
public static class MessageFiles
{
    public static async Task<Result<List<Attachment>>> ResolveAsync(GuichetDb db, Case @case, IReadOnlyList<long>? uploaded, IReadOnlyList<long>? onCase,
        IReadOnlyList<NewFile>? given, Agent? actor, DateTimeOffset now, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var limit = @case.Team.AttachmentLimitBytes;
        var fresh = FileChecks.Check(given ?? [], limit, @case.Id, actor?.Id, now, errors);
        var stored = new List<StoredFile>();
        if (uploaded is { Count: > 0 })
        {
            var ids = uploaded.Distinct().ToList();
            stored = await db.Files.Where(f => ids.Contains(f.Id) && f.CaseId == @case.Id).ToListAsync(ct);
            foreach (var missing in ids.Where(id => stored.All(f => f.Id != id)))
            {
                errors.Add("files", $"There is no file {missing} uploaded to case {@case.Reference}.");
            }
            stored = [.. ids.Select(id => stored.FirstOrDefault(f => f.Id == id)).OfType<StoredFile>()];
        }
        var again = new List<Attachment>();
        if (onCase is { Count: > 0 })
        {
            var ids = onCase.Distinct().ToList();
            again = await db.Attachments.AsNoTracking().Where(a => ids.Contains(a.Id) && db.Messages.Any(m => m.Id == a.MessageId && m.CaseId == @case.Id)).ToListAsync(ct);
            foreach (var missing in ids.Where(id => again.All(a => a.Id != id)))
            {
                errors.Add("attachments", $"Case {@case.Reference} has no file {missing} on its messages.");
            }
            again = [.. ids.Select(id => again.FirstOrDefault(a => a.Id == id)).OfType<Attachment>()];
        }
        var total = fresh.Sum(f => f.Size) + stored.Sum(f => f.Size) + again.Sum(a => a.Size);
        if (!errors.Any && total > limit)
        {
            errors.Add("files", $"The files come to {FileChecks.Megabytes(total)}, over this team's limit of {FileChecks.Megabytes(limit)} per message.");
        }
        if (errors.Any)
        {
            return errors;
        }
        var attachments = new List<Attachment>();
        foreach (var file in fresh)
        {
            attachments.Add(new Attachment { File = file, Part = attachments.Count, FileName = file.FileName, ContentType = file.ContentType, Size = file.Size });
        }
        foreach (var file in stored)
        {
            attachments.Add(new Attachment { StoredFileId = file.Id, Part = attachments.Count, FileName = file.FileName, ContentType = file.ContentType, Size = file.Size });
        }
        foreach (var file in again)
        {
            // The same bytes, where they already are: an email's part keeps its position in that email.
            attachments.Add(new Attachment
            {
                InboundEmailId = file.InboundEmailId,
                StoredFileId = file.StoredFileId,
                Part = file.InboundEmailId is null ? attachments.Count : file.Part,
                FileName = file.FileName,
                ContentType = file.ContentType,
                Size = file.Size,
            });
        }
        return attachments;
    }
}
