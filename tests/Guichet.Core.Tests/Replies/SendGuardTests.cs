using Guichet.Core.Replies;

namespace Guichet.Core.Tests.Replies;

public class SendGuardTests
{
    [Theory]
    [InlineData("Bonjour {{ customer.name }}, merci.", "{{ customer.name }}")]
    [InlineData("Dear [NAME], thank you.", "[NAME]")]
    [InlineData("Merci d'envoyer votre email à XXXXX.", "XXXXX")]
    [InlineData("Hello $FIRSTNAME,", "$FIRSTNAME")]
    [InlineData("Bonjour <Prénom>,", "<Prénom>")]
    [InlineData("{% if vip %}Cher client{% endif %}", "{% if vip %}")]
    public void Stops_a_reply_with_an_unfilled_field(string body, string marker)
    {
        var reason = Assert.Single(SendGuard.Check(body));
        Assert.Equal("Q1.placeholder", reason.Code);
        Assert.True(reason.Blocking);
        Assert.Contains(marker, reason.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bonjour Monsieur Rio, votre valise arrive demain [ok] à 10 h, 50 $ remboursés.")]
    [InlineData("The refund of EUR 48.50 is on its way. Order #XX-12 is fine.")]
    public void Lets_an_ordinary_reply_through(string body) => Assert.Empty(SendGuard.Check(body));

    [Fact]
    public void Stops_an_empty_reply() => Assert.Equal("Q1.empty", Assert.Single(SendGuard.Check("  \n")).Code);
}
