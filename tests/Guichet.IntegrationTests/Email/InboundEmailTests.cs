using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Guichet.Core.Cases;
using Guichet.Core.Email;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Email;

/// <summary>CONTRACT POST /api/inbound/email with a corpus of awkward messages: each processed correctly or quarantined, none lost.</summary>
public abstract class InboundEmailTests(GuichetServer server)
{
    private async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(byte[] raw)
    {
        using var content = new ByteArrayContent(raw);
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        var response = await server.Api.PostAsync("/api/inbound/email", content, TestContext.Current.CancellationToken);
        return (response.StatusCode, await ApiJson.ReadAsync(response));
    }

    private Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(string raw) => PostAsync(Encoding.UTF8.GetBytes(raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal)));

    private static string Mail(string from, string subject, string body, string? messageId, string extraHeaders = "", string contentType = "text/plain; charset=utf-8") =>
        $"From: {from}\nTo: support@guichet.test\nSubject: {subject}\nDate: Fri, 27 Nov 2026 16:00:00 +0100\n" +
        (messageId is null ? "" : $"Message-ID: {messageId}\n") + extraHeaders +
        $"MIME-Version: 1.0\nContent-Type: {contentType}\n\n{body}\n";

    private Task<Message> MessageAsync(string id) => server.ReadDbAsync(db => db.Messages.SingleAsync(m => m.Id == long.Parse(id, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task A_new_mail_opens_a_case_and_replies_thread_by_header_and_by_reference_while_a_stranger_is_held()
    {
        server.SkipIfUnavailable();
        var (status, created) = await PostAsync(Mail("Julie Martin <julie.martin@example.fr>", "Colis jamais livré", "Bonjour, mon colis n'est jamais arrivé.", "<first@mail.example.fr>"));
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("created", created.Str("outcome"));
        var caseId = created.Str("caseId");
        var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal("email", c.Str("channel"));
        Assert.Equal("Julie Martin", c.Str("customer.name"));
        var ack = c["messages"]!.AsArray().Single(m => m!.Str("kind") == "acknowledgment")!;
        Assert.Contains("mardi 1er décembre à 16:00", ack.Str("body"), StringComparison.Ordinal);
        var ackId = (await MessageAsync(ack.Str("id"))).InternetMessageId;
        Assert.NotNull(ackId);

        // The customer answers the acknowledgment: In-Reply-To names it.
        var (_, reply) = await PostAsync(Mail("julie.martin@example.fr", "Re: Colis jamais livré", "Voici mon numéro de commande : 48213.\n\nLe ven. 27 nov. 2026 à 16:05, Service client a écrit :\n> Merci pour votre message.", "<second@mail.example.fr>", $"In-Reply-To: {ackId}\nReferences: <first@mail.example.fr> {ackId}\n"));
        Assert.Equal(("appended", caseId), (reply.Str("outcome"), reply.Str("caseId")));

        // A later mail with no headers but the reference in the subject.
        var reference = c.Str("reference");
        var (_, byToken) = await PostAsync(Mail("Julie Martin <JULIE.MARTIN@example.fr>", $"Toujours rien [{reference}]", "Des nouvelles ?", "<third@mail.example.fr>"));
        Assert.Equal(("appended", caseId), (byToken.Str("outcome"), byToken.Str("caseId")));

        // A stranger quoting her reference does not land in her case: held for an agent.
        var strangerMail = Mail("Inconnu <someone.else@example.com>", $"Re: {reference}", "J'ai le même problème.", "<fourth@mail.example.com>");
        var (_, stranger) = await PostAsync(strangerMail);
        Assert.Equal(("held", caseId), (stranger.Str("outcome"), stranger.Str("caseId")));
        Assert.Null(stranger["messageId"]);

        // Held mail is not lost from sight: listed for agents, with its reason and its raw bytes.
        var (_, held) = await server.Api.GetJsonAsync("/api/inbound/email?outcome=held");
        var listed = held["items"]!.AsArray().Single(i => i!.Str("from") == "someone.else@example.com")!;
        Assert.Equal(caseId, listed.Str("caseId"));
        Assert.Contains("an agent decides", listed.Str("reason"), StringComparison.Ordinal);
        var raw = await server.Api.GetAsync($"/api/inbound/email/{listed.Str("id")}/raw", TestContext.Current.CancellationToken);
        Assert.Equal("message/rfc822", raw.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", raw.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("J'ai le même problème.", await raw.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        using var agent = await Browserless.SignInAsync(server, "mail.sorter@guichet.test", "Inès Agent");
        var (_, page, _) = await agent.GetAsync("/mail");
        Assert.Contains("someone.else@example.com", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/inbound/email/{listed.Str("id")}/raw\"", page, StringComparison.Ordinal);
        // On the case page the reply's quoted history is folded under what is new.
        var (_, casePage, _) = await agent.GetAsync($"/cases/{caseId}");
        var folded = System.Text.RegularExpressions.Regex.Match(casePage, "<pre>Voici mon numéro de commande : 48213.</pre>\\s*<details class=\"quoted\"><summary[^>]*>[^<]*</summary><pre>Le ven. 27 nov.");
        Assert.True(folded.Success, "the reply's text, then its quoted history folded");
        (await server.Api.GetJsonAsync("/api/inbound/email?outcome=lost")).AssertProblemNames(400, "outcome");

        var (_, after) = await server.Api.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal("3", after.Str("contactCount"));
        Assert.DoesNotContain(after["messages"]!.AsArray(), m => m!.Str("body").Contains("même problème", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Replies_that_peers_misfile_land_in_the_right_case()
    {
        server.SkipIfUnavailable();
        var (_, opened) = await PostAsync(Mail("Luc Bernard <luc@example.fr>", "Remboursement billet Paris-Munich", "Je demande le remboursement.", "<luc1@example.fr>"));
        var caseId = opened.Str("caseId");
        var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{caseId}");
        var reference = c.Str("reference");
        var ack = c["messages"]!.AsArray().Single(m => m!.Str("kind") == "acknowledgment")!;
        var ackId = (await MessageAsync(ack.Str("id"))).InternetMessageId;

        // A participant he had in Cc answers the acknowledgment: the headers prove the context.
        var (_, cc) = await PostAsync(Mail("Marie Bernard <marie@example.fr>", "Re: Remboursement billet Paris-Munich", "J'étais sur le même vol.", "<marie1@example.fr>", $"In-Reply-To: {ackId}\nCc: luc@example.fr\n"));
        Assert.Equal(("appended", caseId), (cc.Str("outcome"), cc.Str("caseId")));

        // He forwards a document to the support address: same matter, same case.
        var (_, fwd) = await PostAsync(Mail("luc@example.fr", "TR: Remboursement billet Paris-Munich", "---------- Message transféré ----------\nVoici le reçu.", "<luc2@example.fr>"));
        Assert.Equal(("appended", caseId), (fwd.Str("outcome"), fwd.Str("caseId")));

        // References naming only messages Guichet never saw, but the reference in the subject.
        var (_, unknown) = await PostAsync(Mail("luc@example.fr", $"Re: [{reference}] et alors ?", "Relance.", "<luc3@example.fr>", "In-Reply-To: <never-seen@elsewhere.example>\nReferences: <never-seen@elsewhere.example>\n"));
        Assert.Equal(("appended", caseId), (unknown.Str("outcome"), unknown.Str("caseId")));

        // Outlook keeps only Thread-Index; the customer's own open case on the same subject takes it.
        var (_, outlook) = await PostAsync(Mail("luc@example.fr", "RE: Remboursement billet Paris-Munich", "Toujours rien.", "<luc4@example.fr>", "Thread-Index: AQHZ1234567890abcdef==\nThread-Topic: Remboursement billet Paris-Munich\n"));
        Assert.Equal(("appended", caseId), (outlook.Str("outcome"), outlook.Str("caseId")));

        // A relay rewrote our Message-ID: the In-Reply-To is unknown, the subject token still threads it.
        var (_, rewritten) = await PostAsync(Mail("luc@example.fr", $"Re: Votre demande {reference}", "Merci.", "<luc5@example.fr>", "In-Reply-To: <rewritten-by-relay@relay.example>\n"));
        Assert.Equal(("appended", caseId), (rewritten.Str("outcome"), rewritten.Str("caseId")));

        var (_, after) = await server.Api.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal("6", after.Str("contactCount"));
        Assert.Contains(after["messages"]!.AsArray(), m => m!.Str("author") == "Marie Bernard");
    }

    [Fact]
    public async Task The_same_message_delivered_twice_is_stored_once_with_or_without_a_Message_ID()
    {
        server.SkipIfUnavailable();
        var withId = Mail("paul@example.fr", "Facture", "Double débit.", "<dup@mail.example.fr>");
        var (_, first) = await PostAsync(withId);
        var (_, again) = await PostAsync(withId);
        Assert.Equal("created", first.Str("outcome"));
        Assert.Equal(("duplicate", first.Str("caseId"), first.Str("messageId")), (again.Str("outcome"), again.Str("caseId"), again.Str("messageId")));

        var noId = Mail("anna@example.fr", "Sans identifiant", "Pas de Message-ID ici.", null);
        var (_, a) = await PostAsync(noId);
        var (_, b) = await PostAsync(noId);
        Assert.Equal("created", a.Str("outcome"));
        Assert.Equal(("duplicate", a.Str("caseId")), (b.Str("outcome"), b.Str("caseId")));
        Assert.Equal(1, await server.ReadDbAsync(db => db.InboundEmails.CountAsync(e => e.MessageIdHeader == "<dup@mail.example.fr>")));
        Assert.Equal(1, await server.ReadDbAsync(db => db.Cases.CountAsync(c => c.Subject == "Sans identifiant")));
    }

    [Fact]
    public async Task Auto_replies_lists_and_bounces_are_kept_but_never_acknowledged_and_a_bounce_is_shown_on_its_case()
    {
        server.SkipIfUnavailable();
        var (_, original) = await PostAsync(Mail("marc@example.fr", "Remboursement", "Je veux être remboursé.", "<orig@mail.example.fr>"));
        var caseId = original.Str("caseId");
        var ack = await server.ReadDbAsync(db => db.Messages.SingleAsync(m => m.CaseId == long.Parse(caseId) && m.Kind == MessageKind.Acknowledgment));
        var outboxBefore = await server.ReadDbAsync(db => db.Outbox.CountAsync());

        var (_, auto) = await PostAsync(Mail("marc@example.fr", "Absence du bureau", "Je suis absent jusqu'au 4.", "<ooo@mail.example.fr>", $"Auto-Submitted: auto-replied\nIn-Reply-To: {ack.InternetMessageId}\n"));
        Assert.Equal(("ignored", caseId), (auto.Str("outcome"), auto.Str("caseId")));
        var (_, list) = await PostAsync(Mail("news@list.example.org", "Lettre d'information", "Nos offres.", "<list@list.example.org>", "List-Id: <offres.list.example.org>\nPrecedence: list\n"));
        Assert.Equal("ignored", list.Str("outcome"));
        var (_, bulk) = await PostAsync(Mail("promo@example.org", "Promo", "-50 %", "<bulk@example.org>", "Precedence: bulk\n"));
        Assert.Equal("ignored", bulk.Str("outcome"));

        var dsn = $"""
            From: Mail Delivery System <MAILER-DAEMON@mx.example.fr>
            To: support@guichet.test
            Subject: Undelivered Mail Returned to Sender
            Message-ID: <bounce1@mx.example.fr>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

            --b1
            Content-Type: text/plain

            Your message could not be delivered: mailbox full.
            --b1
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.fr
            Final-Recipient: rfc822; marc@example.fr
            Action: failed
            Status: 5.2.2
            --b1
            Content-Type: text/rfc822-headers

            From: support@guichet.test
            To: marc@example.fr
            Message-ID: {ack.InternetMessageId}
            Subject: Votre demande

            --b1--
            """;
        var (_, bounce) = await PostAsync(dsn);
        Assert.Equal(("ignored", caseId), (bounce.Str("outcome"), bounce.Str("caseId")));
        var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Contains(c["events"]!.AsArray(), e => e!.Str("kind") == "deliveryFailed");
        Assert.Equal("1", c.Str("contactCount"));
        Assert.Equal(outboxBefore, await server.ReadDbAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task Encodings_nested_parts_html_and_winmail_are_read_correctly()
    {
        server.SkipIfUnavailable();
        // 8-bit UTF-8 in the headers, as many mailers still send.
        var (_, eightBit) = await PostAsync(Encoding.UTF8.GetBytes(Mail("Hélène Dûpont <helene@example.fr>", "Réclamation été 2026", "Tout va mal.", "<8bit@example.fr>").Replace("\n", "\r\n", StringComparison.Ordinal)));
        var (_, c1) = await server.Api.GetJsonAsync($"/api/cases/{eightBit.Str("caseId")}");
        Assert.Equal(("Réclamation été 2026", "Hélène Dûpont"), (c1.Str("subject"), c1.Str("customer.name")));

        // ISO-8859-1, quoted-printable.
        var latin = Encoding.Latin1.GetBytes(Mail("=?iso-8859-1?q?Andr=E9?= <andre@example.fr>", "=?iso-8859-1?q?D=E9bit_en_double?=", "J'ai =E9t=E9 d=E9bit=E9 deux fois.", "<latin1@example.fr>",
            "Content-Transfer-Encoding: quoted-printable\n", "text/plain; charset=iso-8859-1").Replace("\n", "\r\n", StringComparison.Ordinal));
        var (_, qp) = await PostAsync(latin);
        Assert.Equal("created", qp.Str("outcome"));
        Assert.Contains("J'ai été débité deux fois.", (await MessageAsync(qp.Str("messageId"))).Body, StringComparison.Ordinal);

        // multipart/mixed { multipart/alternative { plain, html }, pdf, winmail.dat }: the plain text wins.
        var nested = """
            From: Sam <sam@example.fr>
            To: support@guichet.test
            Subject: Facture jointe
            Message-ID: <nested@example.fr>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: multipart/alternative; boundary="inner"

            --inner
            Content-Type: text/plain; charset=utf-8

            La facture est en pièce jointe.
            --inner
            Content-Type: text/html; charset=utf-8

            <p>La facture est <b>en pièce jointe</b>.</p>
            --inner--
            --outer
            Content-Type: application/pdf; name="facture.pdf"
            Content-Disposition: attachment; filename="facture.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PD4+CmVuZG9iagp0cmFpbGVyCjw8Pj4KJSVFT0YK
            --outer
            Content-Type: application/ms-tnef; name="winmail.dat"
            Content-Disposition: attachment; filename="winmail.dat"
            Content-Transfer-Encoding: base64

            eJ8+IgEAAQaQCAAEAAAAAAABAAEAAQeQBgAIAAAA5AQAAAAAAADoAAENgAQAAgAAAAIAAgAB
            --outer--
            """;
        var (_, mixed) = await PostAsync(nested);
        Assert.Equal("created", mixed.Str("outcome"));
        Assert.Equal("La facture est en pièce jointe.", (await MessageAsync(mixed.Str("messageId"))).Body);

        // Its files are listed on the message and download as attachments, cut out of the stored email.
        var (_, withFiles) = await server.Api.GetJsonAsync($"/api/cases/{mixed.Str("caseId")}");
        var files = withFiles["messages"]!.AsArray().Single(m => m!.Str("id") == mixed.Str("messageId"))!["attachments"]!.AsArray();
        Assert.Equal(["facture.pdf", "winmail.dat"], files.Select(f => f!.Str("fileName")));
        Assert.Equal(("application/pdf", "54"), (files[0]!.Str("contentType"), files[0]!.Str("size")));
        var pdf = await server.Api.GetAsync(files[0]!.Str("url"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal(("attachment", "facture.pdf"), (pdf.Content.Headers.ContentDisposition!.DispositionType, pdf.Content.Headers.ContentDisposition.FileNameStar ?? pdf.Content.Headers.ContentDisposition.FileName));
        Assert.Equal("nosniff", pdf.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("%PDF-1.4", Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
        // A damaged winmail.dat is kept as it came; anything but a few inert types downloads as bytes.
        var tnef = await server.Api.GetAsync(files[1]!.Str("url"), TestContext.Current.CancellationToken);
        Assert.Equal("application/octet-stream", tnef.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Api.GetAsync("/api/attachments/999999", TestContext.Current.CancellationToken)).StatusCode);

        // HTML only, with a script: the agent reads the text, never the script.
        var (_, html) = await PostAsync(Mail("web@example.fr", "Formulaire", "<html><body><script>alert('x')</script><p>Bonjour,</p><p>Ma commande <b>77120</b> est cassée.</p></body></html>", "<html@example.fr>", "", "text/html; charset=utf-8"));
        var body = (await MessageAsync(html.Str("messageId"))).Body;
        Assert.Contains("Ma commande 77120 est cassée.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreadable_or_oversized_messages_are_quarantined_with_their_bytes_and_nothing_is_lost()
    {
        server.SkipIfUnavailable();
        var before = await server.ReadDbAsync(db => db.InboundEmails.CountAsync());
        var garbage = new byte[] { 0, 1, 2, 255, 254, 10, 13, 0, 42 };
        var (status, g) = await PostAsync(garbage);
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("quarantined", g.Str("outcome"));
        var (_, noFrom) = await PostAsync("To: support@guichet.test\nSubject: Qui suis-je\nMessage-ID: <nofrom@example.fr>\n\nSans expéditeur.\n");
        Assert.Equal("quarantined", noFrom.Str("outcome"));

        var huge = Encoding.ASCII.GetBytes(Mail("big@example.fr", "Photos", "Voir pièces jointes.", "<huge@example.fr>")) .Concat(new byte[Guichet.Core.Email.MailIntakeSettings.DefaultMaxMessageBytes]).ToArray();
        var (_, big) = await PostAsync(huge);
        Assert.Equal("quarantined", big.Str("outcome"));
        // Over the limit: the text still reaches a case and the customer is told why the files were not opened.
        var (_, bigCase) = await server.Api.GetJsonAsync($"/api/cases/{big.Str("caseId")}");
        var notice = bigCase["messages"]!.AsArray().Single(m => m!.Str("kind") == "intakeNotice")!;
        Assert.Contains("dépasse les 25 Mo", notice.Str("body"), StringComparison.Ordinal);
        Assert.Contains(bigCase.Str("reference"), notice.Str("body"), StringComparison.Ordinal);
        var noticeId = long.Parse(notice.Str("id"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("big@example.fr", await server.ReadDbAsync(db => db.Outbox.Where(o => o.MessageId == noticeId).Select(o => o.Recipient).SingleAsync()));

        var kept = await server.ReadDbAsync(db => db.InboundEmails.Where(e => e.Outcome == InboundOutcome.Quarantined).OrderByDescending(e => e.Id).Take(3).ToListAsync());
        Assert.Equal(huge.Length, kept[0].Raw.Length);
        Assert.Equal(garbage, kept[2].Raw);
        Assert.All(kept, k => Assert.False(string.IsNullOrEmpty(k.Reason)));
        Assert.Equal(before + 3, await server.ReadDbAsync(db => db.InboundEmails.CountAsync()));
        // Processing it again under the same limit is refused with the reason; nothing changes.
        var (stillBig, why) = await server.Api.PostJsonAsync($"/api/inbound/email/{kept[0].Id}/reprocess", new { });
        Assert.Equal(HttpStatusCode.Conflict, stillBig.StatusCode);
        Assert.Contains("size", why["errors"]!.AsObject().Select(e => e.Key));
        (await server.Api.PostAsync("/api/inbound/email", new ByteArrayContent([]), TestContext.Current.CancellationToken)).EnsureNot2xx();
    }

    [Fact]
    public async Task A_reply_by_email_moves_a_waiting_case_back_to_open_and_reopens_a_resolved_one_with_a_new_date()
    {
        server.SkipIfUnavailable();
        var (_, created) = await PostAsync(Mail("Hugo Petit <hugo.petit@example.fr>", "Remboursement manquant", "Je n'ai pas reçu mon remboursement.", "<refund-1@example.fr>"));
        var id = created.Str("caseId");
        (await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body = "Pouvez-vous nous envoyer votre RIB ?" })).Response.EnsureSuccessStatusCode();
        (await server.Api.PostJsonAsync($"/api/cases/{id}/wait", new { })).Response.EnsureSuccessStatusCode();

        var (_, rib) = await PostAsync(Mail("hugo.petit@example.fr", "Re: Remboursement manquant", "Voici mon RIB.", "<refund-2@example.fr>", "In-Reply-To: <refund-1@example.fr>\n"));
        Assert.Equal(("appended", id), (rib.Str("outcome"), rib.Str("caseId")));
        var (_, waiting) = await server.Api.GetJsonAsync($"/api/cases/{id}");
        Assert.Equal(("open", "2"), (waiting.Str("status"), waiting.Str("contactCount")));
        Assert.Contains(waiting["events"]!.AsArray(), e => e!.Str("kind") == "statusChanged" && e!.Str("from") == "waitingOnCustomer" && e!.Str("to") == "open");

        (await server.Api.PostJsonAsync($"/api/cases/{id}/resolve", new { })).Response.EnsureSuccessStatusCode();
        var (_, again) = await PostAsync(Mail("hugo.petit@example.fr", "Re: Remboursement manquant", "Toujours rien reçu.", "<refund-3@example.fr>", "In-Reply-To: <refund-2@example.fr>\n"));
        Assert.Equal(("appended", id), (again.Str("outcome"), again.Str("caseId")));
        var (_, reopened) = await server.Api.GetJsonAsync($"/api/cases/{id}");
        Assert.Equal(("open", "3"), (reopened.Str("status"), reopened.Str("contactCount")));
        // Reopened by the customer: a new first-response promise and a new dated acknowledgment, the old promise kept as it was.
        Assert.Single(reopened["promises"]!.AsArray(), p => p!.Str("state") == "open");
        Assert.Equal(2, reopened["messages"]!.AsArray().Count(m => m!.Str("kind") == "acknowledgment"));
    }

    [Fact]
    public async Task A_quarantined_message_is_processed_again_after_a_fix_and_its_record_takes_the_outcome()
    {
        server.SkipIfUnavailable();
        var raw = Encoding.UTF8.GetBytes(Mail("Paul Girard <paul.girard@example.fr>", "Facture en double", "J'ai été débité deux fois.", "<misrouted@example.fr>").Replace("\n", "\r\n", StringComparison.Ordinal));
        using var content = new ByteArrayContent(raw);
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        // A pipe configured with a team that does not exist: kept, not lost, with the reason.
        var misrouted = await ApiJson.ReadAsync(await server.Api.PostAsync("/api/inbound/email?team=no-such-team", content, TestContext.Current.CancellationToken));
        Assert.Equal("quarantined", misrouted.Str("outcome"));
        var (_, list) = await server.Api.GetJsonAsync("/api/inbound/email?outcome=quarantined&pageSize=100");
        var item = list["items"]!.AsArray().Single(i => i!.Str("subject") == "Facture en double")!;
        Assert.Contains("no-such-team", item.Str("reason"), StringComparison.Ordinal);

        var (response, again) = await server.Api.PostJsonAsync($"/api/inbound/email/{item.Str("id")}/reprocess", new { });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("created", again.Str("outcome"));
        var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{again.Str("caseId")}");
        Assert.Equal("Paul Girard", c.Str("customer.name"));
        Assert.Contains(c["messages"]!.AsArray(), m => m!.Str("kind") == "acknowledgment");

        // The record itself changed: one row, now created, out of the quarantine list; a second try is refused.
        var record = await server.ReadDbAsync(db => db.InboundEmails.SingleAsync(e => e.MessageIdHeader == "<misrouted@example.fr>"));
        Assert.Equal(InboundOutcome.Created, record.Outcome);
        Assert.Equal(raw, record.Raw);
        var (second, problem) = await server.Api.PostJsonAsync($"/api/inbound/email/{item.Str("id")}/reprocess", new { });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("outcome", problem["errors"]!.AsObject().Select(e => e.Key));
        // The same message delivered again is still a duplicate of that record.
        var (_, duplicate) = await PostAsync(raw);
        Assert.Equal(("duplicate", again.Str("caseId")), (duplicate.Str("outcome"), duplicate.Str("caseId")));
    }

    [Fact]
    public async Task A_mail_laid_out_in_HTML_shows_its_cid_images_from_its_own_files_and_never_a_remote_one()
    {
        server.SkipIfUnavailable();
        var raw = """
            From: Lise Vidal <lise.vidal@example.fr>
            To: support@guichet.test
            Subject: Photo du carton abîmé
            Message-ID: <cid-view@example.fr>
            MIME-Version: 1.0
            Content-Type: multipart/related; boundary="rel"

            --rel
            Content-Type: text/html; charset=utf-8

            <html><body><p onclick="steal()">Voici le carton :</p><img src="cid:photo.1@example.fr" alt="carton"><img src="https://tracker.example.com/open.gif?u=lise" alt="pixel"><script>alert(1)</script></body></html>
            --rel
            Content-Type: image/png; name="carton.png"
            Content-ID: <photo.1@example.fr>
            Content-Transfer-Encoding: base64

            iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==
            --rel--
            """;
        var (_, mail) = await PostAsync(raw);
        Assert.Equal("created", mail.Str("outcome"));
        var (caseId, messageId) = (mail.Str("caseId"), mail.Str("messageId"));
        // The image is one of the message's files, listed with it.
        var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{caseId}");
        var files = c["messages"]!.AsArray().Single(m => m!.Str("id") == messageId)!["attachments"]!.AsArray();
        var photo = Assert.Single(files)!;
        Assert.Equal("carton.png", photo.Str("fileName"));

        // Laid out as sent: the cid: image points at that file, the tracking pixel is left out, no script, no handler.
        var view = await server.Api.GetAsync($"/api/cases/{caseId}/messages/{messageId}/html", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        Assert.Equal("text/html", view.Content.Headers.ContentType!.MediaType);
        var html = await view.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains($"src=\"{photo.Str("url")}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cid:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("tracker.example.com", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Voici le carton", html, StringComparison.Ordinal);
        // Its own policy: framed by Guichet's pages only, in a sandbox where nothing runs.
        var policy = view.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("sandbox allow-same-origin", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", policy, StringComparison.Ordinal);
        var image = await server.Api.GetAsync(photo.Str("url"), TestContext.Current.CancellationToken);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);

        // Another case's id, a message without files, a plain-text message: a clear 404 naming the field.
        var wrongCase = await server.Api.GetAsync($"/api/cases/{caseId}0/messages/{messageId}/html", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, wrongCase.StatusCode);
        var (_, plain) = await PostAsync(Mail("lise.vidal@example.fr", "Autre chose", "Juste du texte.", "<cid-view-2@example.fr>"));
        var none = await server.Api.GetAsync($"/api/cases/{plain.Str("caseId")}/messages/{plain.Str("messageId")}/html", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal("messageId", (await ApiJson.ReadAsync(none))["errors"]!.AsObject().Single().Key);
    }
}

public sealed class InboundEmailOnSqlite(SqliteServer server) : InboundEmailTests(server), IClassFixture<SqliteServer>;
public sealed class InboundEmailOnPostgres(PostgresServer server) : InboundEmailTests(server), IClassFixture<PostgresServer>;

internal static class ResponseChecks
{
    public static void EnsureNot2xx(this HttpResponseMessage response) => Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
}
