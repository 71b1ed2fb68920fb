using System.Net;
using System.Net.Http.Headers;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Customers;

/// <summary>
/// Issue 25 (W12): an organisation gathers its customers by email domain (those already there and
/// every new one, by the API or by mail) or by hand; the case page shows what its other people
/// are waiting for.
/// </summary>
public abstract class OrganisationTests(GuichetServer server)
{
    [Fact]
    public async Task Customers_join_by_domain_and_the_case_page_shows_the_organisations_other_open_cases()
    {
        server.SkipIfUnavailable();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var domain = $"acme-{suffix}.fr";
        var (_, before) = await server.Api.PostJsonAsync("/api/cases", new
        {
            customer = new { name = "Alice Acme", email = $"alice@{domain}", language = "fr" }, channel = "email",
            subject = "Facture d'octobre", body = "Bonjour, la facture d'octobre est fausse.",
        });

        var (made, organisation) = await server.Api.PostJsonAsync("/api/organisations", new { name = $"Acme {suffix}", domains = new[] { $"@{domain.ToUpperInvariant()}" }, notes = "Client grand compte." });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        (await server.Api.PostJsonAsync("/api/organisations", new { name = "Autre", domains = new[] { domain } })).AssertProblemNames(409, "domains");
        (await server.Api.PostJsonAsync("/api/organisations", new { name = "Autre", domains = new[] { "pas un domaine" } })).AssertProblemNames(400, "domains[0]");

        // A new customer through the API, another by mail: both join.
        var (_, after) = await server.Api.PostJsonAsync("/api/cases", new
        {
            customer = new { name = "Bruno Acme", email = $"bruno@{domain}", language = "fr" }, channel = "email",
            subject = "Livraison du matériel", body = "Bonjour, où en est la livraison des écrans ?",
        });
        var mail = $"From: Chloé Acme <chloe@{domain}>\r\nTo: support@guichet.test\r\nSubject: Contrat\r\nMessage-ID: <{suffix}@{domain}>\r\nDate: Fri, 27 Nov 2026 15:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBonjour, une question sur le contrat.\r\n";
        using var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(mail));
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        var intake = await server.Api.PostAsync("/api/inbound/email", content, TestContext.Current.CancellationToken);
        Assert.True(intake.StatusCode == HttpStatusCode.Accepted, await intake.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var told = await intake.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var id = long.Parse(organisation.Str("id"), System.Globalization.CultureInfo.InvariantCulture);
        var members = await server.ReadDbAsync(db => db.Memberships.Where(m => m.OrganisationId == id)
            .SelectMany(m => db.CustomerIdentities.Where(i => i.CustomerId == m.CustomerId && i.Kind == Core.Customers.IdentityKind.Email).Select(i => i.Value)).ToListAsync());
        var emails = await server.ReadDbAsync(db => db.CustomerIdentities.Where(i => i.Value.EndsWith(domain)).Select(i => i.Value).ToListAsync());
        Assert.True(members.Count == 3, $"{told} members: {string.Join(", ", members)}; customers of the domain: {string.Join(", ", emails)}");
        var (_, listed) = await server.Api.GetJsonAsync($"/api/organisations?q=acme-{suffix}");
        Assert.Equal("3", Assert.Single(listed.AsArray())!.Str("customers"));

        using var claire = await Browserless.SignInAsync(server, $"claire.org.{suffix}@guichet.test", "Claire Organisation");
        var (_, page, _) = await claire.GetAsync($"/cases/{after.Str("id")}");
        var text = WebUtility.HtmlDecode(page);
        Assert.Contains($"Acme {suffix}", text, StringComparison.Ordinal);
        Assert.Contains("Client grand compte.", text, StringComparison.Ordinal);
        Assert.Contains(before.Str("reference"), text, StringComparison.Ordinal);
    }
}

public sealed class OrganisationsOnSqlite(SqliteServer server) : OrganisationTests(server), IClassFixture<SqliteServer>;
public sealed class OrganisationsOnPostgres(PostgresServer server) : OrganisationTests(server), IClassFixture<PostgresServer>;
