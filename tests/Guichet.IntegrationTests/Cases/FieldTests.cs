using System.Net;
using Guichet.Testing;

namespace Guichet.IntegrationTests.Cases;

/// <summary>
/// Issue 25 (W5): admins define custom fields on cases; agents fill them (checked by type,
/// written one way), list cases by them, and a required one is filled before the case is resolved.
/// </summary>
public abstract class FieldTests(GuichetServer server)
{
    [Fact]
    public async Task Fields_are_defined_filled_by_type_filtered_on_and_a_required_one_holds_back_resolving()
    {
        server.SkipIfUnavailable();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (made, amount) = await server.Api.PostJsonAsync("/api/fields", new { key = $"montant-{suffix}", label = "Montant réclamé", type = "number" });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        (await server.Api.PostJsonAsync("/api/fields", new { key = $"modele-{suffix}", label = "Modèle", type = "list", options = new[] { "Trottinette X1", "Trottinette X2" } })).Response.EnsureSuccessStatusCode();
        (await server.Api.PostJsonAsync("/api/fields", new { key = $"garantie-{suffix}", label = "Sous garantie", type = "yesNo", required = true })).Response.EnsureSuccessStatusCode();
        (await server.Api.PostJsonAsync("/api/fields", new { key = "Pas Bon!", label = "x", type = "text" })).AssertProblemNames(400, "key");
        (await server.Api.PostJsonAsync("/api/fields", new { key = $"liste-{suffix}", label = "x", type = "list" })).AssertProblemNames(400, "options");

        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"champs.{suffix}@example.fr", "Bonjour, ma trottinette ne démarre plus."));
        var id = c.Str("id");
        var (set, values) = await server.Api.PutJsonAsync($"/api/cases/{id}/fields", new { customFields = new Dictionary<string, string> { [$"montant-{suffix}"] = "1 249,50", [$"modele-{suffix}"] = "trottinette x2" } });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(("1249.50", "Trottinette X2"), (values["customFields"]![$"montant-{suffix}"]!.GetValue<string>(), values["customFields"]![$"modele-{suffix}"]!.GetValue<string>()));
        (await server.Api.PutJsonAsync($"/api/cases/{id}/fields", new { customFields = new Dictionary<string, string> { [$"modele-{suffix}"] = "Vélo" } })).AssertProblemNames(400, $"customFields.modele-{suffix}");
        (await server.Api.PutJsonAsync($"/api/cases/{id}/fields", new { customFields = new Dictionary<string, string> { ["inconnu"] = "1" } })).AssertProblemNames(400, "customFields.inconnu");

        var (_, listed) = await server.Api.GetJsonAsync($"/api/cases?field.modele-{suffix}=Trottinette%20X2");
        Assert.Equal(id, Assert.Single(listed["items"]!.AsArray())!.Str("id"));
        var (_, read) = await server.Api.GetJsonAsync($"/api/cases/{id}");
        Assert.Equal("1249.50", read["customFields"]![$"montant-{suffix}"]!.GetValue<string>());

        // The required field holds back resolving, then lets it through once filled on the case page.
        var first = read["promises"]![0]!.Str("id");
        var resolve = new { promises = new Dictionary<string, string> { [first] = "kept" } };
        (await server.Api.PostJsonAsync($"/api/cases/{id}/resolve", resolve)).AssertProblemNames(400, "customFields");
        using var claire = await Browserless.SignInAsync(server, $"claire.fields.{suffix}@guichet.test", "Claire Champs");
        var casePath = $"/cases/{id}";
        var (_, page, _) = await claire.GetAsync(casePath);
        Assert.Contains($"name=\"field.garantie-{suffix}\"", page, StringComparison.Ordinal);
        var (posted, _, _) = await claire.PostFormAsync(casePath, $"/ui{casePath}/fields", new() { [$"field.garantie-{suffix}"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, posted);
        var (resolved, done) = await server.Api.PostJsonAsync($"/api/cases/{id}/resolve", resolve);
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal("resolved", done.Str("status"));
    }
}

public sealed class FieldsOnSqlite(SqliteServer server) : FieldTests(server), IClassFixture<SqliteServer>;
public sealed class FieldsOnPostgres(PostgresServer server) : FieldTests(server), IClassFixture<PostgresServer>;
