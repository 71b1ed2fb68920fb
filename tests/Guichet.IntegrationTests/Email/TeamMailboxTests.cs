using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Guichet.Testing;

namespace Guichet.IntegrationTests.Email;

/// <summary>Per-team mailboxes: mail sent to a team's address opens that team's case; addresses are set through the API.</summary>
public abstract class TeamMailboxTests(GuichetServer server)
{
    private async Task<System.Text.Json.Nodes.JsonNode> DeliverAsync(string to, string subject)
    {
        var raw = $"From: Ines Roy <ines.roy@example.fr>\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: <{Guid.NewGuid():N}@example.fr>\r\n\r\nMa valise n'est pas arrivée.\r\n";
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(raw));
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        var response = await server.Api.PostAsync("/api/inbound/email", content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await ApiJson.ReadAsync(response);
    }

    private async Task<string> TeamOfAsync(System.Text.Json.Nodes.JsonNode receipt)
    {
        var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{receipt.Str("caseId")}");
        return c.Str("team.slug");
    }

    [Fact]
    public async Task Mail_reaches_the_team_whose_address_it_was_sent_to()
    {
        server.SkipIfUnavailable();
        var (_, teams) = await server.Api.GetJsonAsync("/api/teams");
        Assert.Contains(teams.AsArray(), t => t!.Str("slug") == "bagages" && t!.Str("mailAddress") == "bagages@demo.guichet.test");

        Assert.Equal("bagages", await TeamOfAsync(await DeliverAsync("Bagages <BAGAGES@demo.guichet.test>", "Valise LH1234")));
        Assert.Equal("service-client", await TeamOfAsync(await DeliverAsync("contact@elsewhere.example", "Valise LH1235")));

        // The night desk gets a mailbox of its own; an address already taken or not an address is refused, naming the field.
        var (set, night) = await server.Api.PatchJsonAsync("/api/teams/nuit", new { mailAddress = "Nuit@Demo.Guichet.Test" });
        Assert.Equal((HttpStatusCode.OK, "nuit@demo.guichet.test"), (set.StatusCode, night.Str("mailAddress")));
        Assert.Equal("nuit", await TeamOfAsync(await DeliverAsync("nuit@demo.guichet.test", "Valise LH1236")));
        var (taken, conflict) = await server.Api.PatchJsonAsync("/api/teams/nuit", new { mailAddress = "bagages@demo.guichet.test" });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Contains("mailAddress", conflict["errors"]!.AsObject().Select(e => e.Key));
        var (bad, invalid) = await server.Api.PatchJsonAsync("/api/teams/nuit", new { mailAddress = "pas une adresse" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("mailAddress", invalid["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.NotFound, (await server.Api.PatchJsonAsync("/api/teams/nowhere", new { mailAddress = (string?)null })).Response.StatusCode);
    }
}

public sealed class TeamMailboxOnSqlite(SqliteDemoServer server) : TeamMailboxTests(server), IClassFixture<SqliteDemoServer>;
public sealed class TeamMailboxOnPostgres(PostgresDemoServer server) : TeamMailboxTests(server), IClassFixture<PostgresDemoServer>;
