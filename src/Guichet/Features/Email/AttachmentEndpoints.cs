using Guichet.Hosting.Web;
using Guichet.Core.Data;
using Guichet.Core.Email;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Guichet.Features.Email;

/// <summary>
/// GET /api/attachments/{id}: a file on a message, cut out of the stored raw email it came in or
/// read from the files given directly (a reply's, a portal or chat upload). Always a
/// download (Content-Disposition: attachment, nosniff) and only a few inert types keep their own
/// content type: a customer's file is never rendered inside Guichet's origin. Its HTML is, only
/// once sanitised (<see cref="MessageHtml"/>), under the same strict Content-Security-Policy.
/// </summary>
public static class AttachmentEndpoints
{
    public static RouteGroupBuilder MapAttachments(this RouteGroupBuilder api)
    {
        api.MapGet("/attachments/{id:long}", async (long id, HttpContext http, GuichetDb db, CancellationToken ct) =>
        {
            var found = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
            if (found is null)
            {
                return Problems.Field(StatusCodes.Status404NotFound, "Not found", "id", $"There is no attachment {id}.");
            }
            if (await MessageFileContent.ReadAsync(db, found, ct) is not { } content)
            {
                return Problems.Field(StatusCodes.Status409Conflict, "Attachment unreadable", "id", $"The stored email no longer yields attachment {id}.");
            }
            return FileDownload.Of(http, found, content);
        })
        .WithTags("Email")
        .ProducesFile("application/octet-stream")
        .WithSummary("Download a file on a message: one that came with a customer's email, portal form or chat, or one sent with a reply.");

        api.MapGet("/cases/{id:long}/messages/{messageId:long}/html", async (long id, long messageId, HttpContext http, GuichetDb db, CancellationToken ct) =>
        {
            var inbound = await db.InboundEmails.AsNoTracking().Where(e => e.MessageId == messageId && db.Messages.Any(m => m.Id == messageId && m.CaseId == id))
                .Select(e => new { e.Id, e.Raw }).FirstOrDefaultAsync(ct);
            if (inbound is not { Raw.Length: > 0 })
            {
                return Problems.Field(StatusCodes.Status404NotFound, "Not found", "messageId", $"Case {id} has no message {messageId} that came by email.");
            }
            var byPart = await db.Attachments.AsNoTracking().Where(a => a.MessageId == messageId && a.InboundEmailId == inbound.Id).ToDictionaryAsync(a => a.Part, a => a.Id, ct);
            using var mail = MailParse.Load(inbound.Raw);
            var html = MessageHtml.Of(mail, at => byPart.TryGetValue(at, out var file) ? $"/api/attachments/{file}" : null);
            if (html is null)
            {
                return Problems.Field(StatusCodes.Status404NotFound, "No HTML", "messageId", $"Message {messageId} has no HTML part: its text is on the case.");
            }
            // Framed by the case page (same origin only), its own inline styles kept, nothing run.
            http.Response.Headers.ContentSecurityPolicy = SecurityHeaders.SenderHtmlPolicy(http.Request);
            http.Response.Headers.XFrameOptions = "SAMEORIGIN";
            return TypedResults.Content($"<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Message {messageId}</title></head><body>{html}</body></html>", "text/html; charset=utf-8");
        })
        .WithTags("Email")
        .ProducesText("text/html")
        .WithSummary("A message's HTML as its sender laid it out, sanitised, its cid: images shown from its files and remote images left out.");
        return api;
    }
}
