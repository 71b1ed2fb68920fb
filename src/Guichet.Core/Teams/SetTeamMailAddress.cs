using Guichet.Core.Customers;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Teams;

/// <summary>
/// Gives a team its mailbox address (or takes it away with null): mail sent there opens the team's
/// cases, and the team's mail leaves from it. One address belongs to one team.
/// </summary>
public sealed class SetTeamMailAddress(GuichetDb db)
{
    public async Task<Result<Team>> RunAsync(string slug, string? address, CancellationToken ct = default)
    {
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (team is null)
        {
            return Failure.NotFound("slug", $"There is no team '{slug}'.");
        }
        var normalised = string.IsNullOrWhiteSpace(address) ? null : CustomerContact.NormaliseEmail(address);
        if (!string.IsNullOrWhiteSpace(address) && normalised is null)
        {
            return Failure.Invalid("mailAddress", $"'{address}' is not an email address.");
        }
        if (normalised is not null && await db.Teams.AnyAsync(t => t.MailAddress == normalised && t.Id != team.Id, ct))
        {
            return Failure.Conflict("mailAddress", $"{normalised} is already another team's mailbox.");
        }
        team.MailAddress = normalised;
        await db.SaveChangesAsync(ct);
        return team;
    }
}
