using System.Net;
using Guichet.Testing;

namespace Guichet.IntegrationTests.Cases;

/// <summary>SPEC P1, P2, C2 through POST /api/cases, GET /api/cases and GET /api/cases/{id}.</summary>
public abstract class OpeningCasesTests(GuichetServer server)
{
    [Fact]
    public async Task A_French_customer_writing_Friday_at_16h_is_promised_Tuesday_at_16h_in_French()
    {
        server.SkipIfUnavailable();
        var (response, body) = await server.Api.PostJsonAsync("/api/cases", Contacts.French());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Matches(@"^G-2026-\d{6}$", body.Str("reference"));
        Assert.Equal("new", body.Str("status"));
        var promise = body["promises"]!.AsArray().Single()!;
        Assert.Equal("2026-12-01T15:00:00+00:00", promise.Str("dueAt"));
        Assert.Equal("open", promise.Str("state"));
        Assert.Equal("firstResponse", promise.Str("kind"));
        var ack = body["acknowledgment"]!;
        Assert.Contains("mardi 1er décembre à 16:00", ack.Str("body"), StringComparison.Ordinal);
        Assert.Contains("Merci", ack.Str("body"), StringComparison.Ordinal);
        Assert.Equal(promise.Str("id"), ack.Str("promiseId"));
        Assert.Equal("true", ack.Str("automatic"));
        Assert.Equal(response.Headers.Location!.ToString(), $"/api/cases/{body.Str("id")}");

        var queued = await server.ReadDbAsync(db => Task.FromResult(db.Outbox.Count(o => o.Recipient == "julien.rio@example.fr")));
        Assert.True(queued >= 1, "the acknowledgment waits in the outbox for the email channel");
    }

    [Fact]
    public async Task An_English_customer_in_Montreal_reads_the_date_in_English_and_in_their_zone()
    {
        server.SkipIfUnavailable();
        var (response, body) = await server.Api.PostJsonAsync("/api/cases", new
        {
            customer = new { name = "Emily Carter", email = "emily@example.com", language = "en", timeZone = "America/Montreal", salutation = "Ms" },
            channel = "portal",
            subject = "Modem return",
            body = "The storm took the modem.",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var text = body["acknowledgment"]!.Str("body");
        Assert.StartsWith("Dear Ms Emily Carter,", text, StringComparison.Ordinal);
        Assert.Contains("by Tuesday 1 December at 10:00 AM", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_email_address_is_the_same_customer_and_the_same_matter_is_the_same_case()
    {
        server.SkipIfUnavailable();
        var (_, first) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("same.person@example.fr"));

        // Writing again about the same matter (prefix and case aside) joins the open case: 200, no new promise (C1).
        var again = new
        {
            customer = new { name = "Julien Rio", email = "Same.Person@Example.fr" },
            channel = "email",
            subject = "RE: TR: correspondance  MANQUÉE",
            body = "Toujours rien ?",
        };
        var (joined, same) = await server.Api.PostJsonAsync("/api/cases", again);
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        Assert.Equal(first.Str("id"), same.Str("id"));
        Assert.Equal("2", same.Str("contactCount"));
        Assert.Equal("urgent", same.Str("priority")); // lost baggage: the service manager at once (E2)
        Assert.Single(same["promises"]!.AsArray());
        Assert.Contains("mardi 1er décembre à 16:00", same["acknowledgment"]!.Str("body"), StringComparison.Ordinal);

        // Another matter from the same person is another case, beside the first in their history (C2).
        var (created, other) = await server.Api.PostJsonAsync("/api/cases", new
        {
            customer = new { name = "Julien Rio", email = "same.person@example.fr" },
            channel = "portal",
            subject = "Facture en double",
            body = "J'ai été débité deux fois.",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(first.Str("customer.id"), other.Str("customer.id"));
        Assert.NotEqual(first.Str("id"), other.Str("id"));

        var (response, detail) = await server.Api.GetJsonAsync($"/api/cases/{first.Str("id")}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, detail["messages"]!.AsArray().Count);
        Assert.Equal("same.person@example.fr", detail.Str("customer.emails.0"));
        Assert.NotEmpty(detail["events"]!.AsArray());
    }

    [Fact]
    public async Task The_list_is_ordered_by_the_next_promise_due_and_paged()
    {
        server.SkipIfUnavailable();
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("soon@example.fr"));
        var id = c.Str("id");
        // A commitment due in one business hour makes this case the most urgent.
        var (made, _) = await server.Api.PostJsonAsync($"/api/cases/{id}/promises", new { what = "Call back", dueInBusinessHours = 0.5 });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);

        var (response, page) = await server.Api.GetJsonAsync("/api/cases?status=new&pageSize=2&page=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(id, page.Str("items.0.id"));
        Assert.Equal("2", page.Str("pageSize"));
        Assert.Equal("1", page.Str("page"));
        Assert.True(page["items"]!.AsArray().Count <= 2);
        var dues = page["items"]!.AsArray().Select(i => DateTimeOffset.Parse(i!.Str("nextDueAt"), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dues.Order(), dues);

        var (_, before) = await server.Api.GetJsonAsync("/api/cases?dueBefore=2026-11-27T17:00:00%2B01:00");
        Assert.Contains(before["items"]!.AsArray(), i => i!.Str("id") == id);
        Assert.All(before["items"]!.AsArray(), i => Assert.True(DateTimeOffset.Parse(i!.Str("nextDueAt"), System.Globalization.CultureInfo.InvariantCulture) < new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task Health_and_the_OpenAPI_document_answer()
    {
        server.SkipIfUnavailable();
        var (health, body) = await server.Anonymous.GetJsonAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ok", body.Str("status"));
        var (openapi, doc) = await server.Anonymous.GetJsonAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, openapi.StatusCode);
        foreach (var path in new[] { "/api/cases", "/api/cases/{id}", "/api/cases/{id}/messages", "/api/cases/{id}/promises", "/api/promises/{id}/keep", "/api/promises/{id}/renegotiate", "/api/promises", "/api/metrics/promises" })
        {
            Assert.True(doc["paths"]!.AsObject().ContainsKey(path), $"OpenAPI lacks {path}");
        }
    }
}

public sealed class OpeningCasesOnSqlite(SqliteServer server) : OpeningCasesTests(server), IClassFixture<SqliteServer>;
public sealed class OpeningCasesOnPostgres(PostgresServer server) : OpeningCasesTests(server), IClassFixture<PostgresServer>;
