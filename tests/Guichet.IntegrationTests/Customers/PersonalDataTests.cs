using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Guichet.Core.Audit;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Customers;

/// <summary>Issue 10: a customer's data exported as one archive, and erased with a reason while the figures stay.</summary>
public abstract class PersonalDataTests(GuichetServer server)
{
    private const string Mail = """
        From: Inès Moreau <ines.moreau@example.fr>
        To: support@guichet.test
        Subject: Facture en double
        Message-ID: <personal-data-1@example.fr>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b"

        --b
        Content-Type: text/plain; charset=utf-8

        Bonjour, ma carte a été débitée deux fois pour la commande 4471.
        --b
        Content-Type: application/pdf; name="releve.pdf"
        Content-Disposition: attachment; filename="releve.pdf"
        Content-Transfer-Encoding: base64

        JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PD4+CmVuZG9iagp0cmFpbGVyCjw8Pj4KJSVFT0YK
        --b--
        """;

    [Fact]
    public async Task A_customer_is_exported_whole_then_erased_with_a_reason_and_the_figures_stay()
    {
        server.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        using var content = new StringContent(Mail.ReplaceLineEndings("\r\n"), Encoding.UTF8, "message/rfc822");
        var receipt = await ApiJson.ReadAsync(await server.Api.PostAsync("/api/inbound/email", content, ct));
        var caseId = receipt.Str("caseId");
        var (_, @case) = await server.Api.GetJsonAsync($"/api/cases/{caseId}");
        var customerId = @case.Str("customer.id");
        var promisesBefore = (await server.Api.GetJsonAsync("/api/metrics/promises")).Body.ToJsonString();

        // Export: one zip, the customer's words and their file in it.
        var export = await server.Api.GetAsync($"/api/customers/{customerId}/export", ct);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/zip", export.Content.Headers.ContentType!.MediaType);
        using (var zip = new ZipArchive(await export.Content.ReadAsStreamAsync(ct)))
        {
            using var reader = new StreamReader(await zip.GetEntry("customer.json")!.OpenAsync(ct));
            var document = JsonNode.Parse(await reader.ReadToEndAsync(ct))!;
            Assert.Equal("ines.moreau@example.fr", document.Str("customer.identities.0.value"));
            Assert.Contains("débitée deux fois", document.Str("cases.0.messages.0.body"), StringComparison.Ordinal);
            var file = document.Str("cases.0.messages.0.attachments.0.file");
            Assert.EndsWith("releve.pdf", file, StringComparison.Ordinal);
            using var pdf = new StreamReader(await zip.GetEntry(file)!.OpenAsync(ct));
            Assert.StartsWith("%PDF-1.4", await pdf.ReadToEndAsync(ct), StringComparison.Ordinal);
        }
        using var agent = await Browserless.SignInAsync(server, "agent.personal@guichet.test", "Agent Personal");
        using (var refused = await agent.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/customers/{customerId}/export")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        // Erase: a reason is required, then everything personal goes, once.
        (await server.Api.PostJsonAsync($"/api/customers/{customerId}/erase", new { reason = "" })).AssertProblemNames(400, "reason");
        var (erased, _) = await server.Api.PostJsonAsync($"/api/customers/{customerId}/erase", new { reason = "Demande écrite du 20/11/2026 (RGPD art. 17)" });
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        (await server.Api.PostJsonAsync($"/api/customers/{customerId}/erase", new { reason = "encore" })).AssertProblemNames(409, "id");

        var (_, after) = await server.Api.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal(@case.Str("status"), after.Str("status"));
        Assert.DoesNotContain("débitée", after.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("ines.moreau", after.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Inès", after.ToJsonString(), StringComparison.Ordinal);
        var (_, customer) = await server.Api.GetJsonAsync($"/api/customers/{customerId}");
        Assert.Empty(customer["identities"]!.AsArray());
        var (_, search) = await server.Api.GetJsonAsync("/api/search?q=débitée");
        Assert.Empty(search["messages"]!.AsArray());
        await server.ReadDbAsync(async db =>
        {
            Assert.False(await db.Attachments.AnyAsync(a => db.Messages.Any(m => m.Id == a.MessageId && m.CaseId == long.Parse(caseId))));
            Assert.All(await db.InboundEmails.Where(e => e.CaseId == long.Parse(caseId)).Select(e => e.Raw).ToListAsync(), raw => Assert.Empty(raw));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.CustomerId == long.Parse(customerId) && e.Action == AuditAction.Exported));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.CustomerId == long.Parse(customerId) && e.Route.EndsWith("/erase") && e.Status == 200));
            return 0;
        });
        // The case still counts: promise figures are what they were.
        Assert.Equal(promisesBefore, (await server.Api.GetJsonAsync("/api/metrics/promises")).Body.ToJsonString());

        // Writing again makes a new customer: nothing links back to the erased one.
        using var again = new StringContent(Mail.Replace("personal-data-1", "personal-data-2", StringComparison.Ordinal).ReplaceLineEndings("\r\n"), Encoding.UTF8, "message/rfc822");
        var second = await ApiJson.ReadAsync(await server.Api.PostAsync("/api/inbound/email", again, ct));
        var (_, newCase) = await server.Api.GetJsonAsync($"/api/cases/{second.Str("caseId")}");
        Assert.NotEqual(customerId, newCase.Str("customer.id"));
    }
}

public sealed class PersonalDataOnSqlite(SqliteServer server) : PersonalDataTests(server), IClassFixture<SqliteServer>;
public sealed class PersonalDataOnPostgres(PostgresServer server) : PersonalDataTests(server), IClassFixture<PostgresServer>;
