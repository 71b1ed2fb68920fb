using Guichet.Core.Cases;

namespace Guichet.Core.Email;

/// <summary>
/// A blind copy's answer (issue 26): someone an agent put in Bcc (a supervisor, a colleague) answers
/// the message they got. They are not the customer nor one of the people on the conversation, so their
/// words join the case for the agents only, like a side conversation, and never name them to the customer.
/// </summary>
public sealed partial class ReceiveEmail
{
    /// <param name="bcc">Who got the answered message in blind copy (read with the thread, so an ordinary reply costs no query here).</param>
    private async Task<bool> BlindCopiedAsync(long caseId, string? bcc, IncomingMail mail, CancellationToken ct)
    {
        if (!CopiedPeople.Parse(bcc).Contains(mail.Address!, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }
        var found = await rows.QueryAsync("""SELECT "CustomerId", "Copied" FROM "Cases" WHERE "Id" = @p0""", r => (Customer: r.GetInt64(0), Copied: r.GetString(1)), ct, caseId);
        return found is [var (customer, copied)] && await CustomerByEmailAsync(mail.Address!, ct) != customer
            && !CopiedPeople.Parse(copied).Contains(mail.Address!, StringComparer.OrdinalIgnoreCase);
    }
}
