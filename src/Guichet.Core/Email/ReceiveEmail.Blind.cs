using Guichet.Core.Cases;

namespace Guichet.Core.Email;

/// <summary>
/// A blind copy's answer (issue 26): someone an agent put in Bcc (a supervisor, a colleague) answers
/// into the thread. They are not the customer nor one of the people on the conversation, so their
/// words join the case for the agents only, like a side conversation, and never name them to the customer.
/// </summary>
public sealed partial class ReceiveEmail
{
    private async Task<bool> BlindCopiedAsync(long caseId, IncomingMail mail, CancellationToken ct)
    {
        var blind = await rows.QueryAsync("""SELECT "Bcc" FROM "Messages" WHERE "CaseId" = @p0 AND "Bcc" IS NOT NULL""", r => r.GetString(0), ct, caseId);
        if (blind.Count == 0 || !blind.SelectMany(CopiedPeople.Parse).Contains(mail.Address!, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }
        var found = await rows.QueryAsync("""SELECT "CustomerId", "Copied" FROM "Cases" WHERE "Id" = @p0""", r => (Customer: r.GetInt64(0), Copied: r.GetString(1)), ct, caseId);
        return found is [var (customer, copied)] && await CustomerByEmailAsync(mail.Address!, ct) != customer
            && !CopiedPeople.Parse(copied).Contains(mail.Address!, StringComparer.OrdinalIgnoreCase);
    }
}
