using Guichet.Core.Knowledge;

namespace Guichet.Core.Tests.Knowledge;

/// <summary>Issue 24: a search snippet of an article reads as text, not as its Markdown.</summary>
public sealed class ArticleHtmlTests
{
    [Theory]
    [InlineData("## Retours\n\n**Retour** gratuit sous *30 jours* : voir [la page](https://exemple.fr/retours).", "Retours Retour gratuit sous 30 jours : voir la page.")]
    [InlineData("- Étape 1 : `imprimer` l'étiquette\n- Étape 2 : déposer le colis", "Étape 1 : imprimer l'étiquette Étape 2 : déposer le colis")]
    [InlineData("| Délai | Prix |\n|---|---|\n| 48 h | 5 € |", "Délai Prix 48 h 5 €")]
    public void A_markdown_snippet_reads_as_text(string markdown, string text) => Assert.Equal(text, ArticleHtml.PlainText(markdown));

    [Fact]
    public void The_search_marks_around_found_words_survive_and_become_highlights()
    {
        var html = Search.Html(ArticleHtml.PlainText("…le **\u0002remboursement\u0003** arrive sous [5 jours](https://x.fr)"));
        Assert.Equal("…le <mark>remboursement</mark> arrive sous 5 jours", html);
    }
}
