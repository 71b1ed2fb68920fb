using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Guichet.Core.Agents;
using Guichet.Core.Notifications;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Surveys;

/// <summary>SPEC M1: one survey per resolved case, after the team's delay, never while a promise is open, cancelled by a reopen.</summary>
public abstract partial class SurveyTests(GuichetServer server)
{
    private async Task<string> ResolvedCaseAsync(string email)
    {
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French(email));
        var id = c.Str("id");
        (await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body = "Bonjour Julien Rio, vos bagages ont été retrouvés et livrés ce matin." })).Response.EnsureSuccessStatusCode();
        return id;
    }

    private async Task ResolveAsync(string id) =>
        (await server.Api.PostJsonAsync($"/api/cases/{id}/resolve", new { })).Response.EnsureSuccessStatusCode();

    private async Task<JsonArray> SurveysAsync(string caseId) => (await server.Api.GetJsonAsync($"/api/surveys?caseId={caseId}")).Body.AsArray();

    private async Task<List<JsonNode>> SurveyMessagesAsync(string caseId) =>
        (await server.Api.GetJsonAsync($"/api/cases/{caseId}")).Body["messages"]!.AsArray().Where(m => m!.Str("kind") == "survey").Select(m => m!).ToList();

    [Fact]
    public async Task A_resolved_case_gets_one_survey_after_the_delay_answered_once_by_its_link()
    {
        server.SkipIfUnavailable();
        var lead = await server.AddAgentAsync("lead.survey@guichet.test", "Léa Survey", AgentRole.Lead);
        var id = await ResolvedCaseAsync("survey.link@example.fr");
        await ResolveAsync(id);
        await server.AdvanceAsync(TimeSpan.FromHours(1));
        var scheduled = Assert.Single(await SurveysAsync(id))!;
        Assert.Equal("scheduled", scheduled.Str("state"));
        Assert.Empty(await SurveyMessagesAsync(id));

        await server.AdvanceAsync(TimeSpan.FromHours(24));
        var sent = Assert.Single(await SurveysAsync(id))!;
        Assert.Equal("sent", sent.Str("state"));
        Assert.Equal("email", sent.Str("channel"));
        var message = Assert.Single(await SurveyMessagesAsync(id));
        Assert.Contains("Votre demande", message.Str("body"), StringComparison.Ordinal);
        var token = Link().Match(message.Str("body")).Groups[1].Value;
        Assert.NotEmpty(token);
        Assert.Equal(1, await server.ReadDbAsync(db => db.Outbox.CountAsync(o => o.Message.Kind == Core.Cases.MessageKind.Survey && o.Message.CaseId == long.Parse(id))));

        (await server.Api.PostJsonAsync($"/api/surveys/{token}", new { csat = 9 })).AssertProblemNames(400, "csat");
        (await server.Api.PostJsonAsync($"/api/surveys/{token}", new { csat = 2, effort = 8 })).AssertProblemNames(400, "effort");
        using var anonymous = new HttpClient { BaseAddress = server.Api.BaseAddress };
        var (_, view) = await anonymous.GetJsonAsync($"/api/surveys/{token}");
        Assert.Equal("sent", view.Str("state"));
        var (answered, _) = await anonymous.PostJsonAsync($"/api/surveys/{token}", new { csat = 2, effort = 6, comment = "Trois appels pour rien." });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        (await anonymous.PostJsonAsync($"/api/surveys/{token}", new { csat = 5 })).AssertProblemNames(409, "survey");
        var done = Assert.Single(await SurveysAsync(id))!;
        Assert.Equal(("answered", "2", "6", "Trois appels pour rien."), (done.Str("state"), done.Str("csat"), done.Str("effort"), done.Str("comment")));
        // An unhappy answer is someone's job: the team's lead hears of it.
        Assert.True(await server.ReadDbAsync(db => db.Notifications.AnyAsync(n => n.AgentId == lead && n.Kind == NotificationKind.LowSatisfaction && n.CaseId == long.Parse(id))));

        // Never twice: more time changes nothing.
        await server.AdvanceAsync(TimeSpan.FromDays(3));
        Assert.Single(await SurveyMessagesAsync(id));
        (await anonymous.GetJsonAsync("/api/surveys/not-a-token")).AssertProblemNames(404, "token");
    }

    [Fact]
    public async Task The_customer_answers_on_the_page_the_link_opens()
    {
        server.SkipIfUnavailable();
        var id = await ResolvedCaseAsync("survey.page@example.fr");
        await ResolveAsync(id);
        await server.AdvanceAsync(TimeSpan.FromHours(25));
        var token = Link().Match(Assert.Single(await SurveyMessagesAsync(id)).Str("body")).Groups[1].Value;
        using var customer = Browserless.Anonymous(server);
        var (status, page, _) = await customer.GetAsync($"/avis/{token}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("La réponse apportée vous satisfait-elle ?", page, StringComparison.Ordinal);

        var (refused, again, _) = await customer.PostFormAsync($"/avis/{token}", $"/avis/{token}", new() { ["_handler"] = "survey", ["Csat"] = "9" });
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains("id=\"errors\"", again, StringComparison.Ordinal);
        var (_, thanks, _) = await customer.PostFormAsync($"/avis/{token}", $"/avis/{token}", new() { ["_handler"] = "survey", ["Csat"] = "5", ["Effort"] = "1", ["Comment"] = "Parfait <b>merci</b>" });
        Assert.Contains("Merci pour votre réponse", thanks, StringComparison.Ordinal);
        var survey = Assert.Single(await SurveysAsync(id))!;
        Assert.Equal(("answered", "5", "1", "Parfait <b>merci</b>"), (survey.Str("state"), survey.Str("csat"), survey.Str("effort"), survey.Str("comment")));
        (_, page, _) = await customer.GetAsync($"/avis/{token}");
        Assert.Contains("id=\"survey-done\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await customer.GetAsync("/avis/unknown-token")).Status);
    }

    [Fact]
    public async Task No_survey_while_a_promise_is_open_then_one_once_it_is_kept()
    {
        server.SkipIfUnavailable();
        var id = await ResolvedCaseAsync("survey.promise@example.fr");
        var (_, promise) = await server.Api.PostJsonAsync($"/api/cases/{id}/promises", new { what = "Confirmer le remboursement du taxi", dueInBusinessHours = 40 });
        await ResolveAsync(id);
        await server.AdvanceAsync(TimeSpan.FromHours(30));
        Assert.Empty(await SurveysAsync(id));
        Assert.Empty(await SurveyMessagesAsync(id));

        (await server.Api.PostJsonAsync($"/api/promises/{promise.Str("id")}/keep", new { })).Response.EnsureSuccessStatusCode();
        await server.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Equal("scheduled", Assert.Single(await SurveysAsync(id))!.Str("state"));
        await server.AdvanceAsync(TimeSpan.FromHours(24));
        Assert.Equal("sent", Assert.Single(await SurveysAsync(id))!.Str("state"));
    }

    [Fact]
    public async Task A_reopen_cancels_the_survey_and_the_next_resolution_sends_it_once()
    {
        server.SkipIfUnavailable();
        var id = await ResolvedCaseAsync("survey.reopen@example.fr");
        await ResolveAsync(id);
        await server.AdvanceAsync(TimeSpan.FromHours(2));
        Assert.Equal("scheduled", Assert.Single(await SurveysAsync(id))!.Str("state"));

        // The customer writes back before the survey left: the problem is not solved.
        (await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "in", channel = "email", body = "En fait il manque la deuxième valise." })).Response.EnsureSuccessStatusCode();
        await server.AdvanceAsync(TimeSpan.FromHours(1));
        var cancelled = Assert.Single(await SurveysAsync(id))!;
        Assert.Equal(("cancelled", "the case reopened"), (cancelled.Str("state"), cancelled.Str("cancelReason")));
        await server.AdvanceAsync(TimeSpan.FromHours(30));
        Assert.Empty(await SurveyMessagesAsync(id));

        (await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body = "Bonjour Julien Rio, la deuxième valise est livrée." })).Response.EnsureSuccessStatusCode();
        await ResolveAsync(id);
        await server.AdvanceAsync(TimeSpan.FromHours(25));
        Assert.Equal("sent", Assert.Single(await SurveysAsync(id))!.Str("state"));
        Assert.Single(await SurveyMessagesAsync(id));
    }

    [Fact]
    public async Task An_email_reply_with_the_scores_answers_without_reopening_and_prose_reopens()
    {
        server.SkipIfUnavailable();
        var id = await ResolvedCaseAsync("survey.mail@example.fr");
        await ResolveAsync(id);
        await server.AdvanceAsync(TimeSpan.FromHours(25));
        var messageId = await server.ReadDbAsync(db => db.Surveys.Where(s => s.CaseId == long.Parse(id)).Select(s => s.Message!.InternetMessageId).SingleAsync());
        Assert.NotNull(messageId);

        var (took, receipt) = await PostMailAsync(Reply("survey.mail@example.fr", messageId!, "<answer-1@example.fr>", "4 2\nMerci, rapide."));
        Assert.Equal(HttpStatusCode.Accepted, took.StatusCode);
        Assert.Equal(id, receipt.Str("caseId"));
        var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{id}");
        Assert.Equal("resolved", c.Str("status"));
        var survey = Assert.Single(await SurveysAsync(id))!;
        Assert.Equal(("answered", "4", "2", "Merci, rapide."), (survey.Str("state"), survey.Str("csat"), survey.Str("effort"), survey.Str("comment")));

        // Words without scores are the customer writing about their case again: it reopens.
        await PostMailAsync(Reply("survey.mail@example.fr", messageId!, "<answer-2@example.fr>", "Finalement la valise est abîmée."));
        var (_, reopened) = await server.Api.GetJsonAsync($"/api/cases/{id}");
        Assert.Equal("open", reopened.Str("status"));
    }

    [Fact]
    public async Task Cases_opened_by_an_incident_get_no_survey()
    {
        server.SkipIfUnavailable();
        var (_, incident) = await server.Api.PostJsonAsync("/api/incidents", new { kind = "delay", title = "Vol AF123 retardé" });
        (await server.Api.PostJsonAsync($"/api/incidents/{incident.Str("id")}/affected", new[] { new { email = "outreach.survey@example.fr", name = "Anne Outreach", language = "fr" } })).Response.EnsureSuccessStatusCode();
        await server.AdvanceAsync(TimeSpan.FromHours(30));
        var surveyed = await server.ReadDbAsync(db => db.Surveys.CountAsync(s => s.Case.Customer.Identities.Any(i => i.Value == "outreach.survey@example.fr")));
        Assert.Equal(0, surveyed);
    }

    private async Task<(HttpResponseMessage Response, JsonNode Body)> PostMailAsync(string raw)
    {
        using var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(raw));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("message/rfc822");
        var response = await server.Api.PostAsync("/api/inbound/email", content, TestContext.Current.CancellationToken);
        return (response, await ApiJson.ReadAsync(response));
    }

    private static string Reply(string from, string inReplyTo, string messageId, string text) =>
        $"From: Julien Rio <{from}>\r\nTo: service@guichet.test\r\nSubject: Re: Votre avis\r\nMessage-ID: {messageId}\r\nIn-Reply-To: {inReplyTo}\r\nReferences: {inReplyTo}\r\nDate: Mon, 30 Nov 2026 10:00:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{text}\r\n";

    [GeneratedRegex(@"/avis/([A-Za-z0-9_-]+)")]
    private static partial Regex Link();
}

public sealed class SurveysOnSqlite(SqliteServer server) : SurveyTests(server), IClassFixture<SqliteServer>;
public sealed class SurveysOnPostgres(PostgresServer server) : SurveyTests(server), IClassFixture<PostgresServer>;
