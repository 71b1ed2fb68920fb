using System.Net;
using System.Net.Http.Json;
using System.Text;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Hosting;

/// <summary>Bad input gets a problem+json 4xx naming the field, and nothing is written.</summary>
public abstract class BadInputTests(GuichetServer server)
{
    private async Task<(int Cases, int Customers, int Messages, int Outbox)> CountsAsync() =>
        await server.ReadDbAsync(async db => (await db.Cases.CountAsync(), await db.Customers.CountAsync(), await db.Messages.CountAsync(), await db.Outbox.CountAsync()));

    private static object Case(string? team = "service-client", string email = "ok@example.fr", string body = "Bonjour", string timeZone = "Europe/Paris") => new
    {
        customer = new { name = "Ana Lima", email, timeZone },
        channel = "email",
        subject = "Question",
        body,
        team,
    };

    [Theory]
    [InlineData("team")]
    [InlineData("customer.email")]
    [InlineData("body")]
    [InlineData("customer.timeZone")]
    public async Task An_invalid_case_names_its_field_and_writes_nothing(string field)
    {
        server.SkipIfUnavailable();
        var before = await CountsAsync();
        var request = field switch
        {
            "team" => Case(team: "no-such-team"),
            "customer.email" => Case(email: "not-an-address"),
            "body" => Case(body: "   "),
            _ => Case(timeZone: "Europe/Atlantis"),
        };
        var result = await server.Api.PostJsonAsync("/api/cases", request);
        result.AssertProblemNames(400, field);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_page_size_of_ten_thousand_is_refused_by_name()
    {
        server.SkipIfUnavailable();
        (await server.Api.GetJsonAsync("/api/cases?pageSize=10000")).AssertProblemNames(400, "pageSize");
        (await server.Api.GetJsonAsync("/api/promises?pageSize=10000")).AssertProblemNames(400, "pageSize");
        (await server.Api.GetJsonAsync("/api/cases?status=lost")).AssertProblemNames(400, "status");
        (await server.Api.GetJsonAsync("/api/cases?dueBefore=tomorrow")).AssertProblemNames(400, "dueBefore");
    }

    [Fact]
    public async Task A_five_megabyte_body_is_refused_and_writes_nothing()
    {
        server.SkipIfUnavailable();
        var before = await CountsAsync();
        var huge = new string('a', 5 * 1024 * 1024);
        // With "Expect: 100-continue" the server refuses on the headers alone, so the refusal is
        // read deterministically (without it, the client may still be sending when the server closes).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(Case(body: huge)) };
        request.Headers.ExpectContinue = true;
        await request.Content.LoadIntoBufferAsync(TestContext.Current.CancellationToken);
        var response = await server.Api.SendAsync(request, TestContext.Current.CancellationToken);
        (response, await ApiJson.ReadAsync(response)).AssertProblemNames(413, "body");

        // Under the request limit but over the message limit: the field itself is named.
        var (tooLong, body) = await server.Api.PostJsonAsync("/api/cases", Case(body: new string('b', 100_001)));
        (tooLong, body).AssertProblemNames(400, "body");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_names_its_path()
    {
        server.SkipIfUnavailable();
        (await server.Api.PostJsonAsync("/api/cases", new { customer = new { name = 42 }, subject = "s", body = "b" })).AssertProblemNames(400, "customer.name");
        using var broken = new StringContent("{\"subject\": ", Encoding.UTF8, "application/json");
        var response = await server.Api.PostAsync("/api/cases", broken, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var text = new StringContent("hello", Encoding.UTF8, "text/plain");
        var wrongType = await server.Api.PostAsync("/api/cases", text, TestContext.Current.CancellationToken);
        (wrongType, await ApiJson.ReadAsync(wrongType)).AssertProblemNames(415, "body");
    }

    [Fact]
    public async Task Unknown_things_and_strangers_get_problems_too()
    {
        server.SkipIfUnavailable();
        (await server.Api.GetJsonAsync("/api/cases/999999")).AssertProblemNames(404, "id");
        (await server.Api.PostJsonAsync("/api/promises/999999/renegotiate", new { newDueAt = "2026-12-24T10:00:00+01:00" })).AssertProblemNames(404, "id");
        var anonymous = await server.Anonymous.GetAsync("/api/cases", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/cases");
        wrong.Headers.Authorization = new("Bearer", "guess");
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Anonymous.SendAsync(wrong, TestContext.Current.CancellationToken)).StatusCode);
    }
}

public sealed class BadInputOnSqlite(SqliteServer server) : BadInputTests(server), IClassFixture<SqliteServer>;
public sealed class BadInputOnPostgres(PostgresServer server) : BadInputTests(server), IClassFixture<PostgresServer>;
