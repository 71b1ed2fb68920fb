using Guichet.Core.Imports;

namespace Guichet.Core.Tests.Imports;

/// <summary>Issue 28: Zammad's knowledge base answers, one article per translation, with its language and visibility.</summary>
public sealed class ZammadExportKnowledgeTests
{
    [Fact]
    public async Task Each_translation_is_an_article_in_its_language()
    {
        var articles = (await ZammadExportTests.SampleAsync()).OfType<ImportedArticle>().ToList();
        Assert.Equal(["1", "2", "3", "4", "5", "6"], articles.Select(a => a.ExternalId));
        Assert.Equal(["en", "fr", "en", "fr", "en", "en"], articles.Select(a => a.Language));
        Assert.Equal("Voyant orange clignotant sur l'imprimante", articles[1].Title);
        Assert.StartsWith("<p>Un voyant orange clignotant", articles[1].Html, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2024, 2, 5, 10, 0, 0, TimeSpan.Zero), articles[0].UpdatedAt);
    }

    [Fact]
    public async Task Only_published_answers_are_published_and_public()
    {
        var articles = (await ZammadExportTests.SampleAsync()).OfType<ImportedArticle>().ToDictionary(a => a.ExternalId);
        Assert.Equal((true, true), (articles["1"].Published, articles["1"].Public));
        Assert.Equal((true, true), (articles["3"].Published, articles["3"].Public));
        // Translation 4 is the internal answer, 5 the draft, 6 the archived one.
        Assert.Equal((false, false), (articles["4"].Published, articles["4"].Public));
        Assert.Equal((false, false), (articles["5"].Published, articles["5"].Public));
        Assert.Equal((false, false), (articles["6"].Published, articles["6"].Public));
    }
}
