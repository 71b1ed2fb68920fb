using Guichet.Core.Incidents;
using Guichet.Core.Replies;

namespace Guichet.Core.Tests.Incidents;

public class CrisisTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("31400", true)]
    [InlineData("31 000", true)]
    [InlineData("32000", true)]
    [InlineData("32100", false)]
    [InlineData("75011", false)]
    [InlineData("h3a 1b2", true)]
    [InlineData(null, false)]
    public void A_region_is_postal_codes_and_prefixes(string? postalCode, bool inside) =>
        Assert.Equal(inside, CrisisRegion.Contains("31*, 32000, H3A*", postalCode));

    [Fact]
    public void A_crisis_is_active_from_its_start_until_its_end_or_until_it_is_ended()
    {
        var crisis = new Crisis { Name = "Tempête", Kind = "storm", Regions = "31*", StartsAt = Now, EndsAt = Now.AddDays(3) };
        Assert.False(crisis.IsActive(Now.AddMinutes(-1)));
        Assert.True(crisis.IsActive(Now.AddDays(1)));
        Assert.False(crisis.IsActive(Now.AddDays(3)));
        crisis.EndedAt = Now.AddHours(1);
        Assert.False(crisis.IsActive(Now.AddDays(1)));
    }

    [Fact]
    public void The_guard_blocks_a_standard_template_and_warns_on_a_waived_fee_by_code_or_by_name()
    {
        var context = new GuardContext("Merci de retourner le modem, sinon des frais de non-restitution du modem seront facturés.")
        {
            Crisis = "Tempête",
            WaivedFees = [("MODEM-RETURN", "frais de non-restitution du modem")],
            StandardTemplate = true,
        };
        var reasons = SendGuard.Check(context);
        Assert.True(Assert.Single(reasons, r => r.Code == "E3.template").Blocking);
        Assert.Contains(reasons, r => r.Code == "E3.fee");
        Assert.Contains(SendGuard.Check(context with { Body = "Le code MODEM-RETURN sera appliqué.", StandardTemplate = false }), r => r.Code == "E3.fee");
        Assert.Empty(SendGuard.Check(context with { Body = "Votre service est suspendu, rien ne vous sera demandé.", StandardTemplate = false }));
    }
}
