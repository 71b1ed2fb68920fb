using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Guichet.Core.Cases;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Email;

/// <summary>
/// C1 by content through the real doors (issue 22): a known customer writing under a new subject
/// joins the open case it is about, on every channel, with the reason on the case; when the rule
/// is unsure both cases say "perhaps the same matter", merged or dismissed in one click.
/// </summary>
public abstract class SameMatterTests(GuichetServer server)
{
    private static string Mail(string from, string subject, string body, string messageId) =>
        $"From: {from}\r\nTo: support@guichet.test\r\nSubject: {subject}\r\nDate: Fri, 27 Nov 2026 16:00:00 +0100\r\nMessage-ID: {messageId}\r\n" +
        $"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{body.Replace("\n", "\r\n", StringComparison.Ordinal)}\r\n";

    private async Task<JsonNode> PostMailAsync(string raw)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(raw));
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        var response = await server.Api.PostAsync("/api/inbound/email", content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await ApiJson.ReadAsync(response);
    }

    private static string Tag() => Guid.NewGuid().ToString("N")[..10];

    private Task<List<CaseEvent>> EventsAsync(string caseId, CaseEventKind kind) =>
        server.ReadDbAsync(db => db.CaseEvents.AsNoTracking().Where(e => EF.Property<long>(e, "CaseId") == long.Parse(caseId, System.Globalization.CultureInfo.InvariantCulture) && e.Kind == kind).OrderBy(e => e.Id).ToListAsync());

    /// <summary>
    /// Seeds/000: the customer wrote three emails over three weeks about the same lost baggage,
    /// each under its own subject, and called the hotline in between. Today it is one case, the
    /// repeat contacts counted, each join with its reason.
    /// </summary>
    [Fact]
    public async Task The_Lufthansa_story_three_emails_over_three_weeks_and_a_call_end_on_one_case_with_the_repeat_contacts_counted()
    {
        server.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var address = $"mathis.carrel.{Tag()}@example.fr";
        var first = await PostMailAsync(Mail($"Mathis Carrel <{address}>", "Réclamation – vol du 14 septembre Lyon-Francfort-Oslo, bagages perdus",
            "Madame, Monsieur,\n\nle 14 septembre j'ai voyagé avec un ami de Lyon à Oslo via Francfort. À cause de la grève, notre vol a été modifié, nous n'avons pas pu être assis ensemble, " +
            "le vol a été retardé et nous avons manqué la correspondance. Nos deux valises ne sont jamais arrivées et nous avons été renvoyés d'un comptoir à l'autre pendant plus de trois heures. " +
            "Je vous demande de retrouver nos bagages et de nous indemniser.\n\nCordialement,\nMathis Carrel", $"<{Tag()}@carrel.example.fr>"));
        Assert.Equal("created", first.Str("outcome"));
        var caseId = first.Str("caseId");

        await server.AdvanceAsync(TimeSpan.FromDays(7));
        var second = await PostMailAsync(Mail($"Mathis Carrel <{address}>", "Où en est ma demande ?",
            "Bonjour,\n\nje vous ai écrit il y a une semaine au sujet de notre voyage du 14 septembre et de nos valises perdues à Francfort. Je n'ai reçu que la réponse automatique. " +
            "Pouvez-vous me dire où en est le traitement de ma réclamation ?\n\nMathis Carrel", $"<{Tag()}@carrel.example.fr>"));
        Assert.Equal(("appended", caseId), (second.Str("outcome"), second.Str("caseId")));

        // He calls the hotline; the agent finds his case and logs the call on it.
        await server.AdvanceAsync(TimeSpan.FromDays(6));
        var start = GuichetServer.Start.AddDays(13);
        var (call, _) = await server.Api.PostJsonAsync($"/api/cases/{caseId}/calls", new { caller = "+33 6 12 34 56 78", start, end = start.AddMinutes(9), outcome = "followUp", notes = "Le client rappelle pour ses deux valises perdues à Francfort." });
        Assert.Equal(HttpStatusCode.Created, call.StatusCode);

        await server.AdvanceAsync(TimeSpan.FromDays(8));
        var third = await PostMailAsync(Mail($"Mathis Carrel <{address}>", "Troisième email – toujours aucune réponse",
            "Bonjour,\n\nc'est mon troisième email. J'ai appelé votre service client et on m'a dit de vous écrire, alors je vous réécris. " +
            "Nos bagages perdus lors de la correspondance à Francfort le 14 septembre ne nous ont toujours pas été rendus. Puis-je espérer une réponse un jour ?\n\nM. Carrel", $"<{Tag()}@carrel.example.fr>"));
        Assert.Equal(("appended", caseId), (third.Str("outcome"), third.Str("caseId")));

        var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal(4, c["contactCount"]!.GetValue<int>());
        Assert.Equal("urgent", c.Str("priority"));
        var customerCases = await server.ReadDbAsync(db => db.Cases.CountAsync(x => x.CustomerId == long.Parse(c.Str("customer.id"), System.Globalization.CultureInfo.InvariantCulture), ct));
        Assert.Equal(1, customerCases);
        var joins = await EventsAsync(caseId, CaseEventKind.Joined);
        Assert.Equal(["reminder", "reminder"], joins.Select(j => j.From));
        Assert.All(joins, j => Assert.False(string.IsNullOrEmpty(j.Detail)));

        // The agent sees why each message joined, in words.
        using var agent = await Browserless.SignInAsync(server, "lufthansa.reader@guichet.test", "Inès Lecture");
        var (_, page, _) = await agent.GetAsync($"/cases/{caseId}");
        Assert.Contains("relance sur le même sujet", page, StringComparison.Ordinal);
    }

    /// <summary>A shared order number joins on any channel; another order number never does, however alike the words.</summary>
    [Fact]
    public async Task A_shared_reference_joins_on_every_channel_and_another_reference_opens_a_new_case()
    {
        server.SkipIfUnavailable();
        var address = $"helene.pradier.{Tag()}@example.fr";
        var opened = await PostMailAsync(Mail($"Hélène Pradier <{address}>", "Colis non reçu – commande #A-4432",
            "Bonjour, j'ai commandé une cafetière le 3 mars (commande #A-4432). Le suivi indique « livré » mais je n'ai rien reçu.\n\nHélène Pradier", $"<{Tag()}@pradier.example.fr>"));
        var caseId = opened.Str("caseId");

        // Through the portal or the API: the same order, other words.
        var (viaApi, joined) = await server.Api.PostJsonAsync("/api/cases", new
        {
            customer = new { name = "Hélène Pradier", email = address },
            channel = "chat",
            subject = "Cafetière",
            body = "Re-bonjour, je reviens vers vous pour la commande 4432, le transporteur me dit de voir avec vous.",
        });
        Assert.True(viaApi.IsSuccessStatusCode, joined.ToJsonString());
        Assert.Equal(caseId, joined.Str("id"));
        var reasons = await EventsAsync(caseId, CaseEventKind.Joined);
        Assert.Equal(("reference", "4432"), (reasons.Single().From, reasons.Single().Detail));

        // Another order: another case, even though it is also a parcel that never came.
        var other = await PostMailAsync(Mail($"Hélène Pradier <{address}>", "Commande 4423 abîmée",
            "Bonjour, ma commande 4423 (six verres à vin) est arrivée hier avec deux verres cassés.", $"<{Tag()}@pradier.example.fr>"));
        Assert.Equal("created", other.Str("outcome"));
        Assert.NotEqual(caseId, other.Str("caseId"));
    }

    /// <summary>When unsure, a new case opens and both say "perhaps the same matter as …": one click merges, another dismisses.</summary>
    [Fact]
    public async Task When_unsure_both_cases_say_perhaps_the_same_matter_and_one_click_merges_them()
    {
        server.SkipIfUnavailable();
        var address = $"remi.caron.{Tag()}@example.fr";
        var first = await PostMailAsync(Mail($"Rémi Caron <{address}>", "Plus d'internet depuis lundi",
            "Bonjour, depuis lundi matin ma box n'a plus de connexion, 8 rue des Lilas à Montpellier.\n\nRémi Caron", $"<{Tag()}@caron.example.fr>"));
        var second = await PostMailAsync(Mail($"Rémi Caron <{address}>", "Panne maison de campagne",
            "Bonjour, maintenant c'est la ligne de notre maison de campagne à Lodève (autre contrat) qui n'a plus de connexion depuis hier.", $"<{Tag()}@caron.example.fr>"));
        Assert.Equal("created", second.Str("outcome"));
        var (older, newer) = (first.Str("caseId"), second.Str("caseId"));
        var (_, olderCase) = await server.Api.GetJsonAsync($"/api/cases/{older}");
        var (_, newerCase) = await server.Api.GetJsonAsync($"/api/cases/{newer}");
        Assert.Equal(newerCase.Str("reference"), (await EventsAsync(older, CaseEventKind.PerhapsSameMatter)).Single().To);
        Assert.Equal(olderCase.Str("reference"), (await EventsAsync(newer, CaseEventKind.PerhapsSameMatter)).Single().To);

        using var agent = await Browserless.SignInAsync(server, "perhaps.agent@guichet.test", "Inès Doute");
        var (_, page, _) = await agent.GetAsync($"/cases/{newer}");
        Assert.Contains($"id=\"perhaps-{olderCase.Str("reference")}\"", page, StringComparison.Ordinal);
        Assert.Contains($"action=\"/ui/cases/{older}/merge\"", page, StringComparison.Ordinal);

        // Not the same: the hint is gone from both, and both say so.
        var (status, _, _) = await agent.PostFormAsync($"/cases/{newer}", $"/ui/cases/{newer}/not-same-matter", new() { ["reference"] = olderCase.Str("reference") });
        Assert.Equal(HttpStatusCode.Redirect, status);
        (_, page, _) = await agent.GetAsync($"/cases/{older}");
        Assert.DoesNotContain("class=\"card warning perhaps-same\"", page, StringComparison.Ordinal);
        Assert.Single(await EventsAsync(older, CaseEventKind.NotSameMatter));

        // Another customer, another hint, merged in one click from the newer case's page: the older case is kept.
        var other = $"lea.morel.{Tag()}@example.fr";
        var kept = await PostMailAsync(Mail($"Léa Morel <{other}>", "Colis livré mais pas reçu",
            "Bonjour, le suivi de mon colis dit « remis en main propre » mais je n'ai rien reçu. Merci de vérifier.\n\nLéa Morel", $"<{Tag()}@morel.example.fr>"));
        var folded = await PostMailAsync(Mail($"Léa Morel <{other}>", "Encore un colis",
            "Bonjour, encore un colis marqué remis alors que je n'ai rien reçu, celui du livre cette fois.", $"<{Tag()}@morel.example.fr>"));
        Assert.Equal("created", folded.Str("outcome"));
        var (keptId, foldedId) = (kept.Str("caseId"), folded.Str("caseId"));
        var (_, keptCase) = await server.Api.GetJsonAsync($"/api/cases/{keptId}");
        var (_, foldedCase) = await server.Api.GetJsonAsync($"/api/cases/{foldedId}");
        (_, page, _) = await agent.GetAsync($"/cases/{foldedId}");
        Assert.Contains($"id=\"perhaps-{keptCase.Str("reference")}\"", page, StringComparison.Ordinal);
        (status, _, _) = await agent.PostFormAsync($"/cases/{foldedId}", $"/ui/cases/{keptId}/merge", new() { ["reference"] = foldedCase.Str("reference") });
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("closed", (await server.Api.GetJsonAsync($"/api/cases/{foldedId}")).Body.Str("status"));
        (_, page, _) = await agent.GetAsync($"/cases/{keptId}");
        Assert.DoesNotContain("class=\"card warning perhaps-same\"", page, StringComparison.Ordinal);
    }

    /// <summary>
    /// One path writes a new case: a case opened by email holds the same kinds and numbers of rows,
    /// in every table that points at a case, as one opened through the API, so nothing the model
    /// gives a case can be forgotten by the intake.
    /// </summary>
    [Fact]
    public async Task A_case_opened_by_email_holds_the_same_rows_as_one_opened_through_the_api()
    {
        server.SkipIfUnavailable();
        var tag = Tag();
        var byMail = await PostMailAsync(Mail($"Anne Giraud <anne.{tag}@example.fr>", $"Facture erronée {tag}", "Bonjour, ma facture de mars est de 62 € au lieu de 35 €. Merci de corriger.", $"<{tag}@giraud.example.fr>"));
        var (_, byApi) = await server.Api.PostJsonAsync("/api/cases", new { customer = new { name = "Anne Giraud", email = $"anne.api.{tag}@example.fr" }, channel = "email", subject = $"Facture erronée {tag}", body = "Bonjour, ma facture de mars est de 62 € au lieu de 35 €. Merci de corriger." });
        var (mailId, apiId) = (long.Parse(byMail.Str("caseId"), System.Globalization.CultureInfo.InvariantCulture), long.Parse(byApi.Str("id"), System.Globalization.CultureInfo.InvariantCulture));
        var counts = await server.ReadDbAsync(async db =>
        {
            var found = new List<string>();
            foreach (var type in db.Model.GetEntityTypes().Where(t => t.GetForeignKeys().Any(fk => fk.PrincipalEntityType.ClrType == typeof(Case))))
            {
                var table = type.GetTableName()!;
                var column = type.GetForeignKeys().First(fk => fk.PrincipalEntityType.ClrType == typeof(Case)).Properties[0].GetColumnName();
                var conn = db.Database.GetDbConnection();
                await conn.OpenAsync();
                await using var command = conn.CreateCommand();
                command.CommandText = $"SELECT (SELECT COUNT(*) FROM \"{table}\" WHERE \"{column}\" = {mailId}), (SELECT COUNT(*) FROM \"{table}\" WHERE \"{column}\" = {apiId})";
                await using var reader = await command.ExecuteReaderAsync();
                await reader.ReadAsync();
                found.Add($"{table}: {reader.GetInt64(0)} / {reader.GetInt64(1)}");
                await conn.CloseAsync();
            }
            return found;
        });
        Assert.All(counts, line => Assert.Equal(line.Split(": ")[1].Split(" / ")[0], line.Split(" / ")[1]));
        Assert.Contains(counts, line => line.StartsWith("Messages: 2 /", StringComparison.Ordinal));
    }
}

public sealed class SameMatterOnSqlite(SqliteServer server) : SameMatterTests(server), IClassFixture<SqliteServer>;

public sealed class SameMatterOnPostgres(PostgresServer server) : SameMatterTests(server), IClassFixture<PostgresServer>;
