using System.Net;
using System.Text;
using Guichet.Core.Data;
using Guichet.Hosting;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Customers;

/// <summary>What the customer has (seeds/002: "the pipe from your skimmer is on the right"), beside every case.</summary>
public abstract class CustomerAssetsTests(GuichetServer server)
{
    [Fact]
    public async Task Assets_added_through_the_API_show_beside_the_customers_case()
    {
        server.SkipIfUnavailable();
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", new { customer = new { name = "Marc Piscine", email = "marc.piscine@example.fr" }, channel = "phone", subject = "Tuyau manquant", body = "Il manque le tuyau du skimmer." });
        var customerId = c.Str("customer.id");
        var (added, asset) = await server.Api.PostJsonAsync($"/api/customers/{customerId}/assets", new { kind = "Equipment", reference = "SKM-2041", label = "Skimmer Weltico A400", details = "Tuyau de refoulement à droite, livré le 12 juin" });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal("equipment", asset.Str("kind"));
        // The same kind and reference again updates it rather than adding a twin.
        await server.Api.PostJsonAsync($"/api/customers/{customerId}/assets", new { kind = "equipment", reference = "SKM-2041", label = "Skimmer Weltico A400 (garantie 2 ans)" });
        var (_, customer) = await server.Api.GetJsonAsync($"/api/customers/{customerId}");
        Assert.Equal("Skimmer Weltico A400 (garantie 2 ans)", customer["assets"]!.AsArray().Single()!.Str("label"));

        using var agent = await Browserless.SignInAsync(server, "assets.agent@guichet.test", "Inès Assets");
        var (_, page, _) = await agent.GetAsync($"/cases/{c.Str("id")}");
        Assert.Contains("Skimmer Weltico A400 (garantie 2 ans)", WebUtility.HtmlDecode(page), StringComparison.Ordinal);

        (await server.Api.PostJsonAsync($"/api/customers/{customerId}/assets", new { kind = "equipment" })).AssertProblemNames(400, "reference");
        (await server.Api.PostJsonAsync("/api/customers/999999/assets", new { kind = "order", reference = "A1", label = "x" })).AssertProblemNames(404, "id");
    }
}

public sealed class CustomerAssetsOnSqlite(SqliteServer server) : CustomerAssetsTests(server), IClassFixture<SqliteServer>;
public sealed class CustomerAssetsOnPostgres(PostgresServer server) : CustomerAssetsTests(server), IClassFixture<PostgresServer>;

/// <summary>`guichet import customers FILE.csv`: rows find or add customers and their assets; bad rows are reported by line.</summary>
[Collection(InProcessCli.Name)]
public sealed class ImportCustomersTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "guichet-customers-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_csv_export_brings_customers_and_assets_and_names_the_lines_it_could_not_read()
    {
        Directory.CreateDirectory(_root);
        var file = Path.Combine(_root, "clients.csv");
        await File.WriteAllTextAsync(file,
            "name;email;phone;assetKind;assetReference;assetLabel;assetDetails\n" +
            "Marc Piscine;marc@example.fr;06 12 34 56 78;equipment;SKM-2041;Skimmer A400;\"Tuyau à droite; livré le 12 juin\"\n" +
            "Marc Piscine;marc@example.fr;;order;CMD-88;Commande 88;\n" +
            "Lina Sans Contact;;;order;CMD-90;Commande 90;\n" +
            "Paul Faux;pas-une-adresse;;;;;\n",
            new UTF8Encoding(false), TestContext.Current.CancellationToken);
        var data = Path.Combine(_root, "data");
        var exit = await GuichetCli.Build().Parse(["import", "customers", file, "--data", data]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(1, exit);

        await using var db = new SqliteGuichetDb(new DbContextOptionsBuilder<SqliteGuichetDb>().UseSqlite(DatabaseSetup.SqliteConnectionString(data)).Options);
        var marc = await db.Customers.Include(c => c.Identities).SingleAsync(c => c.Name == "Marc Piscine", TestContext.Current.CancellationToken);
        Assert.Equal(["+33612345678", "marc@example.fr"], marc.Identities.Select(i => i.Value).Order(StringComparer.Ordinal));
        var assets = await db.CustomerAssets.Where(a => a.CustomerId == marc.Id).OrderBy(a => a.Reference).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["CMD-88", "SKM-2041"], assets.Select(a => a.Reference));
        Assert.Equal("Tuyau à droite; livré le 12 juin", assets[1].Details);
        Assert.False(await db.Customers.AnyAsync(c => c.Name == "Lina Sans Contact" || c.Name == "Paul Faux", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_quote_left_open_is_listed_with_its_line_and_the_rows_after_it_are_imported()
    {
        // Issue 21, finding 11: the old reader threw here and imported nothing after.
        Directory.CreateDirectory(_root);
        var file = Path.Combine(_root, "quote.csv");
        await File.WriteAllTextAsync(file,
            "name,email\n" +
            "Avant Quote,avant@example.fr\n" +
            "\"Quote Ouverte,ouverte@example.fr\n" +
            "Apres Quote,apres@example.fr\n",
            new UTF8Encoding(false), TestContext.Current.CancellationToken);
        var data = Path.Combine(_root, "data-quote");
        var report = await Features.Customers.ImportCustomersCommand.RunAsync(new ServeOptions { DataDir = data }, file, TestContext.Current.CancellationToken);
        Assert.Contains(report.Errors, e => e.StartsWith("line 3: not valid CSV", StringComparison.Ordinal));
        Assert.Equal(2, report.Customers);

        await using var db = new SqliteGuichetDb(new DbContextOptionsBuilder<SqliteGuichetDb>().UseSqlite(DatabaseSetup.SqliteConnectionString(data)).Options);
        Assert.True(await db.CustomerIdentities.AnyAsync(i => i.Value == "apres@example.fr", TestContext.Current.CancellationToken));
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
