namespace Guichet.Hosting.Web;

/// <summary>
/// Headers every answer carries (issue 10). The Content-Security-Policy allows scripts and styles
/// from Guichet itself only: no inline script anywhere, so a payload that slipped past escaping
/// still could not run. The chat demo page is the one exception for inline styles: it plays a
/// customer's site, where the widget styles its own elements.
/// </summary>
public static class SecurityHeaders
{
    public const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// A sender's sanitised HTML, framed by the case page only: its own styles apply inside the frame,
    /// nothing runs (sandbox without scripts), and nothing is fetched but files (a style's url() naming
    /// another Guichet address, an export say, is not requested in the reader's name).
    /// </summary>
    public static string SenderHtmlPolicy(HttpRequest request) =>
        $"default-src 'none'; img-src data: {request.Scheme}://{request.Host}/api/attachments/; style-src 'unsafe-inline'; sandbox allow-same-origin; frame-ancestors 'self'";

    private const string DemoPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            // An answer that set its own, stricter policy keeps it (a sender's HTML shown in a sandboxed frame, MessageHtml).
            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/chat/demo") ? DemoPolicy : Policy;
                headers.XFrameOptions = "DENY";
            }
            headers.XContentTypeOptions = "nosniff";
            // Secret links (/suivi/…, /avis/…) never leave in a Referer header to another site.
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            return Task.CompletedTask;
        });
        await next();
    });
}
