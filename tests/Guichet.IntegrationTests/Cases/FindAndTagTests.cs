using System.Net;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Cases;

/// <summary>
/// Issue 25 (W3, W5): one search box finds a case by its reference, its customer's email or phone
/// in any format, a tag, words of its subject, its customer's name or what was written on it,
/// only among the cases the searcher sees; tags are put on and taken off, filter the list, and
/// an admin renames or merges them.
/// </summary>
public abstract class FindAndTagTests(GuichetServer server)
{
    private async Task<(string Id, string Reference)> OpenAsync(string name, string email, string phone, string subject, string body, string? team = null)
    {
        var (response, c) = await server.Api.PostJsonAsync("/api/cases", new
        {
            customer = new { name, email, phone, language = "fr" }, channel = "email", subject, body, team,
        });
        response.EnsureSuccessStatusCode();
        return (c.Str("id"), c.Str("reference"));
    }

    private async Task<System.Text.Json.Nodes.JsonNode> SearchAsync(HttpClient client, string q)
    {
        var (response, found) = await client.GetJsonAsync($"/api/search?q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return found;
    }

    private static List<string> References(System.Text.Json.Nodes.JsonNode found) =>
        found["cases"]!.AsArray().Select(c => c!.Str("reference")).ToList();

    [Fact]
    public async Task The_search_box_finds_a_case_by_reference_email_phone_tag_subject_name_or_words_written()
    {
        server.SkipIfUnavailable();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (id, reference) = await OpenAsync($"Bérénice Quimper{suffix}", $"berenice.{suffix}@example.fr", "+33 6 11 22 33 44",
            $"Remboursement parapluie{suffix} cassé", $"Bonjour, la baleine du parapluie est tordue, référence commande Z{suffix}.");
        (await server.Api.PostJsonAsync($"/api/cases/{id}/tags", new { add = new[] { $"Garantie {suffix}" } })).Response.EnsureSuccessStatusCode();

        var number = long.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (q, by) in new[]
        {
            (reference, "reference"), (reference.ToLowerInvariant(), "reference"), (number.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), "reference"),
            ($"BERENICE.{suffix}@example.fr", "email"),
            ($"#garantie-{suffix}", "tag"),
            ($"parapluie{suffix}", "subject"), ($"parapl", "subject"),
            ($"quimper{suffix}", "customer"),
            ($"Z{suffix}", "message"),
        })
        {
            var found = await SearchAsync(server.Api, q);
            var hit = found["cases"]!.AsArray().FirstOrDefault(c => c!.Str("reference") == reference);
            Assert.True(hit is not null, $"'{q}' did not find {reference}: {found.ToJsonString()}");
            if (q != "parapl")
            {
                Assert.Equal(by, hit!.Str("foundBy"));
            }
        }
        // The phone in another format still finds the customer and their case.
        var byPhone = await SearchAsync(server.Api, "06 11 22 33 44");
        Assert.Contains(reference, References(byPhone));
        Assert.Contains(byPhone["customers"]!.AsArray(), c => c!.Str("name") == $"Bérénice Quimper{suffix}");
        // What the box shows for each case: status, team, owner.
        var shown = (await SearchAsync(server.Api, reference))["cases"]![0]!;
        Assert.Equal(("new", "Service client"), (shown.Str("status"), shown.Str("team")));
    }

    [Fact]
    public async Task The_search_box_shows_only_the_cases_the_searcher_may_see()
    {
        server.SkipIfUnavailable();
        await server.ReadDbAsync(async db =>
        {
            if (!await db.Teams.AnyAsync(t => t.Slug == "find-other"))
            {
                db.Teams.Add(new Core.Teams.Team { Slug = "find-other", Name = "Autre équipe", TimeZone = "Europe/Paris", Hours = "mon-fri 09:00-17:00" });
                await db.SaveChangesAsync();
            }
            return 0;
        });
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (_, reference) = await OpenAsync("Caché Ailleurs", $"cache.{suffix}@example.fr", "+33 6 55 44 33 22", $"Secret{suffix} industriel", "Bonjour.", "find-other");
        using var claire = await Browserless.SignInAsync(server, $"claire.find.{suffix}@guichet.test", "Claire Cherche");
        var response = await claire.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/search?q=secret{suffix}"));
        var found = await ApiJson.ReadAsync(response);
        Assert.DoesNotContain(reference, References(found));
        Assert.Empty(found["customers"]!.AsArray());
        Assert.Contains(reference, References(await SearchAsync(server.Api, $"secret{suffix}")));

        var (_, page, _) = await claire.GetAsync($"/search?q=secret{suffix}");
        Assert.DoesNotContain(reference, page, StringComparison.Ordinal);
        Assert.Contains("id=\"no-case-found\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tags_go_on_and_off_a_case_filter_the_list_and_an_admin_merges_two()
    {
        server.SkipIfUnavailable();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (id, reference) = await OpenAsync("Théo Étiquette", $"theo.{suffix}@example.fr", "+33 6 99 88 77 66", "Valise abîmée", "Bonjour, la poignée est cassée.");
        var (added, tags) = await server.Api.PostJsonAsync($"/api/cases/{id}/tags", new { add = new[] { $"Bagage {suffix}", $"remboursment-{suffix}", $"bagage-{suffix}" } });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(new[] { $"bagage-{suffix}", $"remboursment-{suffix}" }, tags["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        (await server.Api.PostJsonAsync($"/api/cases/{id}/tags", new { add = new[] { "!!!" } })).AssertProblemNames(400, "add[0]");

        var (_, list) = await server.Api.GetJsonAsync($"/api/cases?status=all&tag=bagage-{suffix}");
        Assert.Equal(reference, Assert.Single(list["items"]!.AsArray())!.Str("reference"));
        var (_, known) = await server.Api.GetJsonAsync($"/api/tags?prefix=remb");
        Assert.Contains(known.AsArray(), t => t!.Str("name") == $"remboursment-{suffix}");

        // The misspelt tag is merged into the right one, which another case already carries.
        var (other, _) = await OpenAsync("Autre Client", $"autre.{suffix}@example.fr", "+33 6 12 12 12 12", "Autre", "Bonjour.");
        (await server.Api.PostJsonAsync($"/api/cases/{other}/tags", new { add = new[] { $"remboursement-{suffix}" } })).Response.EnsureSuccessStatusCode();
        (await server.Api.PostJsonAsync($"/api/cases/{id}/tags", new { add = new[] { $"remboursement-{suffix}" } })).Response.EnsureSuccessStatusCode();
        var (renamed, result) = await server.Api.PostJsonAsync("/api/tags/rename", new { from = $"remboursment-{suffix}", to = $"remboursement-{suffix}" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var (_, read) = await server.Api.GetJsonAsync($"/api/cases/{id}");
        Assert.Equal(new[] { $"bagage-{suffix}", $"remboursement-{suffix}" }, read["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Contains(read["events"]!.AsArray(), e => e!.Str("kind") == "tagged");

        // Taken off from the case page's form; the timeline says so.
        using var claire = await Browserless.SignInAsync(server, $"claire.tags.{suffix}@guichet.test", "Claire Étiquette");
        var casePath = $"/cases/{id}";
        var (status, _, _) = await claire.PostFormAsync(casePath, $"/ui{casePath}/tags", new() { ["remove"] = $"bagage-{suffix}" });
        Assert.Equal(HttpStatusCode.Redirect, status);
        (status, _, _) = await claire.PostFormAsync(casePath, $"/ui{casePath}/tags", new() { ["add"] = "vip, Client fidèle" });
        Assert.Equal(HttpStatusCode.Redirect, status);
        (_, read) = await server.Api.GetJsonAsync($"/api/cases/{id}");
        Assert.Equal(new[] { "client-fidèle", $"remboursement-{suffix}", "vip" }, read["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        var (_, inbox, _) = await claire.GetAsync($"/?status=all&tag=vip");
        Assert.Contains(reference, inbox, StringComparison.Ordinal);
    }
}

public sealed class FindAndTagOnSqlite(SqliteServer server) : FindAndTagTests(server), IClassFixture<SqliteServer>;
public sealed class FindAndTagOnPostgres(PostgresServer server) : FindAndTagTests(server), IClassFixture<PostgresServer>;
