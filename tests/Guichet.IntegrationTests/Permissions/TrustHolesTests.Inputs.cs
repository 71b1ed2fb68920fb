using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Guichet.Core.Agents;
using Guichet.Hosting.Auth;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Permissions;

/// <summary>Issue 21's findings on inputs, sessions and tokens: no 500, bounded templates, safe CSV, sessions that end.</summary>
public abstract partial class TrustHolesTests
{
    [Fact]
    public async Task Finding_6_hostile_referers_far_dates_and_long_loops_never_answer_500()
    {
        server.SkipIfUnavailable();
        using var visitor = Browserless.Anonymous(server);
        foreach (var referer in new[] { "//evil.example", "/\\evil.example", $"http://{server.BaseAddress.Authority}/\\evil.example", $"http://{server.BaseAddress.Authority}//evil.example/" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/ui/lang/en");
            request.Headers.TryAddWithoutValidation("Referer", referer);
            using var response = await visitor.SendAsync(request);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/", response.Headers.Location?.ToString());
        }

        var (_, opened) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("far.dates@example.fr"));
        var id = opened.Str("id");
        (await server.Api.GetJsonAsync("/api/metrics?to=9999-12-31")).AssertProblemNames(400, "to");
        (await server.Api.PostJsonAsync($"/api/cases/{id}/promises", new { what = "Rappeler", dueAt = "9999-12-31T23:00:00Z" })).AssertProblemNames(400, "dueAt");
        (await server.Api.PostJsonAsync($"/api/cases/{id}/ceiling-approval", new { until = "9999-12-31T23:00:00Z", reason = "essai" })).AssertProblemNames(400, "until");
        using var manager = await Browserless.SignInAsync(server, "far.manager@test.guichet", "Manager dates", role: AgentRole.Manager, team: "service-client");
        await manager.PostFormAsync($"/cases/{id}", $"/ui/cases/{id}/ceiling-approval", new() { ["until"] = "9999-12-31T23:00", ["reason"] = "essai" });
        var (page, _, _) = await manager.GetAsync($"/cases/{id}");
        Assert.Equal(HttpStatusCode.OK, page);

        // A loop of a thousand is an ordinary template now, not an error.
        var (saved, _) = await server.Api.PutJsonAsync("/api/templates/mille-lignes", new { team = "service-client", language = "fr", name = "Mille", body = "{% for i in (1..1000) %}.{% endfor %} {{ customer.name }}" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var (previewed, _) = await server.Api.PostJsonAsync("/api/templates/preview", new { team = "service-client", templateId = "mille-lignes", language = "fr" });
        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
    }

    [Fact]
    public async Task Finding_7_a_template_past_its_bounds_is_refused_at_save_and_in_a_preview()
    {
        server.SkipIfUnavailable();
        const string runaway = "{% for i in (1..200) %}{% for j in (1..200) %}{% for k in (1..200) %}{{ customer.name }}{% endfor %}{% endfor %}{% endfor %}";
        (await server.Api.PutJsonAsync("/api/templates/emballement", new { team = "service-client", language = "fr", name = "Emballement", body = runaway })).AssertProblemNames(422, "body");
        Assert.False(await server.ReadDbAsync(db => db.ReplyTemplates.AnyAsync(t => t.Key == "emballement")));
        (await server.Api.PostJsonAsync("/api/templates/preview", new { team = "service-client", body = runaway, language = "fr" })).AssertProblemNames(422, "body");
        const string flood = "{% for i in (1..5000) %}{{ 'ceci est une très longue ligne qui se répète' }}{% endfor %}";
        (await server.Api.PostJsonAsync("/api/templates/preview", new { team = "service-client", body = flood, language = "fr" })).AssertProblemNames(422, "body");
    }

    [Fact]
    public async Task Finding_8_a_formula_in_an_exported_cell_is_written_as_text()
    {
        server.SkipIfUnavailable();
        var (_, opened) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("formula@example.fr"));
        (await server.Api.PostJsonAsync($"/api/cases/{opened.Str("id")}/promises", new { what = "=cmd|' /C calc'!A0", dueAt = server.Clock.GetUtcNow().AddHours(3) })).Response.EnsureSuccessStatusCode();
        var csv = await server.Api.GetStringAsync("/api/metrics/promises/forecast?format=csv", TestContext.Current.CancellationToken);
        Assert.Contains("'=cmd|' /C calc'!A0", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=cmd", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finding_9_sign_out_and_deactivation_end_every_session_and_token_for_good()
    {
        server.SkipIfUnavailable();
        var browser = await Browserless.SignInAsync(server, "sessions@test.guichet", "Sessions", team: "service-client");
        var copied = browser.SessionCookie!;
        async Task<HttpStatusCode> WithCookieAsync(string cookie)
        {
            using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/cases");
            request.Headers.Add("Cookie", $"guichet={cookie}");
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            return response.StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, await WithCookieAsync(copied));
        var (signedOut, _, _) = await browser.PostFormAsync("/", "/logout", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut);
        browser.Dispose();
        Assert.Equal(HttpStatusCode.Unauthorized, await WithCookieAsync(copied));

        // Deactivated then reactivated: neither the old cookie nor the old token comes back.
        using var again = await Browserless.SignInAsync(server, "sessions@test.guichet", "Sessions", team: "service-client");
        var cookie = again.SessionCookie!;
        using var made = new HttpRequestMessage(HttpMethod.Post, "/api/tokens") { Content = new StringContent("{\"name\":\"script\",\"scope\":\"full\"}", Encoding.UTF8, "application/json") };
        using var issued = await again.SendAsync(made);
        var secret = (await ApiJson.ReadAsync(issued)).Str("token");
        var id = await server.ReadDbAsync(db => db.Agents.Where(a => a.Email == "sessions@test.guichet").Select(a => a.Id).SingleAsync());
        (await server.Api.PatchJsonAsync($"/api/agents/{id}", new { active = false })).Response.EnsureSuccessStatusCode();
        (await server.Api.PatchJsonAsync($"/api/agents/{id}", new { active = true })).Response.EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, await WithCookieAsync(cookie));
        using var scripted = new HttpClient { BaseAddress = server.BaseAddress };
        scripted.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.Unauthorized, (await scripted.GetAsync("/api/cases", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Finding_10_a_social_event_signed_outside_five_minutes_is_refused()
    {
        server.SkipIfUnavailable();
        var ev = new { eventId = $"old-{Guid.NewGuid():N}", kind = "comment", postId = "p1", author = new { handle = "old.event", name = "Ancien" }, text = "Bagage perdu", time = "2020-01-01T10:00:00Z" };
        var (late, body) = await SocialWebhook.PostAsync(server, ev, signedAgo: TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.Unauthorized, late);
        Assert.Contains("5 minutes", body.ToJsonString(), StringComparison.Ordinal);
        var (now, _) = await SocialWebhook.PostAsync(server, ev);
        Assert.Equal(HttpStatusCode.Created, now);
    }

    [Fact]
    public async Task Finding_11_a_quote_left_open_in_an_incident_list_is_reported_and_the_rows_after_it_are_reached()
    {
        server.SkipIfUnavailable();
        var (_, incident) = await server.Api.PostJsonAsync("/api/incidents", new { kind = "outage", title = "la box coupée mercredi", targetHours = 2 });
        const string csv = "email,name\nopen.one@incident.test,Anne\n\"open.two@incident.test,Bernard\nopen.three@incident.test,Chloé\n";
        var response = await server.Api.PostAsync($"/api/incidents/{incident.Str("id")}/affected", new StringContent(csv, Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);
        var outcome = await ApiJson.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("2", "1"), (outcome.Str("reached"), outcome.Str("refusedCount")));
        Assert.Contains(outcome["refused"]!.AsArray(), r => r!.GetValue<string>().Contains("not valid CSV", StringComparison.Ordinal));
        Assert.True(await server.ReadDbAsync(db => db.CustomerIdentities.AnyAsync(i => i.Value == "open.three@incident.test")));
    }
}
