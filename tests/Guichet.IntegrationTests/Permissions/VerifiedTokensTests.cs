using System.Security.Claims;
using Guichet.Hosting;
using Guichet.Hosting.Auth;

namespace Guichet.IntegrationTests.Permissions;

/// <summary>How long a checked bearer token is believed without a lookup (decision 0043); a change on this node forgets at once (AccountsAndTokensTests).</summary>
public sealed class VerifiedTokensTests
{
    private static readonly Claim[] Nadia = [new(ClaimTypes.NameIdentifier, "7"), new(ClaimTypes.Role, "Agent")];

    [Fact]
    public void A_checked_token_is_looked_up_again_after_its_lifetime_and_never_believed_past_its_expiry()
    {
        var clock = new AdjustableClock(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var tokens = new VerifiedTokens(clock);
        tokens.Remember("long", Nadia, 1, null, null);
        tokens.Remember("expiring", Nadia, 2, null, clock.GetUtcNow().AddSeconds(3));

        Assert.Equal(["7", "Agent"], tokens.Find("long")!.Claims.Select(c => c.Value));
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Null(tokens.Find("expiring"));
        Assert.NotNull(tokens.Find("long"));
        clock.Advance(VerifiedTokens.Lifetime - TimeSpan.FromSeconds(3));
        Assert.Null(tokens.Find("long"));

        tokens.Remember("again", Nadia, 3, null, null);
        tokens.Forget();
        Assert.Null(tokens.Find("again"));
    }
}
