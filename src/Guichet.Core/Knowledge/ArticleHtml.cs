using Ganss.Xss;
using Markdig;

namespace Guichet.Core.Knowledge;

/// <summary>
/// An article's Markdown as HTML for the workspace and the portal. Raw HTML in the Markdown is
/// not rendered (shown as text), and the result still goes through the sanitizer: an article
/// pasted from a customer's email can carry nothing that runs.
/// </summary>
public static class ArticleHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().UsePipeTables().UseEmphasisExtras().Build();
    private static readonly HtmlSanitizer Sanitizer = new();

    public static string Render(string markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    /// <summary>
    /// A piece of an article's Markdown as the reader sees it, on one line: no stars, hashes, link
    /// targets or table pipes (issue 24: search snippets showed the raw syntax).
    /// </summary>
    public static string PlainText(string markdown) =>
        string.Join(' ', Markdown.ToPlainText(markdown, Pipeline).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
