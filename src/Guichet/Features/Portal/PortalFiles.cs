using Guichet.Core.Data;
using Guichet.Core.Email;
using Guichet.Core.Portal;
using Guichet.Features.Email;
using Guichet.Hosting.Web;

namespace Guichet.Features.Portal;

/// <summary>
/// GET /suivi/{token}/fichiers/{id}: a file on the customer's own case, read with their private link
/// (issue 26): theirs, and the files the team sent them; never a side conversation's.
/// </summary>
public static class PortalFiles
{
    public static void MapPortalWeb(this GuichetRoutes routes) =>
        routes.App.MapGet("/suivi/{token}/fichiers/{id:long}", async (string token, long id, HttpContext http, PortalCase portal, GuichetDb db, CancellationToken ct) =>
        {
            http.Response.Headers["Referrer-Policy"] = "same-origin";
            http.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
            if (await portal.FileAsync(token, id, ct) is not { } file || await MessageFileContent.ReadAsync(db, file, ct) is not { } content)
            {
                return Problems.Field(StatusCodes.Status404NotFound, "Not found", "id", "This link does not open a file.");
            }
            http.Response.Headers.CacheControl = "no-store";
            return FileDownload.Of(http, file, content);
        })
        .AllowAnonymous().RequireRateLimiting(RateLimits.Portal).ExcludeFromDescription();
}
