using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Guichet.Core.Email;
using Guichet.Hosting;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace Guichet.Testing;

/// <summary>
/// A server sending through the real SMTP server named by GUICHET_TEST_MAIL (its host; SMTP on 25,
/// IMAP on 143, local mailboxes customer, support, colleague, manager and carrier (password = name) on guichet.test, as .ci/run
/// sets up with Postfix and Dovecot). Without the variable, tests skip and say why.
/// </summary>
public class SqliteMailServer : SqliteServer
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

    /// <summary>The team's mailbox is the address Postfix delivers to; its mail leaves from there too.</summary>
    public async Task UseTeamMailboxAsync()
    {
        var (response, team) = await Api.PatchJsonAsync("/api/teams/service-client", new { mailAddress = "support@guichet.test" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("support@guichet.test", team.Str("mailAddress"));
    }

    /// <summary>
    /// Every mail in <paramref name="user"/>'s mailbox quoting a case's reference and subject, read over
    /// IMAP once at least <paramref name="atLeast"/> are there (local delivery is asynchronous). Every
    /// fixture numbers its cases from one and all share the mailbox, so the case's own (unique) subject is asked too.
    /// </summary>
    public async Task<List<MimeMessage>> MailboxAsync(string user, string reference, string subject, int atLeast, CancellationToken ct)
    {
        using var imap = new ImapClient();
        await imap.ConnectAsync(MailHost, 143, SecureSocketOptions.None, ct);
        await imap.AuthenticateAsync(user, user, ct);
        for (var i = 0; i < 100; i++)
        {
            await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, ct);
            var found = await imap.Inbox.SearchAsync(SearchQuery.SubjectContains(reference).And(SearchQuery.SubjectContains(subject)), ct);
            if (found.Count >= atLeast)
            {
                var messages = new List<MimeMessage>();
                foreach (var uid in found)
                {
                    messages.Add(await imap.Inbox.GetMessageAsync(uid, ct));
                }
                await imap.DisconnectAsync(true, ct);
                return messages;
            }
            await imap.Inbox.CloseAsync(false, ct);
            await Task.Delay(200, ct);
        }
        Assert.Fail($"fewer than {atLeast} mails quoting {reference} and \"{subject}\" reached {user}'s mailbox within 20 s");
        return [];
    }

    /// <summary>A customer's mail handed to the intake as a relay would: its raw bytes.</summary>
    public async Task<(HttpStatusCode Status, JsonNode Body)> PostMailAsync(MimeMessage mail, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        await mail.WriteToAsync(stream, ct);
        using var content = new ByteArrayContent(stream.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        var response = await Api.PostAsync("/api/inbound/email", content, ct);
        return (response.StatusCode, await ApiJson.ReadAsync(response));
    }
}

/// <summary>
/// A mail server test whose SMTP goes through a <see cref="SmtpRelay"/> the test can cut and restore;
/// it reads no mailbox of its own (the customer's mailbox is read by the test).
/// </summary>
public sealed class SmtpOutageServer : SqliteMailServer
{
    public SmtpRelay Relay { get; private set; } = null!;

    protected override async Task<ServeOptions> PrepareOptionsAsync()
    {
        var options = await base.PrepareOptionsAsync();
        if (SkipReason is not null)
        {
            return options;
        }
        Relay = new SmtpRelay(MailHost, 25);
        Relay.Start();
        return options with { Smtp = new SmtpSettings("127.0.0.1", Relay.Port, "noreply@guichet.test"), Mailboxes = [] };
    }

    protected override async Task CleanUpAsync()
    {
        if (Relay is not null)
        {
            await Relay.DisposeAsync();
        }
        await base.CleanUpAsync();
    }
}

/// <summary>
/// A mail server test that sends through the real SMTP server and reads no team mailbox: its clock
/// may run for days without its poller taking mail another fixture waits for in the shared mailbox.
/// </summary>
public sealed class SmtpOnlyServer : SqliteMailServer
{
    protected override async Task<ServeOptions> PrepareOptionsAsync() => (await base.PrepareOptionsAsync()) with { Mailboxes = [] };
}
