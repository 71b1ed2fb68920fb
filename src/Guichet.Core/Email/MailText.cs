using AngleSharp.Html.Parser;
using Ganss.Xss;
using MimeKit;

namespace Guichet.Core.Email;

/// <summary>
/// The text an agent reads: the plain-text part when there is one, else the HTML part sanitised
/// (scripts, styles, handlers gone) and reduced to its text. Whatever the charset and transfer
/// encoding, MimeKit decodes it.
/// </summary>
public static class MailText
{
    private static readonly HtmlSanitizer Sanitizer = new();

    public static string Of(MimeMessage mail)
    {
        var text = mail.TextBody;
        if (string.IsNullOrWhiteSpace(text) && mail.HtmlBody is { } html)
        {
            text = OfHtml(html);
        }
        return Clean(text);
    }

    /// <summary>HTML sanitised and reduced to its text, a line per block.</summary>
    public static string OfHtml(string html)
    {
        var document = new HtmlParser().ParseDocument(Sanitizer.Sanitize(html));
        foreach (var block in document.QuerySelectorAll("br, p, div, li, tr, h1, h2, h3"))
        {
            block.InsertBefore(document.CreateTextNode("\n"), block.FirstChild);
        }
        return document.Body?.TextContent ?? "";
    }

    /// <summary>Line ends as "\n", no NUL (PostgreSQL refuses it in a text column), never empty.</summary>
    public static string Clean(string? text)
    {
        text = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\0", "", StringComparison.Ordinal).Trim();
        return text.Length == 0 ? "(message sans texte)" : text;
    }
}
