using System.Net;
using Guichet.Testing;

namespace Guichet.IntegrationTests.Routing;

/// <summary>SPEC E1, E2, C5 through the API: what a customer's message says puts the case to a lead or a manager.</summary>
public abstract class EscalationTests(GuichetServer server)
{
    private async Task<System.Text.Json.Nodes.JsonNode> OpenAsync(string email, string language, string subject, string body)
    {
        var (response, c) = await server.Api.PostJsonAsync("/api/cases", new { customer = new { name = "Sam Client", email, language }, channel = "email", subject, body, team = "service-client" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return c;
    }

    [Fact]
    public async Task A_phishing_report_in_English_and_one_in_French_go_to_the_lead_with_the_matched_reason()
    {
        server.SkipIfUnavailable();
        var english = await OpenAsync("esc.en@example.com", "en", "Strange email", "I got an email with your logo asking for my password. Is this phishing?");
        var french = await OpenAsync("esc.fr@example.fr", "fr", "SMS bizarre", "J'ai reçu un SMS d'hameçonnage qui imite votre service, avec un lien.");

        Assert.Equal("lead", english.Str("escalation.level"));
        Assert.Contains("phishing", english.Str("escalation.reason"), StringComparison.Ordinal);
        Assert.Equal("lead", french.Str("escalation.level"));
        Assert.Contains("hameçonnage", french.Str("escalation.reason"), StringComparison.Ordinal);
        Assert.Equal("high", french.Str("priority"));
        Assert.Contains(french["events"]!.AsArray(), e => e!.Str("kind") == "escalated" && e!.Str("to") == "lead" && e!.Str("detail").Contains("E2.fraud", StringComparison.Ordinal));

        var (_, queue) = await server.Api.GetJsonAsync("/api/escalations");
        var ids = queue.AsArray().Select(c => c!.Str("id")).ToList();
        Assert.Contains(english.Str("id"), ids);
        Assert.Contains(french.Str("id"), ids);

        var calm = await OpenAsync("esc.calm@example.fr", "fr", "Commande", "Bonjour, pouvez-vous me dire quand ma commande 4411 partira ? Merci.");
        Assert.Null(calm["escalation"]?.GetValue<object>());
    }

    [Fact]
    public async Task A_customer_repeating_their_story_is_counted_as_a_re_explanation_and_the_stalled_case_goes_up()
    {
        server.SkipIfUnavailable();
        const string story = "Mon colis commandé le 12 décembre devait être livré au relais Tabac Carnot, le relais affirme ne jamais l'avoir reçu.";
        var c = await OpenAsync("esc.repeat@example.fr", "fr", "Colis relais", story);
        await server.Api.PostJsonAsync($"/api/cases/{c.Str("id")}/messages", new { direction = "in", channel = "phone", body = "Je répète : mon colis commandé le 12 décembre devait être livré au relais Tabac Carnot, et le relais affirme ne l'avoir jamais reçu." });

        var (_, after) = await server.Api.GetJsonAsync($"/api/cases/{c.Str("id")}");
        Assert.Equal("1", after.Str("reExplanations"));
        Assert.Contains(after["events"]!.AsArray(), e => e!.Str("kind") == "reExplained");
        Assert.Contains("E1.repeated", after.Str("escalation.codes"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_team_sets_its_own_major_problems_and_a_line_that_does_not_read_is_refused()
    {
        server.SkipIfUnavailable();
        await server.Api.PatchJsonAsync("/api/teams/service-client", new { mailAddress = "clients@esc.example" });
        (await server.Api.PatchJsonAsync("/api/teams/service-client", new { majorProblems = "recall | boss | rappel produit" })).AssertProblemNames(400, "majorProblems");
        var (saved, team) = await server.Api.PatchJsonAsync("/api/teams/service-client", new { majorProblems = "recall | manager | rappel produit, product recall" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("recall | manager | rappel produit, product recall", team.Str("majorProblems"));
        // A patch changes only what it names: the mailbox stays.
        Assert.Equal("clients@esc.example", team.Str("mailAddress"));
        try
        {
            var c = await OpenAsync("esc.recall@example.fr", "fr", "Radiateur", "Mon radiateur est-il concerné par votre rappel produit ?");
            Assert.Equal("manager", c.Str("escalation.level"));
            Assert.Contains("E2.recall", c.Str("escalation.codes"), StringComparison.Ordinal);
        }
        finally
        {
            await server.Api.PatchJsonAsync("/api/teams/service-client", new { majorProblems = Core.Routing.MajorProblems.Default, mailAddress = (string?)null });
        }
    }
}

public sealed class EscalationsOnSqlite(SqliteServer server) : EscalationTests(server), IClassFixture<SqliteServer>;
public sealed class EscalationsOnPostgres(PostgresServer server) : EscalationTests(server), IClassFixture<PostgresServer>;
