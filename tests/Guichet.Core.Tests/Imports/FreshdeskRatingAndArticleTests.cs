using Guichet.Core.Imports;
using Guichet.Core.Imports.Freshdesk;

namespace Guichet.Core.Tests.Imports;

/// <summary>What comes after the tickets: satisfaction on Guichet's 1..5 scale and the solution articles with their translation.</summary>
public class FreshdeskRatingAndArticleTests
{
    [Theory]
    [InlineData(103, 5)]
    [InlineData(102, 5)]
    [InlineData(101, 4)]
    [InlineData(100, 3)]
    [InlineData(-101, 2)]
    [InlineData(-102, 1)]
    [InlineData(-103, 1)]
    [InlineData(1, 5)]
    [InlineData(3, 1)]
    public void The_sign_of_a_rating_decides_its_side_of_the_scale(long rating, int csat) => Assert.Equal(csat, FreshdeskCodes.Csat(rating));

    [Fact]
    public async Task Ratings_keep_their_ticket_and_feedback_and_drop_empty_feedback()
    {
        var ratings = (await FreshdeskSample.AllAsync()).OfType<ImportedRating>().ToDictionary(r => r.CaseExternalId);

        Assert.Equal((5, "Merci, équipe très réactive !", "48000000961"), (ratings["301"].Csat, ratings["301"].Comment, ratings["301"].ExternalId));
        Assert.Equal((1, "Three weeks for a refund is unacceptable."), (ratings["302"].Csat, ratings["302"].Comment));
        Assert.Equal((4, (string?)null), (ratings["310"].Csat, ratings["310"].Comment));
        Assert.Equal((2, (string?)null), (ratings["311"].Csat, ratings["311"].Comment));
    }

    [Fact]
    public async Task Articles_come_in_their_language_with_the_translation_apart()
    {
        var articles = (await FreshdeskSample.AllAsync()).OfType<ImportedArticle>().ToDictionary(a => a.ExternalId);

        Assert.Equal(["48000001201", "48000001202", "48000001203", "48000001204", "48000001205", "48000001204:fr"], articles.Keys);
        Assert.Equal(("fr", true, true), (articles["48000001201"].Language, articles["48000001201"].Published, articles["48000001201"].Public));
        Assert.Equal(["E-217", "terminal"], articles["48000001201"].Tags);
        Assert.Equal(("en", "How refunds are processed"), (articles["48000001204"].Language, articles["48000001204"].Title));
        Assert.Equal(("fr", "Comment les remboursements sont traités"), (articles["48000001204:fr"].Language, articles["48000001204:fr"].Title));
        Assert.Contains("10 jours ouvrés", articles["48000001204:fr"].Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drafts_and_agents_only_articles_are_not_public()
    {
        var articles = (await FreshdeskSample.AllAsync()).OfType<ImportedArticle>().ToDictionary(a => a.ExternalId);

        Assert.Equal((false, false), (articles["48000001205"].Published, articles["48000001205"].Public));
        Assert.Equal((true, false), (articles["48000001203"].Published, articles["48000001203"].Public));
    }
}
