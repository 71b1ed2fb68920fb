using System.Net;
using Guichet.Testing;

namespace Guichet.IntegrationTests.Incidents;

/// <summary>SPEC E3 (seeds/001: tornado victims asked to return their modem or pay): the crisis protocol through the API.</summary>
public abstract class CrisisTests(GuichetServer server)
{
    private const string StandardModemReturn = "{{ greeting }},\n\nSuite à votre résiliation, merci de nous retourner votre modem sous 15 jours ; à défaut, des frais de non-restitution du modem de 120 € vous seront facturés.\n\n{{ agent.name }}";

    private static object Customer(string email, string postalCode) => new { name = "Emilie Carter", email, language = "fr", postalCode };

    [Fact]
    public async Task A_customer_in_a_crisis_region_gets_the_crisis_answer_with_the_fee_waived_and_the_standard_modem_template_is_blocked()
    {
        server.SkipIfUnavailable();
        await server.Api.PutJsonAsync("/api/templates/retour-modem", new { team = "service-client", language = "fr", name = "Retour du modem", body = StandardModemReturn });
        // A customer of the region already had an open case before the storm.
        var (_, before) = await server.Api.PostJsonAsync("/api/cases", new { customer = Customer("crisis.before@example.fr", "31500"), channel = "email", subject = "Facture", body = "Une question sur ma facture de novembre." });

        (await server.Api.PostJsonAsync("/api/crises", new { name = "Tempête", kind = "storm" })).AssertProblemNames(400, "regions");
        var (declared, crisis) = await server.Api.PostJsonAsync("/api/crises", new
        {
            name = "Tempête Ciarán", kind = "storm", regions = "31*, 32000",
            fees = new[] { "MODEM-RETURN: frais de non-restitution du modem", "CANCEL-FEE: frais de résiliation" },
            acknowledgment = "{{ greeting }},\n\nNous savons que la tempête vous a touché. Votre demande {{ case.reference }} est traitée en priorité : votre service peut être suspendu sans aucuns frais, et rien ne vous sera facturé pour le matériel perdu. Une personne vous répondra au plus tard le {{ promise.due }}.\n\n{{ team.name }}",
            reply = "{{ greeting }},\n\nVotre service est suspendu sans frais jusqu'au rétablissement du réseau. Le matériel endommagé par la tempête ne vous sera jamais facturé.\n\n{{ agent.name }}",
        });
        Assert.Equal(HttpStatusCode.Created, declared.StatusCode);
        Assert.Equal("1", crisis.Str("cases"));
        var (_, tagged) = await server.Api.GetJsonAsync($"/api/cases/{before.Str("id")}");
        Assert.Equal("urgent", tagged.Str("priority"));
        Assert.Contains(tagged["events"]!.AsArray(), e => e!.Str("kind") == "crisisJoined" && e!.Str("detail").Contains("MODEM-RETURN", StringComparison.Ordinal));

        // A customer of Toulouse asks to suspend the service: the crisis acknowledgment, urgent, fees waived on the case.
        var (opened, c) = await server.Api.PostJsonAsync("/api/cases", new { customer = Customer("crisis.suspend@example.fr", "31400"), channel = "email", subject = "Suspendre mon abonnement", body = "Ma maison est inondée après la tempête, je voudrais suspendre mon abonnement." });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        Assert.Contains("votre service peut être suspendu sans aucuns frais", c.Str("acknowledgment.body"), StringComparison.Ordinal);
        Assert.Equal("urgent", c.Str("priority"));
        Assert.Contains(c["events"]!.AsArray(), e => e!.Str("kind") == "crisisJoined" && e!.Str("detail").Contains("fees waived MODEM-RETURN, CANCEL-FEE", StringComparison.Ordinal));
        var id = c.Str("id");

        // The agent tries the standard "return your modem or pay" template: blocked, for both reasons.
        var refused = await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", templateId = "retour-modem" });
        refused.AssertProblemNames(422, "body");
        var reasons = refused.Body["errors"]!["body"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        Assert.Contains(reasons, r => r.StartsWith("E3.template", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("E3.fee", StringComparison.Ordinal) && r.Contains("MODEM-RETURN", StringComparison.Ordinal));
        // Even with a justification: the fee warning is not one the team lets agents send anyway.
        (await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body = "Bonjour, des frais de non-restitution du modem s'appliquent.", overrides = new[] { "E3.fee" }, justification = "procédure" }))
            .AssertProblemNames(422, "body");

        // The crisis answer, personalised, leaves.
        var (_, preview) = await server.Api.PostJsonAsync("/api/templates/preview", new { templateId = "crisis", caseId = long.Parse(id, System.Globalization.CultureInfo.InvariantCulture) });
        var personal = preview.Str("text").Replace("jusqu'au rétablissement du réseau.", "jusqu'au rétablissement du réseau ; un technicien passera dès que votre rue sera accessible.", StringComparison.Ordinal);
        var (sent, message) = await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", templateId = "crisis", body = personal });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.Contains("suspendu sans frais", message.Str("body"), StringComparison.Ordinal);

        // Outside the region, nothing changes.
        var (_, elsewhere) = await server.Api.PostJsonAsync("/api/cases", new { customer = Customer("crisis.paris@example.fr", "75011"), channel = "email", subject = "Suspendre", body = "Je voudrais suspendre mon abonnement pendant mes vacances." });
        Assert.Contains("Merci pour votre message", elsewhere.Str("acknowledgment.body"), StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere["events"]!.AsArray(), e => e!.Str("kind") == "crisisJoined");

        // Ending the crisis is recorded; the standard template is allowed again.
        var (ended, over) = await server.Api.PostJsonAsync($"/api/crises/{crisis.Str("id")}/end", new { });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.NotEqual("", over.Str("endedAt"));
        (await server.Api.PostJsonAsync($"/api/crises/{crisis.Str("id")}/end", new { })).AssertProblemNames(409, "id");
        var after = await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", templateId = "retour-modem" });
        Assert.DoesNotContain(after.Body["errors"]?["body"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [], r => r.StartsWith("E3", StringComparison.Ordinal));
    }
}

public sealed class CrisisOnSqlite(SqliteServer server) : CrisisTests(server), IClassFixture<SqliteServer>;
public sealed class CrisisOnPostgres(PostgresServer server) : CrisisTests(server), IClassFixture<PostgresServer>;
