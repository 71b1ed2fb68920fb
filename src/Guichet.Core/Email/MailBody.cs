using System.Net;
using Ganss.Xss;
using Markdig;

namespace Guichet.Core.Email;

/// <summary>
/// What a message says, as a mail client shows it (issue 26, W9): the text as the agent wrote it
/// (Markdown reads as plain text) for the text part, and the same as HTML for the HTML part, each
/// line kept as the agent broke it, links made clickable; raw HTML typed in the message is shown
/// as text, and the result still goes through the sanitizer. The team's signature closes both,
/// after the "-- " line mail clients know.
/// </summary>
public static class MailBody
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml().UseAutoLinks().UseSoftlineBreakAsHardlineBreak().UseEmphasisExtras().Build();

    private static readonly HtmlSanitizer Sanitizer = new();

    public static (string Text, string Html) Render(string body, string? signature, string language)
    {
        var signed = string.IsNullOrWhiteSpace(signature) ? null : signature.Trim();
        var text = signed is null ? body : $"{body.TrimEnd()}\n\n-- \n{signed}";
        var html = Sanitizer.Sanitize(Markdown.ToHtml(body, Pipeline));
        if (signed is not null)
        {
            html += $"<div class=\"signature\" style=\"color:#555;margin-top:1.5em\">{Sanitizer.Sanitize(Markdown.ToHtml(signed, Pipeline))}</div>";
        }
        return (text, $"""
            <!DOCTYPE html>
            <html lang="{WebUtility.HtmlEncode(language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>
            <body style="font-family:-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1b1f24">
            {html}
            </body></html>
            """);
    }
}
