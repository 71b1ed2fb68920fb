using Guichet.Core.Email;

namespace Guichet.Core.Tests.Email;

public sealed class QuotedHistoryTests
{
    [Theory]
    [InlineData("Voici le numéro : 48213.\n\nLe mar. 1 déc. 2026 à 16:00, Service client <support@guichet.test> a écrit :\n> Bonjour,\n> Merci pour votre message.")]
    [InlineData("Here is the number: 48213.\n\nOn Tue, 1 Dec 2026 at 16:00, Support <support@guichet.test> wrote:\n> Hello,\n> Thank you.")]
    [InlineData("Voici le numéro : 48213.\n\n-----Original Message-----\nFrom: Support\nSent: Tuesday\n\nHello")]
    [InlineData("Voici le numéro : 48213.\n\nDe : Service client <support@guichet.test>\nEnvoyé : mardi 1 décembre 2026 16:00\nÀ : Claire\nObjet : Colis")]
    [InlineData("Voici le numéro : 48213.\n\n> Bonjour,\n> Merci pour votre message.\n>\n> Service client")]
    public void The_history_under_a_reply_is_folded(string body)
    {
        var parts = QuotedHistory.Split(body);
        Assert.StartsWith(parts.Fresh, body, StringComparison.Ordinal);
        Assert.EndsWith("48213.", parts.Fresh, StringComparison.Ordinal);
        Assert.NotNull(parts.Quoted);
        Assert.EndsWith(parts.Quoted, body, StringComparison.Ordinal);
        Assert.DoesNotContain("48213", parts.Quoted, StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_interleaved_with_quotes_stay_visible()
    {
        const string body = "> Quel est votre numéro de commande ?\n48213\n> Et la date d'achat ?\nLe 3 novembre.";
        Assert.Equal(new QuotedHistory.Parts(body, null), QuotedHistory.Split(body));
    }

    [Fact]
    public void A_message_that_is_only_a_quote_or_has_no_history_is_left_whole()
    {
        Assert.Equal(new QuotedHistory.Parts("> tout est cité", null), QuotedHistory.Split("> tout est cité"));
        const string plain = "Bonjour,\nmon colis n'est jamais arrivé.\nCordialement";
        Assert.Equal(new QuotedHistory.Parts(plain, null), QuotedHistory.Split(plain));
    }
}
