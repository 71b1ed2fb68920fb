using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Guichet.Core;
using Guichet.Core.Cases;
using Guichet.Testing;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Guichet.IntegrationTests.Email;

/// <summary>
/// Issue 10: the SMTP server down for hours (a relay in front of the real Postfix, cut and restored).
/// Everything written meanwhile waits, and leaves once it is back, once each, in order per case.
/// </summary>
public sealed partial class SmtpOutageTests(SmtpOutageServer server) : IClassFixture<SmtpOutageServer>
{
    [Fact]
    public async Task Mail_written_during_a_long_smtp_outage_is_delivered_once_it_is_back_once_each_and_in_order_per_case()
    {
        server.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        await server.UseTeamMailboxAsync();
        server.Relay.Cut();
        try
        {
            var cases = new List<long>();
            // Three matters, each its own case. What they say differs, and no code is shared: one number after
            // "Colis" and "Facture", or the same chase under three subjects, would be one matter (C1).
            foreach (var (topic, body) in new[] { ("Colis", "Bonjour, le colis est arrivé ouvert."), ("Valise", "Bonjour, ma valise n'est pas sur le tapis."), ("Facture", "Bonjour, la facture de juin est fausse.") })
            {
                cases.Add(await WriteInAsync(topic, body, ct));
            }
            Assert.Equal(3, cases.Distinct().Count());

            // The first pass meets a refused connection: nothing is sent, nothing counted, the node says so.
            await server.AdvanceAsync(TimeSpan.FromSeconds(1));
            var waiting = await OutboxAsync(cases, ct);
            Assert.All(waiting, o => Assert.Equal((OutboxState.Pending, 0), (o.State, o.Attempts)));
            Assert.Contains(waiting, o => o.LastError is not null && o.LastError.Contains("Socket", StringComparison.Ordinal));
            var health = await server.Anonymous.GetJsonAsync("/health");
            Assert.Equal(HttpStatusCode.OK, health.Response.StatusCode);
            Assert.Equal("degraded", health.Body.Str("status"));
            Assert.True(int.Parse(health.Body.Str("outbox.waiting"), CultureInfo.InvariantCulture) >= 3);

            // Eight hours of outage (beyond any fixed number of attempts), agents answering meanwhile.
            for (var hour = 1; hour <= 8; hour++)
            {
                await server.AdvanceAsync(TimeSpan.FromHours(1));
                if (hour is 2 or 5)
                {
                    foreach (var id in hour == 2 ? cases : [cases[0], cases[2]])
                    {
                        var (reply, _) = await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body = $"Nous avons relancé le service concerné (point {hour})." });
                        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
                    }
                }
            }
            waiting = await OutboxAsync(cases, ct);
            Assert.True(waiting.Count >= 8, $"expected the acknowledgments and five answers, found {waiting.Count} rows");
            Assert.All(waiting, o => Assert.Equal((OutboxState.Pending, 0), (o.State, o.Attempts)));

            server.Relay.Restore();
            await server.AdvanceAsync(TimeSpan.FromSeconds(1));
            var delivered = await OutboxAsync(cases, ct);
            Assert.All(delivered, o => Assert.Equal((OutboxState.Sent, 1), (o.State, o.Attempts)));
            Assert.Equal("ok", (await server.Anonymous.GetJsonAsync("/health")).Body.Str("status"));

