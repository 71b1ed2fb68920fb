using Guichet.Core.Cases;

namespace Guichet.Core.Tests.Cases.SameMatter;

/// <summary>Sign-offs and signature blocks are in every message of a customer, whatever the matter: they are left out.</summary>
public sealed class SignatureTests
{
    [Theory]
    [InlineData("Ma valise est perdue. Cordialement, Mathis Carrel", "Ma valise est perdue.")]
    [InlineData("My bag is lost.\nKind regards,\nJoan Vincent\n12 Mill Lane, Leeds", "My bag is lost.")]
    [InlineData("La valise n'est pas arrivée.\nJacques Bertrand\nCarte fidélité Envol n° 2014587630", "La valise n'est pas arrivée.")]
    [InlineData("Toujours rien. Claire Besson", "Toujours rien.")]
    public void The_sign_off_and_the_block_under_it_go(string text, string left) =>
        Assert.Equal(left, Core.Cases.Signature.Strip(text).Trim());

    [Fact]
    public void A_one_line_message_stays_whole() =>
        Assert.Equal("piscine toujours verte", Core.Cases.Signature.Strip("piscine toujours verte"));
}
