using System.Globalization;
using Guichet.Core.Cases;
using Guichet.Core.Chat;
using Guichet.Core.Data;
using Guichet.Core.Email;
using Guichet.Features.Cases;
using Guichet.Features.Email;
using Guichet.Hosting.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Chat;

/// <summary>
/// A photo or a document from the chat widget (issue 26): POST /chat/files (multipart: visitor,
/// name, language, text and the files) records it on the visitor's chat case like a message, and
/// each file is then read at a link only Guichet can make (<see cref="ChatFileLinks"/>), so the
/// visitor's own token never travels in a URL.
/// </summary>
public static class ChatFiles
{
    public static WebApplication MapChatFiles(this WebApplication app)
    {
        app.MapPost("/chat/files", async (HttpContext http, ChatConversation chat, IHubContext<ChatHub> hub, ChatFileLinks links) =>
        {
            var (files, problem) = await UploadedFiles.ReadAsync(http);
            if (problem is not null)
            {
                return problem;
            }
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            string? Field(string key) => form.TryGetValue(key, out var value) ? value.ToString() : null;
            var sent = await chat.SendAsync(Field("visitor"), Field("name"), Field("language"), Field("text"), files, http.RequestAborted);
            if (!sent.Succeeded)
            {
                return Problems.From(sent.Failure!);
            }
            var lines = sent.Value.Written.Select(m => ChatLine.From(m, links)).ToArray();
            foreach (var line in lines)
            {
                await hub.Clients.Group(ChatHub.Group(sent.Value.CaseId)).SendAsync("message", line, http.RequestAborted);
            }
            return Results.Ok(new { sent.Value.CaseId, lines });
        })
        .AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimits.Chat).ExcludeFromDescription();

        app.MapGet("/chat/files/{key}", async (string key, HttpContext http, ChatFileLinks links, GuichetDb db, CancellationToken ct) =>
        {
            var file = links.Read(key) is { } id
                ? await db.Attachments.AsNoTracking().Where(a => a.Id == id && db.Messages.Where(Message.WithCustomer).Any(m => m.Id == a.MessageId)).FirstOrDefaultAsync(ct)
                : null;
            if (file is null || await MessageFileContent.ReadAsync(db, file, ct) is not { } content)
            {
                return Problems.Field(StatusCodes.Status404NotFound, "Not found", "key", "This link does not open a file.");
            }
            http.Response.Headers.CacheControl = "no-store";
            return FileDownload.Of(http, file, content);
        })
        .AllowAnonymous().RequireRateLimiting(RateLimits.Chat).ExcludeFromDescription();
        return app;
    }
}

/// <summary>Links to chat files: the attachment's id sealed by the server's data-protection keys, so none can be guessed.</summary>
public sealed class ChatFileLinks(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("Guichet.ChatFiles.v1");

    public string Url(long attachmentId) => "/chat/files/" + protector.Protect(attachmentId.ToString(CultureInfo.InvariantCulture));

    public long? Read(string key)
    {
        try
        {
            return long.TryParse(protector.Unprotect(key), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
