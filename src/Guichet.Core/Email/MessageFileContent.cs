using System.Runtime.CompilerServices;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Guichet.Core.Email;

/// <summary>
/// The bytes of files on messages, wherever they are kept: a stored file, or the part of a
/// received email. One at a time, in the order given, each email read and parsed once for its
/// files that follow one another (a message's files), so a whole customer's files never sit in memory together.
/// </summary>
public static class MessageFileContent
{
    public static async Task<IReadOnlyList<OutgoingMail.File>> ReadAsync(GuichetDb db, long messageId, CancellationToken ct)
    {
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.MessageId == messageId).OrderBy(a => a.Id).ToListAsync(ct);
        var files = new List<OutgoingMail.File>();
        await foreach (var (attachment, content) in ReadEachAsync(db, attachments, ct))
        {
            files.Add(new OutgoingMail.File(attachment.FileName, attachment.ContentType, content));
        }
        return files;
    }

    /// <summary>One file's bytes; null when the email that held it no longer yields it.</summary>
    public static async Task<byte[]?> ReadAsync(GuichetDb db, Attachment attachment, CancellationToken ct)
    {
        await foreach (var (_, content) in ReadEachAsync(db, [attachment], ct))
        {
            return content;
        }
        return null;
    }

    /// <summary>Each file with its bytes; a file whose email no longer yields it is left out.</summary>
    public static async IAsyncEnumerable<(Attachment Attachment, byte[] Content)> ReadEachAsync(GuichetDb db, IEnumerable<Attachment> attachments, [EnumeratorCancellation] CancellationToken ct)
    {
        long? openId = null;
        MimeMessage? open = null;
        IReadOnlyList<MimePart> parts = [];
        try
        {
            foreach (var attachment in attachments)
            {
                byte[]? content = null;
                if (attachment.StoredFileId is { } stored)
                {
                    content = await db.Files.AsNoTracking().Where(f => f.Id == stored).Select(f => f.Content).FirstOrDefaultAsync(ct);
                }
                else if (attachment.InboundEmailId is { } email)
                {
                    if (openId != email)
                    {
                        open?.Dispose();
                        open = null;
                        parts = [];
                        openId = email;
                        var raw = await db.InboundEmails.AsNoTracking().Where(e => e.Id == email).Select(e => e.Raw).FirstOrDefaultAsync(ct);
                        if (raw is { Length: > 0 })
                        {
                            open = MailParse.Load(raw);
                            parts = MailAttachments.Of(open);
                        }
                    }
                    content = open is not null && MailAttachments.Find(parts, attachment.Part, attachment.FileName) is { } part ? MailAttachments.Read(part) : null;
                }
                if (content is not null)
                {
                    yield return (attachment, content);
                }
            }
        }
        finally
        {
            open?.Dispose();
        }
    }
}
