using System.Globalization;
using Guichet.Core.Cases;
using Guichet.IntegrationTests.Files;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Guichet.IntegrationTests.Email;

/// <summary>
/// Issue 26 end to end against the real Postfix and Dovecot: a reply with two files, copied people
/// and a blind copy, in HTML, arrives as a mail client shows it; the copied colleague's answer
/// threads; a side conversation with a carrier and its answer stay with the agents.
/// </summary>
public sealed class MailClientTests(SqliteMailServer server) : IClassFixture<SqliteMailServer>
{
    [Fact]
    public async Task A_reply_with_two_files_cc_and_bcc_arrives_as_a_mail_client_shows_it_and_the_copied_colleague_threads()
    {
        server.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        await server.UseTeamMailboxAsync();
        // The customer writes in HTML with a PDF, copying a colleague.
        using var original = new MimeMessage();
        original.From.Add(new MailboxAddress("Claire Cliente", "customer@guichet.test"));
        original.To.Add(new MailboxAddress("Support", "support@guichet.test"));
        original.Cc.Add(new MailboxAddress("Colin Collègue", "colleague@guichet.test"));
        original.Subject = $"Pompe en panne {Guid.NewGuid():N}"[..26];
        original.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("customer.example");
        var built = new BodyBuilder
        {
            TextBody = "Bonjour, la pompe fuit. Bon de commande joint.",
            HtmlBody = "<p>Bonjour, la pompe <b>fuit</b>.</p><p style=\"color:#c00\">Bon de commande joint.</p>",
        };
        built.Attachments.Add("commande.pdf", SampleFiles.Pdf("commande 42"), new ContentType("application", "pdf"));
        original.Body = built.ToMessageBody();
        var (_, created) = await server.PostMailAsync(original, ct);
        Assert.Equal("created", created.Str("outcome"));
        var caseId = created.Str("caseId");
        var id = long.Parse(caseId, CultureInfo.InvariantCulture);
        Assert.Equal("colleague@guichet.test", await server.ReadDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Copied).SingleAsync(ct)));
        var (_, before) = await server.Api.GetJsonAsync($"/api/cases/{caseId}");
        var contact = before["messages"]!.AsArray().First(m => m!.Str("kind") == "contact")!;
        Assert.Equal("commande.pdf", contact.Str("attachments.0.fileName"));
        // Its HTML, sanitised, is shown in a frame of the case page only.
        using (var html = await server.Api.GetAsync($"/api/cases/{caseId}/messages/{contact.Str("id")}/html", ct))
        {
            Assert.Contains("<b>fuit</b>", await html.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
            Assert.Contains("sandbox", html.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal("SAMEORIGIN", html.Headers.GetValues("X-Frame-Options").Single());
        }

        // The agent replies with a photo and a PDF, the colleague still copied, the manager in blind copy, and the customer's PDF sent back.
        var (uploaded, files) = await SampleFiles.UploadAsync(server.Api, caseId, ("pompe.jpg", SampleFiles.Jpeg(2_000)), ("notice.pdf", SampleFiles.Pdf("notice")));
        uploaded.EnsureSuccessStatusCode();
        var (sent, reply) = await server.Api.PostJsonAsync($"/api/cases/{caseId}/messages", new
        {
            direction = "out",
            body = "Bonjour Claire,\nvoici la **notice** et la photo du joint à changer.",
            files = files.AsArray().Select(f => long.Parse(f!.Str("id"), CultureInfo.InvariantCulture)).ToArray(),
            attachments = new[] { long.Parse(contact.Str("attachments.0.id"), CultureInfo.InvariantCulture) },
            bcc = new[] { "manager@guichet.test" },
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, sent.StatusCode);
        Assert.Equal("colleague@guichet.test", reply.Str("cc.0"));
        await server.AdvanceAsync(TimeSpan.FromSeconds(1));
        var reference = await server.ReadDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Reference).SingleAsync(ct));

        foreach (var user in new[] { "customer", "colleague", "manager" })
        {
            var mails = await server.MailboxAsync(user, reference, original.Subject, 1, ct);
            using var got = mails.Single(m => (m.TextBody ?? "").Contains("notice", StringComparison.Ordinal));
            Assert.Equal("customer@guichet.test", got.To.Mailboxes.Single().Address);
            Assert.Equal("colleague@guichet.test", got.Cc.Mailboxes.Single().Address);
            // Blind: the manager got it, and no one reads that they did.
            Assert.Empty(got.Bcc);
            Assert.Null(got.Headers[HeaderId.Bcc]);
            Assert.Equal(["pompe.jpg", "notice.pdf", "commande.pdf"], got.Attachments.Select(a => a.ContentDisposition?.FileName ?? ""));
            Assert.Equal(["image/jpeg", "application/pdf", "application/pdf"], got.Attachments.Select(a => a.ContentType.MimeType));
            using var photo = new MemoryStream();
            ((MimePart)got.Attachments.First()).Content!.DecodeTo(photo, ct);
            Assert.Equal(SampleFiles.Jpeg(2_000), photo.ToArray());
            Assert.Contains("<strong>notice</strong>", got.HtmlBody, StringComparison.Ordinal);
            Assert.StartsWith("Bonjour Claire,\nvoici la **notice**", got.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        }

        // The colleague answers all: it threads into the case, as the colleague's words, the customer unchanged.
        var theirs = (await server.MailboxAsync("colleague", reference, original.Subject, 1, ct)).Single(m => (m.TextBody ?? "").Contains("notice", StringComparison.Ordinal));
        using var answer = new MimeMessage();
        answer.From.Add(new MailboxAddress("Colin Collègue", "colleague@guichet.test"));
        answer.To.Add(new MailboxAddress("Support", "support@guichet.test"));
        answer.Cc.Add(new MailboxAddress("Claire Cliente", "customer@guichet.test"));
        answer.Subject = "Re: " + theirs.Subject;
        answer.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("customer.example");
        answer.InReplyTo = theirs.MessageId;
        answer.References.Add(theirs.MessageId!);
        answer.Body = new TextPart("plain") { Text = "Merci, le joint est commandé." };
        var (_, threaded) = await server.PostMailAsync(answer, ct);
        Assert.Equal(("appended", caseId), (threaded.Str("outcome"), threaded.Str("caseId")));
        var (_, after) = await server.Api.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Contains(after["messages"]!.AsArray(), m => m!.Str("author") == "Colin Collègue" && m!.Str("body").Contains("joint est commandé", StringComparison.Ordinal));
        Assert.Equal(opened(before), opened(after));
        Assert.DoesNotContain(after["customer"]!["emails"]!.AsArray(), e => e!.GetValue<string>() == "colleague@guichet.test");

        // The manager, in blind copy, answers into the thread: for the agents only, and never named to the customer.
        var managers = (await server.MailboxAsync("manager", reference, original.Subject, 1, ct)).Single(m => (m.TextBody ?? "").Contains("notice", StringComparison.Ordinal));
        using var aside = new MimeMessage();
        aside.From.Add(new MailboxAddress("Marc Manager", "manager@guichet.test"));
        aside.To.Add(new MailboxAddress("Support", "support@guichet.test"));
        aside.Subject = "Re: " + managers.Subject;
        aside.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("company.example");
        aside.InReplyTo = managers.MessageId;
        aside.Body = new TextPart("plain") { Text = "OK pour le geste commercial." };
        var (_, asideTaken) = await server.PostMailAsync(aside, ct);
        Assert.Equal(("appended", caseId), (asideTaken.Str("outcome"), asideTaken.Str("caseId")));
        var (_, withAside) = await server.Api.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal(("sideIn", "manager@guichet.test"), (withAside["messages"]!.AsArray().Last()!.Str("kind"), withAside["messages"]!.AsArray().Last()!.Str("thirdParty")));
        Assert.Equal("colleague@guichet.test", await server.ReadDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Copied).SingleAsync(ct)));

        // A new mail from the colleague quoting the reference joins too: they are on the conversation.
        using var later = new MimeMessage();
        later.From.Add(new MailboxAddress("Colin Collègue", "colleague@guichet.test"));
        later.To.Add(new MailboxAddress("Support", "support@guichet.test"));
        later.Subject = $"[{reference}] encore une question";
        later.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("customer.example");
        later.Body = new TextPart("plain") { Text = "Le joint fait quelle taille ?" };
        var (_, joined) = await server.PostMailAsync(later, ct);
        Assert.Equal(("appended", caseId), (joined.Str("outcome"), joined.Str("caseId")));

        static string opened(System.Text.Json.Nodes.JsonNode c) => c.Str("customer.id");
    }

    [Fact]
    public async Task A_side_conversation_with_a_carrier_leaves_with_the_file_and_its_answer_stays_with_the_agents()
    {
        server.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        await server.UseTeamMailboxAsync();
        using var original = new MimeMessage();
        original.From.Add(new MailboxAddress("Claire Cliente", "customer@guichet.test"));
        original.To.Add(new MailboxAddress("Support", "support@guichet.test"));
        original.Subject = $"Colis abîmé {Guid.NewGuid():N}"[..24];
        original.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("customer.example");
        var built = new BodyBuilder { TextBody = "Le colis est arrivé écrasé, photo jointe." };
        built.Attachments.Add("colis.jpg", SampleFiles.Jpeg(900), new ContentType("image", "jpeg"));
        original.Body = built.ToMessageBody();
        var (_, created) = await server.PostMailAsync(original, ct);
        var caseId = created.Str("caseId");
        var id = long.Parse(caseId, CultureInfo.InvariantCulture);
        var (_, before) = await server.Api.GetJsonAsync($"/api/cases/{caseId}");
        var photo = before["messages"]!.AsArray().First(m => m!.Str("kind") == "contact")!.Str("attachments.0.id");
        var owner = await server.AddAgentAsync($"side.{Guid.NewGuid():N}@test.guichet", "Olga Owner", Core.Agents.AgentRole.Agent);
        (await server.Api.PostJsonAsync($"/api/cases/{caseId}/assign", new { ownerId = owner })).Response.EnsureSuccessStatusCode();

        (await server.Api.PostJsonAsync($"/api/cases/{caseId}/side-conversations", new { to = "customer@guichet.test", body = "x" })).AssertProblemNames(400, "to");
        (await server.Api.PostJsonAsync($"/api/cases/{caseId}/side-conversations", new { to = "pas une adresse", body = "x" })).AssertProblemNames(400, "to");
        (await server.Api.PostJsonAsync($"/api/cases/{caseId}/side-conversations", new { to = "carrier@guichet.test" })).AssertProblemNames(400, "body");
        var (asked, side) = await server.Api.PostJsonAsync($"/api/cases/{caseId}/side-conversations", new
        {
            to = "carrier@guichet.test",
            body = "Bonjour, un colis est arrivé écrasé : pouvez-vous ouvrir une réclamation ? Photo jointe.",
            attachments = new[] { long.Parse(photo, CultureInfo.InvariantCulture) },
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, asked.StatusCode);
        Assert.Equal(("sideOut", "carrier@guichet.test"), (side.Str("kind"), side.Str("thirdParty")));
        await server.AdvanceAsync(TimeSpan.FromSeconds(1));
        var reference = await server.ReadDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Reference).SingleAsync(ct));

        using var toCarrier = (await server.MailboxAsync("carrier", reference, original.Subject, 1, ct))[^1];
        Assert.Equal("carrier@guichet.test", toCarrier.To.Mailboxes.Single().Address);
        Assert.Empty(toCarrier.Cc);
        Assert.Equal("colis.jpg", toCarrier.Attachments.Single().ContentDisposition?.FileName);
        // It does not continue the customer's thread.
        Assert.Null(toCarrier.InReplyTo);
        Assert.DoesNotContain(original.MessageId, toCarrier.References);

        using var answer = new MimeMessage();
        answer.From.Add(new MailboxAddress("Transports Rapides", "carrier@guichet.test"));
        answer.To.Add(new MailboxAddress("Support", "support@guichet.test"));
        answer.Subject = "Re: " + toCarrier.Subject;
        answer.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("carrier.example");
        answer.InReplyTo = toCarrier.MessageId;
        answer.References.Add(toCarrier.MessageId!);
        answer.Body = new TextPart("plain") { Text = "Réclamation ouverte sous le numéro R-7781." };
        var counts = await server.ReadDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => new { c.ContactCount, c.Status, c.CustomerWaitingSince }).SingleAsync(ct));
        var (_, received) = await server.PostMailAsync(answer, ct);
        Assert.Equal(("appended", caseId), (received.Str("outcome"), received.Str("caseId")));
        var (_, after) = await server.Api.GetJsonAsync($"/api/cases/{caseId}");
        var sideIn = after["messages"]!.AsArray().Single(m => m!.Str("kind") == "sideIn")!;
        Assert.Equal("carrier@guichet.test", sideIn.Str("thirdParty"));
        // Not the customer's contact: nothing counted, reopened or acknowledged; the owner (or the leads) told.
        Assert.Equal(counts, await server.ReadDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => new { c.ContactCount, c.Status, c.CustomerWaitingSince }).SingleAsync(ct)));
        Assert.Equal(1, after["messages"]!.AsArray().Count(m => m!.Str("kind") == "acknowledgment"));
        Assert.True(await server.ReadDbAsync(db => db.Notifications.AnyAsync(n => n.CaseId == id && n.AgentId == owner && n.Kind == Core.Notifications.NotificationKind.ThirdPartyAnswered, ct)));
        // The customer's copy of their data leaves the side conversation out.
        var customer = after.Str("customer.id");
        using var export = await server.Api.GetAsync($"/api/customers/{customer}/export", ct);
        export.EnsureSuccessStatusCode();
        using var zip = new System.IO.Compression.ZipArchive(await export.Content.ReadAsStreamAsync(ct));
        using var json = new StreamReader(await zip.GetEntry("customer.json")!.OpenAsync(ct));
        var document = await json.ReadToEndAsync(ct);
        Assert.Contains("photo jointe", document, StringComparison.Ordinal);
        Assert.DoesNotContain("R-7781", document, StringComparison.Ordinal);
        Assert.DoesNotContain("pouvez-vous ouvrir une réclamation", document, StringComparison.Ordinal);
    }
}
