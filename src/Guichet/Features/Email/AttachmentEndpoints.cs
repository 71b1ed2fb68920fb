using Guichet.Hosting.Web;
using Guichet.Core.Data;
using Guichet.Core.Email;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Guichet.Features.Email;

/// <summary>
/// GET /api/attachments/{id}: a file a customer sent, cut out of the stored raw email. Always a
/// download (Content-Disposition: attachment, nosniff) and only a few inert types keep their own
/// content type: a customer's file is never rendered inside Guichet's origin.
/// </summary>
public static class AttachmentEndpoints
{
    private static readonly HashSet<string> InertTypes = ["application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", "text/plain", "text/csv", "message/rfc822"];

    public static RouteGroupBuilder MapAttachments(this RouteGroupBuilder api)
    {
        api.MapGet("/attachments/{id:long}", async (long id, HttpContext http, GuichetDb db, CancellationToken ct) =>
        {
            var found = await db.Attachments.AsNoTracking()
                .Where(a => a.Id == id)
                .Join(db.InboundEmails, a => a.InboundEmailId, e => e.Id, (a, e) => new { a.Part, a.FileName, a.ContentType, e.Raw })
                .FirstOrDefaultAsync(ct);
            if (found is null)
            {
                return Problems.Field(StatusCodes.Status404NotFound, "Not found", "id", $"There is no attachment {id}.");
            }
            using var mail = MailParse.Load(found.Raw);
            var part = MailAttachments.Find(MailAttachments.Of(mail), found.Part, found.FileName);
            if (part is null)
            {
                return Problems.Field(StatusCodes.Status409Conflict, "Attachment unreadable", "id", $"The stored email no longer yields attachment {id}.");
            }
            http.Response.Headers.XContentTypeOptions = "nosniff";
            var type = InertTypes.Contains(found.ContentType) ? found.ContentType : "application/octet-stream";
            return TypedResults.File(MailAttachments.Read(part), type, found.FileName);
        })
        .WithTags("Email")
        .WithSummary("Download a file that came with a customer's message.");
        return api;
    }
}
