using System.Net;
using System.Text;
using Guichet.Core.Data;
using Guichet.Hosting;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Customers;

/// <summary>
/// Issue 25 (W5, W12): customers and organisations carry tags and custom fields as cases do,
/// each value checked as its field's type reads it; organisations come from a CSV file, found
/// again by name, their customers joining by domain.
/// </summary>
public abstract class ProfileTests(GuichetServer server)
{
    [Fact]
    public async Task Customers_and_organisations_carry_tags_and_custom_fields_each_read_as_its_type()
    {
        server.SkipIfUnavailable();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        (await server.Api.PostJsonAsync("/api/fields", new { key = $"numero-{suffix}", label = "Numéro client", type = "text", appliesTo = "customer" })).Response.EnsureSuccessStatusCode();
        (await server.Api.PostJsonAsync("/api/fields", new { key = $"contrat-{suffix}", label = "Début du contrat", type = "date", appliesTo = "customer" })).Response.EnsureSuccessStatusCode();
        (await server.Api.PostJsonAsync("/api/fields", new { key = $"segment-{suffix}", label = "Segment", type = "list", options = new[] { "PME", "Grand compte" }, appliesTo = "organisation" })).Response.EnsureSuccessStatusCode();
        (await server.Api.PostJsonAsync("/api/fields", new { key = $"cas-{suffix}", label = "Sur les dossiers", type = "text" })).Response.EnsureSuccessStatusCode();
        (await server.Api.PostJsonAsync("/api/fields", new { key = $"x-{suffix}", label = "X", type = "text", appliesTo = "planet" })).AssertProblemNames(400, "appliesTo");
        var (_, customerFields) = await server.Api.GetJsonAsync("/api/fields?appliesTo=customer");
        Assert.Equal(2, customerFields.AsArray().Count(f => f!.Str("key").EndsWith(suffix, StringComparison.Ordinal)));
        Assert.All(customerFields.AsArray(), f => Assert.Equal("customer", f!.Str("appliesTo")));

        var (_, opened) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"profil.{suffix}@example.fr"));
        var customer = opened.Str("customer.id");
        var (tagged, tags) = await server.Api.PostJsonAsync($"/api/customers/{customer}/tags", new { add = new[] { "VIP", "revendeur" } });
        Assert.Equal(HttpStatusCode.OK, tagged.StatusCode);
        Assert.Equal(["revendeur", "vip"], tags["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        var (_, filled) = await server.Api.PutJsonAsync($"/api/customers/{customer}/fields", new { customFields = new Dictionary<string, string> { [$"numero-{suffix}"] = "C-42", [$"contrat-{suffix}"] = "01/03/2026" } });
        Assert.Equal(("C-42", "2026-03-01"), (filled.Str($"customFields.numero-{suffix}"), filled.Str($"customFields.contrat-{suffix}")));
        var (_, read) = await server.Api.GetJsonAsync($"/api/customers/{customer}");
        Assert.Equal(["revendeur", "vip"], read["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("C-42", read.Str($"customFields.numero-{suffix}"));
        (await server.Api.PutJsonAsync($"/api/customers/{customer}/fields", new { customFields = new Dictionary<string, string> { [$"contrat-{suffix}"] = "bientôt" } })).AssertProblemNames(400, $"customFields.contrat-{suffix}");
        (await server.Api.PutJsonAsync($"/api/customers/{customer}/fields", new { customFields = new Dictionary<string, string> { [$"cas-{suffix}"] = "non" } })).AssertProblemNames(400, $"customFields.cas-{suffix}");
        (await server.Api.PostJsonAsync($"/api/customers/{customer}/tags", new { add = new[] { new string('x', 300) } })).AssertProblemNames(400, "add[0]");
        (await server.Api.PostJsonAsync("/api/customers/999999/tags", new { add = new[] { "vip" } })).AssertProblemNames(404, "id");
        var (_, untagged) = await server.Api.PostJsonAsync($"/api/customers/{customer}/tags", new { remove = new[] { "revendeur" } });
        Assert.Equal(["vip"], untagged["tags"]!.AsArray().Select(t => t!.GetValue<string>()));

        var (_, organisation) = await server.Api.PostJsonAsync("/api/organisations", new { name = $"Acme {suffix}", domains = new[] { $"acme-{suffix}.fr" } });
        var org = organisation.Str("id");
        (await server.Api.PostJsonAsync($"/api/organisations/{org}/tags", new { add = new[] { "industrie" } })).Response.EnsureSuccessStatusCode();
        (await server.Api.PutJsonAsync($"/api/organisations/{org}/fields", new { customFields = new Dictionary<string, string> { [$"segment-{suffix}"] = "pme" } })).Response.EnsureSuccessStatusCode();
        (await server.Api.PutJsonAsync($"/api/organisations/{org}/fields", new { customFields = new Dictionary<string, string> { [$"segment-{suffix}"] = "Startup" } })).AssertProblemNames(400, $"customFields.segment-{suffix}");
        var (_, listed) = await server.Api.GetJsonAsync($"/api/organisations?q=acme {suffix}");
        var acme = listed.AsArray().Single()!;
        Assert.Equal(("industrie", "PME"), (acme["tags"]![0]!.GetValue<string>(), acme.Str($"customFields.segment-{suffix}")));
    }

    [Fact]
    public async Task Organisations_come_from_a_csv_file_found_again_by_name_and_their_customers_join_by_domain()
    {
        server.SkipIfUnavailable();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        (await server.Api.PostJsonAsync("/api/fields", new { key = $"taille-{suffix}", label = "Taille", type = "number", appliesTo = "organisation" })).Response.EnsureSuccessStatusCode();
        var (_, before) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"achats@nord-{suffix}.fr"));
        var csv = $"name;domains;notes;tags;field.taille-{suffix}\n" +
            $"Nord {suffix};nord-{suffix}.fr, nord-{suffix}.com;Client historique;industrie gros;250\n" +
            $"Sud {suffix};sud-{suffix}.fr;;;\n" +
            ";personne-{suffix}.fr;;;\n" +
            $"Est {suffix};pas un domaine;;;\n" +
            $"Ouest {suffix};ouest-{suffix}.fr;;;beaucoup\n";
        var report = await ImportAsync(csv);
        Assert.Equal(("5", "3", "0"), (report.Str("rows"), report.Str("created"), report.Str("updated")));
        var errors = report["errors"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        Assert.Contains(errors, e => e.StartsWith("line 4: name", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("line 5: domains", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith($"line 6: field.taille-{suffix}", StringComparison.Ordinal));

        var (_, nord) = await server.Api.GetJsonAsync($"/api/organisations?q=nord {suffix}");
        var found = nord.AsArray().Single()!;
        Assert.Equal([$"nord-{suffix}.com", $"nord-{suffix}.fr"], found["domains"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal(("Client historique", "250", "1"), (found.Str("notes"), found.Str($"customFields.taille-{suffix}"), found.Str("customers")));
        Assert.Equal(["gros", "industrie"], found["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.True(await server.ReadDbAsync(db => db.Memberships.AnyAsync(m => m.CustomerId == long.Parse(before.Str("customer.id"), System.Globalization.CultureInfo.InvariantCulture))));

        // The same file again: found by name (whatever the case), nothing twice.
        var again = await ImportAsync(csv.Replace($"Nord {suffix}", $"NORD {suffix}", StringComparison.Ordinal));
        Assert.Equal(("0", "3"), (again.Str("created"), again.Str("updated")));
        Assert.Equal(1, await server.ReadDbAsync(db => db.Organisations.CountAsync(o => EF.Functions.Like(o.Name.ToLower(), $"nord {suffix}"))));
        Assert.Equal(2, await server.ReadDbAsync(db => db.OrganisationDomains.CountAsync(d => d.Domain.StartsWith($"nord-{suffix}"))));
    }

    private async Task<System.Text.Json.Nodes.JsonNode> ImportAsync(string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        var response = await server.Api.PostAsync("/api/organisations/import", content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ApiJson.ReadAsync(response);
    }
}

public sealed class ProfilesOnSqlite(SqliteServer server) : ProfileTests(server), IClassFixture<SqliteServer>;
public sealed class ProfilesOnPostgres(PostgresServer server) : ProfileTests(server), IClassFixture<PostgresServer>;

/// <summary>`guichet import organisations FILE.csv`, as the API's import, from the command line.</summary>
[Collection(InProcessCli.Name)]
public sealed class ImportOrganisationsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "guichet-organisations-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_csv_file_brings_organisations_and_names_the_lines_it_refused()
    {
        Directory.CreateDirectory(_root);
        var file = Path.Combine(_root, "organisations.csv");
        await File.WriteAllTextAsync(file, "name,domains,notes,tags\nPiscines du Sud,piscines-sud.fr,Contrat annuel,piscine\n,vide.fr,,\n", new UTF8Encoding(false), TestContext.Current.CancellationToken);
        var data = Path.Combine(_root, "data");
        var exit = await GuichetCli.Build().Parse(["import", "organisations", file, "--data", data]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(1, exit);
        await using var db = new SqliteGuichetDb(new DbContextOptionsBuilder<SqliteGuichetDb>().UseSqlite(DatabaseSetup.SqliteConnectionString(data)).Options);
        var organisation = await db.Organisations.Include(o => o.Domains).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("Piscines du Sud", "Contrat annuel", "piscines-sud.fr"), (organisation.Name, organisation.Notes, organisation.Domains.Single().Domain));
        Assert.Equal("piscine", (await db.OrganisationTags.SingleAsync(TestContext.Current.CancellationToken)).Name);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
