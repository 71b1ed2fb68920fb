using Guichet.Core.Cases;

namespace Guichet.Core.Tests.Cases.SameMatter;

/// <summary>What counts as a matter's reference, and when two written differently are the same.</summary>
public sealed class MatterReferenceTests
{
    private static IReadOnlyList<MatterReference> Identifying(string text) => MatterReference.In(text).Where(r => r.Identifies).ToList();

    [Theory]
    [InlineData("commande #A-4432", "je reviens pour la commande 4432")]
    [InlineData("facture n° FAC-2024-118734", "la facture FAC 2024 118734")]
    [InlineData("robot série NR3-55810", "le robot (serie NR3 55810)")]
    [InlineData("claim number CLM-0048213", "photos for claim 48213")]
    [InlineData("tracking 1Z999AA10123456784", "tracking 1Z 999 AA1 0123 4567 84")]
    [InlineData("ma carte ****4821", "la carte se terminant par 4821")]
    [InlineData("ticket 88-4410", "the engineer for ticket 884410")]
    public void The_same_reference_written_two_ways_matches(string one, string other)
    {
        var a = Identifying(one);
        var b = Identifying(other);
        Assert.Contains(a, x => b.Any(x.Matches));
    }

    [Theory]
    [InlineData("commande 4432", "commande 4423")]
    [InlineData("dossier QXZ4TR", "dossier QXZ7TR")]
    [InlineData("ticket 77-2019", "ticket 77-2981")]
    public void A_near_identical_reference_does_not(string one, string other) =>
        Assert.DoesNotContain(Identifying(one), x => Identifying(other).Any(x.Matches));

    [Theory]
    [InlineData("numéro client 30012788")]
    [InlineData("account number 30012788")]
    [InlineData("contrat habitation HAB-552091")]
    [InlineData("appelez-moi au 06 71 22 48 90")]
    [InlineData("une facture de 1 340 € ce mois")]
    [InlineData("le 12/05/2024 à 18h30")]
    [InlineData("sur le vol LH1234 du 2 octobre")]
    [InlineData("Flat 2, 14 Mill Lane, SW1A 1AA London")]
    [InlineData("votre dossier [G-2026-000123]")]
    public void Customer_numbers_phones_amounts_dates_flights_and_postcodes_never_name_a_matter(string text) =>
        Assert.Empty(Identifying(text));

    [Fact]
    public void A_booking_code_of_capitals_counts_only_after_a_booking_word()
    {
        Assert.Single(Identifying("Référence de dossier QXKTPL, 2 passagers"));
        Assert.Empty(Identifying("Merci de me répondre URGENT"));
    }
}
