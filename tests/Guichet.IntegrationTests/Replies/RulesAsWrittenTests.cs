using System.Net;
using Guichet.Core.Cases;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Guichet.IntegrationTests.Replies;

/// <summary>
/// Issue 23 through the API and a real mail server: the excuses and redirects of SPEC P4 and C3,
/// as agents and teams really write them, never reach the customer's mailbox, and a parcel
/// "est perdu" in the customer's own words goes to the service manager at once (E2).
/// </summary>
public sealed class RulesAsWrittenTests(SmtpOnlyServer server) : IClassFixture<SmtpOnlyServer>
{
    private async Task<(long Id, string Reference, string Subject)> WriteInAsync(string body, CancellationToken ct)
    {
        await server.UseTeamMailboxAsync();
        using var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress("Claire Cliente", "customer@guichet.test"));
        mail.To.Add(new MailboxAddress("Support", "support@guichet.test"));
        mail.Subject = $"Dossier {Guid.NewGuid():N}"[..20];
        mail.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("customer.example");
        mail.Body = new TextPart("plain") { Text = body };
        var (_, created) = await server.PostMailAsync(mail, ct);
        var id = long.Parse(created.Str("caseId"), System.Globalization.CultureInfo.InvariantCulture);
        var reference = await server.ReadDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Reference).SingleAsync(ct));
        return (id, reference, mail.Subject);
    }

    [Theory]
    [InlineData("Merci d'écrire directement au service Bagages à l'adresse bagages@example.com.")]
    [InlineData("Écrivez à bagages@example.com avec vos photos.")]
    [InlineData("Merci d'appeler le 01 80 00 00 01 (service Bagages).")]
    [InlineData("Please get in touch with our billing department.")]
    public async Task A_reply_sending_the_customer_elsewhere_is_stopped_and_never_reaches_them(string redirect)
    {
        server.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var (id, reference, subject) = await WriteInAsync("Bonjour, ma valise est arrivée abîmée.", ct);

        var refused = await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body = $"Bonjour Claire Cliente,\n\n{redirect}" });
        refused.AssertProblemNames(422, "body");
        Assert.Contains(refused.Body["errors"]!["body"]!.AsArray(), r => r!.GetValue<string>().StartsWith("C3.redirect", StringComparison.Ordinal));
        var (answered, _) = await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body = "Bonjour Claire Cliente,\n\nNous avons transmis vos photos au service Bagages, qui vous répondra ici." });
        Assert.Equal(HttpStatusCode.Created, answered.StatusCode);

        await server.AdvanceAsync(TimeSpan.FromSeconds(1));
        var received = await server.MailboxAsync("customer", reference, subject, 2, ct);
        Assert.Contains(received, m => (m.TextBody ?? "").Contains("qui vous répondra ici", StringComparison.Ordinal));
        Assert.DoesNotContain(received, m => (m.TextBody ?? "").Contains(redirect, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_team_delay_notice_with_an_excuse_is_flagged_and_the_customer_gets_the_shipped_words()
    {
        server.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var excuse = "En raison d'une grève et de plusieurs collègues malades, vous aurez notre réponse le {{ promise.due }}.";
        var (saved, _) = await server.Api.PutJsonAsync("/api/templates/delay-notice", new { team = "service-client", language = "fr", body = "{{ greeting }},\n\n" + excuse + "\n\n{{ team.name }}" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var (id, reference, subject) = await WriteInAsync("Bonjour, où en est mon remboursement ?", ct);

        // The lint (preview) names the excuse, with the words it found.
        var (_, preview) = await server.Api.PostJsonAsync("/api/templates/preview", new { templateId = "delay-notice", caseId = id });
        Assert.Contains(preview["reasons"]!.AsArray(), r => r!.Str("code") == "P4.excuse" && r!.Str("message").Contains("grève", StringComparison.Ordinal));

        // Nobody answers: the watcher moves the date and tells the customer, in the shipped words.
        var due = await server.ReadDbAsync(db => db.Promises.Where(p => p.CaseId == id).Select(p => p.DueAt).SingleAsync(ct));
        while (server.Clock.GetUtcNow() < due)
        {
            await server.AdvanceAsync(TimeSpan.FromHours(1));
        }
        var notice = await server.ReadDbAsync(db => db.Messages.SingleAsync(m => m.CaseId == id && m.Kind == MessageKind.DelayNotice, ct));
        Assert.DoesNotContain("grève", notice.Body, StringComparison.Ordinal);
        var received = await server.MailboxAsync("customer", reference, subject, 2, ct);
        Assert.Contains(received, m => (m.TextBody ?? "").Contains("Nous sommes désolés", StringComparison.Ordinal));
        Assert.DoesNotContain(received, m => (m.TextBody ?? "").Contains("grève", StringComparison.Ordinal) || (m.TextBody ?? "").Contains("malades", StringComparison.Ordinal));
        var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{id}");
        Assert.Contains(c["events"]!.AsArray(), e => e!.Str("kind") == "guardBlocked" && e!.Str("to").Contains("P4.excuse", StringComparison.Ordinal));
        await server.Api.PutJsonAsync("/api/templates/delay-notice", new { team = "service-client", language = "fr", body = "{{ greeting }},\n\nNous sommes désolés : vous aurez notre réponse le {{ promise.due }}.\n\nMerci de votre patience.\n{{ team.name }}" });
    }

    [Theory]
    [InlineData("En raison d'une grève, nous vous répondrons le {{ promise.due }}.", "grève")]
    [InlineData("Un collègue est malade : vous aurez notre réponse le {{ promise.due }}.", "malade")]
    [InlineData("Un virus a paralysé nos ordinateurs ; réponse le {{ promise.due }}.", "virus")]
    [InlineData("Nos équipes étant en sous-effectif, nous reviendrons vers vous le {{ promise.due }}.", "sous-effectif")]
    public async Task The_template_lint_names_each_excuse_the_spec_quotes(string sentence, string found)
    {
        server.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        // Another matter than the other tests' (this fixture's customer writes them all): no case joins another.
        var (id, _, _) = await WriteInAsync("Bonjour, ma carte de fidélité ne s'affiche plus dans l'application.", ct);
        var (_, preview) = await server.Api.PostJsonAsync("/api/templates/preview", new { templateId = "delay-notice", caseId = id, body = "{{ greeting }},\n\n" + sentence + "\n\n{{ team.name }}" });
        Assert.Contains(preview["reasons"]!.AsArray(), r => r!.Str("code") == "P4.excuse" && r!.Str("message").Contains(found, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_team_adds_its_own_redirect_phrases_and_the_guard_reads_them_as_people_write()
    {
        server.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var (patched, team) = await server.Api.PatchJsonAsync("/api/teams/service-client", new { redirectPhrases = "comptoir|guichet objets trouvés" });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("comptoir|guichet objets trouvés", team.Str("redirectPhrases"));
        var (id, _, _) = await WriteInAsync("Bonjour, j'ai oublié mon sac dans le train.", ct);
        var refused = await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body = "Bonjour Claire Cliente,\n\nLe comptoir des objets trouvés de la gare garde les sacs oubliés." });
        refused.AssertProblemNames(422, "body");
        Assert.Contains(refused.Body["errors"]!["body"]!.AsArray(), r => r!.GetValue<string>().Contains("comptoir des objets trouvés", StringComparison.Ordinal));
        await server.Api.PatchJsonAsync("/api/teams/service-client", new { redirectPhrases = "" });
    }

    [Theory]
    [InlineData("Bonjour, mon colis est perdu depuis dix jours.", "lost-parcel")]
    [InlineData("Le colis semble perdu, le suivi ne bouge plus.", "lost-parcel")]
    [InlineData("Bonjour, ma valise n'est jamais arrivée à Munich.", "lost-baggage")]
    public async Task A_major_problem_in_the_customers_words_goes_to_the_service_manager_at_once(string body, string problem)
    {
        server.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var (id, _, _) = await WriteInAsync(body, ct);
        var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{id}");
        Assert.Equal("manager", c.Str("escalation.level"));
        Assert.Contains($"Major problem ({problem})", c.Str("escalation.reason"), StringComparison.Ordinal);
    }
}
