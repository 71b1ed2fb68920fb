using AngleSharp.Html.Parser;
using Ganss.Xss;
using MimeKit;

namespace Guichet.Core.Email;

/// <summary>
/// A message's HTML as its sender laid it out, made safe to show (issue 22): sanitised (no script,
/// no form, no event handler), its <c>cid:</c> images pointing at the message's own files, and
/// every other image left out, since fetching a remote image tells its sender the mail was read,
/// when and from where.
/// </summary>
public static class MessageHtml
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    /// <param name="fileUrl">Where the file at a position of <see cref="MailAttachments.Of"/> is served, or null if it is not.</param>
    /// <returns>Null when the message has no HTML part.</returns>
    public static string? Of(MimeMessage mail, Func<int, string?> fileUrl)
    {
        if (mail.HtmlBody is not { } html)
        {
            return null;
        }
        var files = MailAttachments.Of(mail);
        var document = new HtmlParser().ParseDocument(Sanitizer.Sanitize(html));
        foreach (var image in document.Images.ToList())
        {
            var source = image.GetAttribute("src") ?? "";
            var shown = source.StartsWith("cid:", StringComparison.OrdinalIgnoreCase) && Position(files, source[4..]) is { } at ? fileUrl(at) : null;
            if (shown is null)
            {
                image.RemoveAttribute("src");
                image.RemoveAttribute("srcset");
                image.SetAttribute("data-left-out", source.Length == 0 ? "" : "image");
                continue;
            }
            image.SetAttribute("src", shown);
        }
        return document.Body?.InnerHtml ?? "";
    }

    private static int? Position(IReadOnlyList<MimePart> files, string contentId)
    {
        var id = Uri.UnescapeDataString(contentId).Trim().Trim('<', '>');
        for (var i = 0; i < files.Count; i++)
        {
            if (string.Equals(files[i].ContentId, id, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return null;
    }

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        // Kept so that the image can be matched to its part; replaced or removed before anyone sees it.
        sanitizer.AllowedSchemes.Add("cid");
        return sanitizer;
    }
}
