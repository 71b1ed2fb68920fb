using Guichet.Core.Cases;

namespace Guichet.Core.Email;

/// <summary>
/// The copy step (issue 26): whoever the customer's mail was also addressed to (Cc, and To when the
/// company's own address is recognised among them) joins the case's copied people, so that replies keep them on the conversation and their answers thread
/// in. Never the customer, never the company's mailboxes: the teams' addresses and the mailboxes
/// this mail was delivered through. (Not whole domains: a small company's support may share
/// gmail.com with its customers.) And Guichet's own mail arriving back here (a copy sent to a
/// mailbox that delivers to the intake) is recognised by its Message-ID and joins nothing.
/// </summary>
public sealed partial class ReceiveEmail
{
    /// <summary>The Message-ID domain of every mail Guichet sends (<see cref="Outbox.Create"/>).</summary>
    public const string OwnMessageIdSuffix = "@guichet.invalid>";

    private static bool IsOwnMail(IncomingMail mail) => mail.MessageId?.EndsWith(OwnMessageIdSuffix, StringComparison.OrdinalIgnoreCase) == true;

    private async Task CopyAsync(Case @case, IncomingMail mail, CancellationToken ct)
    {
        var ours = (await TeamsAsync(ct)).Select(t => t.MailAddress).OfType<string>().Concat(mail.DeliveredTo).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // Everyone addressed when one of them is known to be ours (the others are then people); else
        // only those copied, since an address written To might be a support mailbox Guichet was not told of.
        var addressed = mail.Addressed.Any(ours.Contains) ? mail.Addressed : mail.CarbonCopied;
        // Not the sender: whoever writes into the thread is not thereby on the conversation (a blind copy answering).
        var others = addressed.Where(a => !ours.Contains(a)).ToList();
        if (others.Count == 0)
        {
            return;
        }
        var customer = await rows.QueryAsync("""SELECT "Value" FROM "CustomerIdentities" WHERE "CustomerId" = @p0 AND "Kind" = @p1""",
            r => r.GetString(0), ct, @case.CustomerId, rows.Stored<Customers.CustomerIdentity>(nameof(Customers.CustomerIdentity.Kind), Customers.IdentityKind.Email));
        var theirs = customer.ToHashSet(StringComparer.OrdinalIgnoreCase);
        @case.Copied = CopiedPeople.Join(@case.Copied, others, theirs.Contains);
    }
}