            // Handed to the server in the order written, per case, each once.
            var handedOver = MessageIdHeader().Matches(server.Relay.Written()).Select(m => m.Groups[1].Value).ToList();
            foreach (var perCase in delivered.GroupBy(o => o.CaseId))
            {
                var written = perCase.OrderBy(o => o.Id).Select(o => o.MessageId).ToList();
                Assert.All(written, id => Assert.Single(handedOver, id));
                Assert.Equal(written, handedOver.Where(written.Contains).ToList());
            }
            // And each is in the customer's mailbox exactly once.
            await AssertInMailboxOnceAsync(delivered.Select(o => o.MessageId).ToList(), ct);
        }
        finally
        {
            server.Relay.Restore();
        }
    }

    [Fact]
    public async Task A_mail_the_server_refuses_for_good_fails_at_once_the_case_shows_it_and_other_mail_goes_on()
    {
        server.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        await server.UseTeamMailboxAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        // Postfix knows no such local user: 550 at RCPT, which no retry can change.
        var refused = await WriteInAsync($"Réclamation {tag}", "Bonjour, je n'ai pas reçu ma commande.", ct, from: $"ghost-{tag}@guichet.test");
        var fine = await WriteInAsync($"Commande {tag}", "Bonjour, où en est ma commande ?", ct);

        await server.AdvanceAsync(TimeSpan.FromSeconds(1));
        var rows = await OutboxAsync([refused, fine], ct);
        var failed = Assert.Single(rows, o => o.CaseId == refused);
        Assert.Equal((OutboxState.Failed, 1), (failed.State, failed.Attempts));
        Assert.StartsWith("550", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(OutboxState.Sent, Assert.Single(rows, o => o.CaseId == fine).State);
        Assert.True(await server.ReadDbAsync(db => db.Cases.Where(c => c.Id == refused).SelectMany(c => c.Events).AnyAsync(e => e.Kind == CaseEventKind.DeliveryFailed, ct)));
        // A refusal is the recipient's, not the server's: the node stays healthy.
        Assert.Equal("ok", (await server.Anonymous.GetJsonAsync("/health")).Body.Str("status"));
    }

    private sealed record Row(long Id, long CaseId, string MessageId, OutboxState State, int Attempts, string? LastError);

    private Task<List<Row>> OutboxAsync(IReadOnlyCollection<long> cases, CancellationToken ct) =>
        server.ReadDbAsync(db => db.Outbox.Where(o => cases.Contains(o.Message.CaseId) && o.Channel == Channel.Email).OrderBy(o => o.Id)
            .Select(o => new Row(o.Id, o.Message.CaseId, o.Message.InternetMessageId!, o.State, o.Attempts, o.LastError)).ToListAsync(ct));

    private async Task<long> WriteInAsync(string subject, string body, CancellationToken ct, string from = "customer@guichet.test")
    {
        using var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress("Claire Cliente", from));
        mail.To.Add(new MailboxAddress("Support", "support@guichet.test"));
        mail.Subject = subject;
        mail.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("customer.example");
        mail.Body = new TextPart("plain") { Text = body };
        var (_, created) = await server.PostMailAsync(mail, ct);
        Assert.Equal("created", created.Str("outcome"));
        return long.Parse(created.Str("caseId"), CultureInfo.InvariantCulture);
    }

    /// <summary>Local delivery is asynchronous: reads the customer's mailbox until every message is there, then checks each is there once.</summary>
    private async Task AssertInMailboxOnceAsync(IReadOnlyList<string> messageIds, CancellationToken ct)
    {
        using var imap = new ImapClient();
        await imap.ConnectAsync(server.MailHost, 143, SecureSocketOptions.None, ct);
        await imap.AuthenticateAsync("customer", "customer", ct);
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < 100; i++)
        {
            await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, ct);
            foreach (var id in messageIds)
            {
                counts[id] = (await imap.Inbox.SearchAsync(SearchQuery.HeaderContains("Message-ID", id.Trim('<', '>')), ct)).Count;
            }
            await imap.Inbox.CloseAsync(false, ct);
            if (counts.Values.All(c => c > 0))
            {
                break;
            }
            await Task.Delay(200, ct);
        }
        await imap.DisconnectAsync(true, ct);
        Assert.All(messageIds, id => Assert.Equal(1, counts[id]));
    }

    [GeneratedRegex(@"^Message-Id:\s*(<[^>\r\n]+>)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex MessageIdHeader();
}
