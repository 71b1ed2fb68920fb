using Guichet.Core.Cases;
using Guichet.Testing;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Guichet.IntegrationTests.Email;

/// <summary>H1 and P1 end to end against a real Postfix (SMTP) and Dovecot (IMAP) on 127.0.0.1.</summary>
public sealed class EmailRoundTripTests(SqliteMailServer server) : IClassFixture<SqliteMailServer>
{
    [Fact]
    public async Task The_acknowledgment_reaches_the_customers_mailbox_with_its_date_and_the_reply_threads_back()
    {
        server.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        await server.UseTeamMailboxAsync();
        using var original = new MimeMessage();
        original.From.Add(new MailboxAddress("Claire Cliente", "customer@guichet.test"));
        original.To.Add(new MailboxAddress("Support", "support@guichet.test"));
        original.Subject = $"Colis perdu {Guid.NewGuid():N}"[..24];
        original.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("customer.example");
        original.Body = new TextPart("plain") { Text = "Bonjour, mon colis est perdu depuis une semaine." };
        var (_, created) = await server.PostMailAsync(original, ct);
        Assert.Equal("created", created.Str("outcome"));
        var caseId = long.Parse(created.Str("caseId"), System.Globalization.CultureInfo.InvariantCulture);

        // The clock moves a second: the watcher and the outbox run; the server accepts the mail.
        await server.AdvanceAsync(TimeSpan.FromSeconds(1));
        var row = await server.ReadDbAsync(db => db.Outbox.Include(o => o.Message).SingleAsync(o => o.Message.CaseId == caseId && o.Message.Kind == MessageKind.Acknowledgment, ct));
        Assert.Equal(OutboxState.Sent, row.State);
        var reference = await server.ReadDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Reference).SingleAsync(ct));

        using var ack = await FetchAsync("customer", reference, original.Subject, ct);
        Assert.Contains("mardi 1er décembre à 16:00", ack.TextBody, StringComparison.Ordinal);
        Assert.Equal("auto-replied", ack.Headers[HeaderId.AutoSubmitted]);
        Assert.Equal(original.MessageId, ack.InReplyTo);
        Assert.Equal(row.Message.InternetMessageId, $"<{ack.MessageId}>");
        Assert.Contains($"[{reference}]", ack.Subject, StringComparison.Ordinal);
        // From the team's mailbox, not the server-wide noreply@ address.
        Assert.Equal("support@guichet.test", ack.From.Mailboxes.Single().Address);

        // The customer answers from their mail client: the reply names the acknowledgment.
        using var reply = new MimeMessage();
        reply.From.Add(new MailboxAddress("Claire Cliente", "customer@guichet.test"));
        reply.To.Add(new MailboxAddress("Support", "support@guichet.test"));
        reply.Subject = "Re: " + ack.Subject;
        reply.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("customer.example");
        reply.InReplyTo = ack.MessageId;
        reply.References.Add(original.MessageId!);
        reply.References.Add(ack.MessageId!);
        reply.Body = new TextPart("plain") { Text = "Le numéro de suivi est 6A123456789." };
        var (_, appended) = await server.PostMailAsync(reply, ct);
        Assert.Equal(("appended", created.Str("caseId")), (appended.Str("outcome"), appended.Str("caseId")));
    }

    [Fact]
    public async Task Mail_sent_to_the_team_address_opens_a_case_the_customer_gets_a_dated_answer_and_the_reply_joins_it()
    {
        server.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        await server.UseTeamMailboxAsync();
        var subject = $"Valise perdue {Guid.NewGuid():N}"[..26];
        using var first = new MimeMessage();
        first.From.Add(new MailboxAddress("Claire Cliente", "customer@guichet.test"));
        first.To.Add(new MailboxAddress("Support", "support@guichet.test"));
        first.Subject = subject;
        first.Body = new TextPart("plain") { Text = "Ma valise n'est pas arrivée à Francfort." };
        await SendAsync(first, ct);

        // Postfix delivers to the team mailbox; the poller reads it when the clock ticks.
        var caseId = await UntilAsync(() => server.ReadDbAsync(db => db.Cases.Where(c => c.Subject == subject).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct)), ct);
        var reference = await server.ReadDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Reference).SingleAsync(ct));
        using var ack = await FetchAsync("customer", reference, subject, ct);
        Assert.Contains("au plus tard le", ack.TextBody, StringComparison.Ordinal);
        Assert.Contains("décembre", ack.TextBody, StringComparison.Ordinal);

        using var reply = new MimeMessage();
        reply.From.Add(new MailboxAddress("Claire Cliente", "customer@guichet.test"));
        reply.To.Add(new MailboxAddress("Support", "support@guichet.test"));
        reply.Subject = "Re: " + ack.Subject;
        reply.InReplyTo = ack.MessageId;
        reply.References.Add(ack.MessageId!);
        reply.Body = new TextPart("plain") { Text = "Étiquette FRA 123456." };
        await SendAsync(reply, ct);
        await UntilAsync(() => server.ReadDbAsync(db => db.Cases.Where(c => c.Id == caseId && c.ContactCount == 2).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct)), ct);

        // A second reply written as a new mail: no threading headers, another subject, only the reference.
        using var fresh = new MimeMessage();
        fresh.From.Add(new MailboxAddress("Claire Cliente", "customer@guichet.test"));
        fresh.To.Add(new MailboxAddress("Support", "support@guichet.test"));
        fresh.Subject = $"Toujours aucune nouvelle [{reference}]";
        fresh.Body = new TextPart("plain") { Text = "Avez-vous retrouvé ma valise ?" };
        await SendAsync(fresh, ct);
        await UntilAsync(() => server.ReadDbAsync(db => db.Cases.Where(c => c.Id == caseId && c.ContactCount == 3).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct)), ct);
        Assert.Contains("Avez-vous retrouvé ma valise ?", await server.ReadDbAsync(db => db.Messages.Where(m => m.CaseId == caseId).Select(m => m.Body).ToListAsync(ct)));
        Assert.Equal(1, await server.ReadDbAsync(db => db.Cases.CountAsync(c => c.Customer.Identities.Any(i => i.Value == "customer@guichet.test") && c.Subject == subject, ct)));
    }

    private async Task SendAsync(MimeMessage mail, CancellationToken ct)
    {
        using var smtp = new MailKit.Net.Smtp.SmtpClient();
        await smtp.ConnectAsync(server.MailHost, 25, SecureSocketOptions.None, ct);
        await smtp.SendAsync(mail, ct);
        await smtp.DisconnectAsync(true, ct);
    }

    /// <summary>Ticks the clock (running the poller, the watcher and the outbox) until the database shows the result.</summary>
    private async Task<long> UntilAsync(Func<Task<long?>> read, CancellationToken ct)
    {
        for (var i = 0; i < 100; i++)
        {
            await server.AdvanceAsync(TimeSpan.FromSeconds(1));
            if (await read() is { } found)
            {
                return found;
            }
            await Task.Delay(200, ct);
        }
        Assert.Fail("the mail did not arrive through Postfix and IMAP within 20 s");
        return 0;
    }

    /// <summary>The newest mail quoting the case's reference and subject in the user's mailbox.</summary>
    [Fact]
    public async Task A_reply_arrives_as_text_and_html_saying_the_same_signed_by_the_team_with_nothing_that_runs()
    {
        server.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        await server.UseTeamMailboxAsync();
        var (signed, team) = await server.Api.PatchJsonAsync("/api/teams/service-client", new { signature = "L'équipe **Service client**\nhttps://aide.example.fr" });
        Assert.Equal(System.Net.HttpStatusCode.OK, signed.StatusCode);
        Assert.StartsWith("L'équipe", team.Str("signature"), StringComparison.Ordinal);
        (await server.Api.PatchJsonAsync("/api/teams/service-client", new { signature = new string('x', 2_001) })).AssertProblemNames(400, "signature");
        (await server.Api.PatchJsonAsync("/api/teams/service-client", new { signature = 42 })).AssertProblemNames(400, "signature");
        try
        {
            using var original = new MimeMessage();
            original.From.Add(new MailboxAddress("Claire Cliente", "customer@guichet.test"));
            original.To.Add(new MailboxAddress("Support", "support@guichet.test"));
            original.Subject = $"Facture HTML {Guid.NewGuid():N}"[..24];
            original.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("customer.example");
            original.Body = new TextPart("plain") { Text = "Bonjour, ma facture est fausse." };
            var (_, created) = await server.PostMailAsync(original, ct);
            var caseId = created.Str("caseId");
            var body = "Bonjour Claire,\nvotre facture est **corrigée** : https://aide.example.fr/factures\n<script>alert(1)</script>";
            var (sent, _) = await server.Api.PostJsonAsync($"/api/cases/{caseId}/messages", new { direction = "out", channel = "email", body });
            Assert.Equal(System.Net.HttpStatusCode.Created, sent.StatusCode);
            await server.AdvanceAsync(TimeSpan.FromSeconds(1));
            var reference = await server.ReadDbAsync(db => db.Cases.Where(c => c.Id == long.Parse(caseId)).Select(c => c.Reference).SingleAsync(ct));

            var received = await server.MailboxAsync("customer", reference, original.Subject, 2, ct);
            using var reply = received.Single(m => (m.TextBody ?? "").Contains("corrigée", StringComparison.Ordinal));
            var alternative = Assert.IsType<MultipartAlternative>(reply.Body);
            Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
            // The text part is what the agent wrote, then the signature after "-- ".
            var text = reply.TextBody!.ReplaceLineEndings("\n");
            Assert.StartsWith(body, text, StringComparison.Ordinal);
            Assert.Contains("\n-- \nL'équipe **Service client**", text, StringComparison.Ordinal);
            // The HTML part says the same, laid out; what was typed as HTML is shown as text, never run.
            var html = reply.HtmlBody!;
            Assert.Contains("<strong>corrigée</strong>", html, StringComparison.Ordinal);
            Assert.Contains("<a href=\"https://aide.example.fr/factures\">", html, StringComparison.Ordinal);
            Assert.Contains("Bonjour Claire,<br>", html, StringComparison.Ordinal);
            Assert.Contains("class=\"signature\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
            // The acknowledgment is signed too.
            Assert.Contains(received, m => m.Headers[HeaderId.AutoSubmitted] == "auto-replied" && (m.HtmlBody ?? "").Contains("class=\"signature\"", StringComparison.Ordinal));
        }
        finally
        {
            await server.Api.PatchJsonAsync("/api/teams/service-client", new { signature = "" });
        }
    }

    private async Task<MimeMessage> FetchAsync(string user, string reference, string subject, CancellationToken ct) =>
        (await server.MailboxAsync(user, reference, subject, 1, ct))[^1];
}
