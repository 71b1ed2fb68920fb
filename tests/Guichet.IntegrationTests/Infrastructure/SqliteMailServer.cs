using Guichet.Core.Email;
using Guichet.Hosting;

namespace Guichet.IntegrationTests.Infrastructure;

/// <summary>
/// A server sending through the real SMTP server named by GUICHET_TEST_MAIL (its host; SMTP on 25,
/// IMAP on 143, local mailboxes customer/customer and support/support on guichet.test, as .ci/run
/// sets up with Postfix and Dovecot). Without the variable, tests skip and say why.
/// </summary>
public sealed class SqliteMailServer : SqliteServer
{
    public const string Variable = "GUICHET_TEST_MAIL";

    public string MailHost { get; private set; } = "";

    protected override async Task<ServeOptions> PrepareOptionsAsync()
    {
        var options = await base.PrepareOptionsAsync();
        MailHost = Environment.GetEnvironmentVariable(Variable) ?? "";
        if (string.IsNullOrWhiteSpace(MailHost))
        {
            SkipReason = $"Mail server tests skipped: set {Variable} to the host of a real SMTP/IMAP server (as .ci/run does with Postfix and Dovecot).";
            return options;
        }
        return options with
        {
            // The server-wide From; a team with its own mailbox address sends from that instead.
            Smtp = new SmtpSettings(MailHost, 25, "noreply@guichet.test"),
            Mailboxes = [new ImapSettings(MailHost, 143, "support", "support")],
        };
    }
}
