using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Email;

/// <summary>The bytes of a message's files, wherever they are kept: a stored file, or the part of a received email.</summary>
public static class MessageFileContent
{
    public static async Task<IReadOnlyList<OutgoingMail.File>> ReadAsync(GuichetDb db, long messageId, CancellationToken ct)
    {
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.MessageId == messageId).OrderBy(a => a.Id).ToListAsync(ct);
        var files = new List<OutgoingMail.File>();
        foreach (var attachment in attachments)
        {
            if (await ReadAsync(db, attachment, ct) is { } content)
            {
                files.Add(new OutgoingMail.File(attachment.FileName, attachment.ContentType, content));
            }
        }
        return files;
    }

    /// <summary>One file's bytes; null when the email that held it no longer yields it.</summary>
    public static async Task<byte[]?> ReadAsync(GuichetDb db, Attachment attachment, CancellationToken ct)
    {
        if (attachment.StoredFileId is { } stored)
        {
            return await db.Files.AsNoTracking().Where(f => f.Id == stored).Select(f => f.Content).FirstOrDefaultAsync(ct);
        }
        var raw = await db.InboundEmails.AsNoTracking().Where(e => e.Id == attachment.InboundEmailId).Select(e => e.Raw).FirstOrDefaultAsync(ct);
        if (raw is not { Length: > 0 })
        {
            return null;
        }
        using var mail = MailParse.Load(raw);
        return MailAttachments.Find(MailAttachments.Of(mail), attachment.Part, attachment.FileName) is { } part ? MailAttachments.Read(part) : null;
    }
}
