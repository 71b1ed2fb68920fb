using Guichet.Hosting.Web;
using Guichet.Core.Data;
using Guichet.Core.Email;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Guichet.Features.Email;

/// <summary>
/// GET /api/attachments/{id}: a file a customer sent, cut out of the stored raw email. Always a
/// download (Content-Disposition: attachment, nosniff) and only a few inert types keep their own
/// content type: a customer's file is never rendered inside Guichet's origin. Its HTML is, only
/// once sanitised (<see cref="MessageHtml"/>), under the same strict Content-Security-Policy.
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
        .ProducesFile("application/octet-stream")
        .WithSummary("Download a file that came with a customer's message.");

        api.MapGet("/cases/{id:long}/messages/{messageId:long}/html", async (long id, long messageId, GuichetDb db, CancellationToken ct) =>
        {
            // Offered where the text loses something: a message that came with files, some of them perhaps the images its HTML shows.
            var files = await db.Attachments.AsNoTracking()
                .Join(db.Messages.Where(m => m.Id == messageId && m.CaseId == id), a => a.MessageId, m => m.Id, (a, m) => new { a.Id, a.Part, a.InboundEmailId })
                .ToListAsync(ct);
            if (files.Count == 0)
            {
                return Problems.Field(StatusCodes.Status404NotFound, "Not found", "messageId", $"Case {id} has no message {messageId} that came by email with files.");
            }
            var raw = await db.InboundEmails.AsNoTracking().Where(e => e.Id == files[0].InboundEmailId).Select(e => e.Raw).FirstAsync(ct);
            using var mail = MailParse.Load(raw);
            var byPart = files.ToDictionary(f => f.Part, f => f.Id);
            var html = MessageHtml.Of(mail, at => byPart.TryGetValue(at, out var file) ? $"/api/attachments/{file}" : null);
            if (html is null)
            {
                return Problems.Field(StatusCodes.Status404NotFound, "No HTML", "messageId", $"Message {messageId} has no HTML part: its text is on the case.");
            }
            return TypedResults.Content($"<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Message {messageId}</title></head><body>{html}</body></html>", "text/html; charset=utf-8");
        })
        .WithTags("Email")
        .ProducesText("text/html")
        .WithSummary("A message's HTML as its sender laid it out, sanitised, its cid: images shown from its files and remote images left out.");
        return api;
    }
}
