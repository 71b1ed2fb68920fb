using Guichet.Core.Cases;

namespace Guichet.Features.Email;

/// <summary>
/// A file on a message given to a browser, an agent's or a customer's: always a download
/// (Content-Disposition: attachment, nosniff), and only a few inert types keep their own content
/// type, so a file someone sent is never rendered inside Guichet's origin.
/// </summary>
public static class FileDownload
{
    private static readonly HashSet<string> InertTypes = ["application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", "text/plain", "text/csv", "message/rfc822"];

    public static IResult Of(HttpContext http, Attachment file, byte[] content)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(content, InertTypes.Contains(file.ContentType) ? file.ContentType : "application/octet-stream", file.FileName);
    }
}
