using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Guichet.Core.Agents;
using Guichet.Core.Goodwill;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Permissions;

/// <summary>
/// Issue 21: what an outside attack pass got through, one regression per finding, on the demo's two
/// teams. The attacker is an agent of customer service; the other team's case is the baggage office's.
/// Records named in routes and bodies: this file; inputs, sessions and tokens: TrustHolesTests.Inputs.
/// </summary>
public abstract partial class TrustHolesTests(GuichetServer server)
{
    private sealed record World(long Own, long Other, long OtherCustomer, long OtherMail, string OtherReference);

    /// <summary>One emailed case per team (with its stored mail), made through the relay's door by the admin token.</summary>
    private async Task<World> WorldAsync(string who)
    {
        async Task<(long Case, long Mail)> MailAsync(string team)
        {
            var mail = $"From: Client {who} <{who}.{team}@example.fr>\r\nTo: {team}@demo.guichet.test\r\nSubject: Réclamation {who} {team}\r\n"
                + $"Message-ID: <{who}.{team}.{Guid.NewGuid():N}@example.fr>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBonjour, voici ma réclamation.\r\n";
            using var content = new StringContent(mail, Encoding.UTF8, "message/rfc822");
            var response = await server.Api.PostAsync("/api/inbound/email", content, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var caseId = long.Parse((await ApiJson.ReadAsync(response)).Str("caseId"), System.Globalization.CultureInfo.InvariantCulture);
            return (caseId, await server.ReadDbAsync(db => db.InboundEmails.Where(e => e.CaseId == caseId).Select(e => e.Id).FirstAsync()));
        }
        var own = await MailAsync("service-client");
        var other = await MailAsync("bagages");
        var (customer, reference) = await server.ReadDbAsync(async db =>
        {
            var c = await db.Cases.SingleAsync(x => x.Id == other.Case);
            return (c.CustomerId, c.Reference);
        });
        return new World(own.Case, other.Case, customer, other.Mail, reference);
    }

    private Task<Browserless> AttackerAsync(string who) =>
        Browserless.SignInAsync(server, $"{who}.attacker@test.guichet", $"Attaquant {who}", team: "service-client");

    private static async Task<HttpStatusCode> SendAsync(Browserless browser, HttpMethod method, string url, string? json = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        using var response = await browser.SendAsync(request);
        return response.StatusCode;
    }

    private Task<int> MessagesOfAsync(long caseId) => server.ReadDbAsync(db => db.Messages.CountAsync(m => m.CaseId == caseId));

    [Fact]
    public async Task Finding_1_another_teams_case_cannot_be_merged_in_by_the_api_or_the_form()
    {
        server.SkipIfUnavailable();
        var world = await WorldAsync("merge");
        using var attacker = await AttackerAsync("merge");
        var before = await MessagesOfAsync(world.Other);

        Assert.Equal(HttpStatusCode.NotFound, await SendAsync(attacker, HttpMethod.Post, $"/api/cases/{world.Own}/merge", $"{{\"from\":{world.Other}}}"));
        var (status, _, location) = await attacker.PostFormAsync($"/cases/{world.Own}", $"/ui/cases/{world.Own}/merge", new() { ["reference"] = world.OtherReference });
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains("error=", location, StringComparison.Ordinal);

        // Nothing moved: the other team's case keeps its messages and stays open.
        Assert.Equal(before, await MessagesOfAsync(world.Other));
        Assert.NotEqual(Core.Cases.CaseStatus.Closed, await server.ReadDbAsync(db => db.Cases.Where(c => c.Id == world.Other).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task Finding_2_a_contact_that_joins_someones_open_case_never_shows_it_and_the_link_goes_to_their_mailbox()
    {
        server.SkipIfUnavailable();
        var (_, opened) = await server.Api.PostJsonAsync("/api/cases", new
        {
            customer = new { name = "Victime Portail", email = "victim.portal@example.fr", language = "fr" },
            channel = "email", subject = "Remboursement du vol AF 1234", body = "Je demande le remboursement de mon billet.",
        });
        var caseId = long.Parse(opened.Str("id"), System.Globalization.CultureInfo.InvariantCulture);

        using var stranger = Browserless.Anonymous(server);
        var (status, _, location) = await stranger.PostFormAsync("/contact", "/contact", new()
        {
            ["_handler"] = "portal-contact", ["Form.Name"] = "Quelqu'un", ["Form.Email"] = "victim.portal@example.fr", ["Form.Language"] = "fr",
            ["Form.Subject"] = "Remboursement du vol AF 1234", ["Form.Body"] = "Montrez-moi ce dossier.",
        });
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.EndsWith("/contact?joined=1", location, StringComparison.Ordinal);
        var (_, page, _) = await stranger.GetAsync(location!);
        Assert.DoesNotContain("Je demande le remboursement", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/suivi/", page, StringComparison.Ordinal);

        // The message joined the case, and the private link left by mail to the customer's own address.
        var notice = await server.ReadDbAsync(db => db.Outbox.Include(o => o.Message)
            .Where(o => o.Message.CaseId == caseId && o.Message.Kind == Core.Cases.MessageKind.IntakeNotice).SingleAsync());
        Assert.Equal("victim.portal@example.fr", notice.Recipient);
        Assert.Contains("/suivi/", notice.Message.Body, StringComparison.Ordinal);
        Assert.True(await server.ReadDbAsync(db => db.Messages.AnyAsync(m => m.CaseId == caseId && m.Body == "Montrez-moi ce dossier.")));
    }

    [Fact]
    public async Task Finding_3_another_teams_raw_email_and_mail_list_stay_with_that_team()
    {
        server.SkipIfUnavailable();
        var world = await WorldAsync("raw");
        using var attacker = await AttackerAsync("raw");
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(attacker, HttpMethod.Get, $"/api/inbound/email/{world.OtherMail}/raw"));
        using var list = await attacker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/inbound/email?outcome=created&pageSize=100"));
        var body = await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotContain($"\"id\":{world.OtherMail},", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Réclamation raw bagages", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finding_5_customers_surveys_posts_calls_the_forecast_and_the_mail_door_follow_team_visibility()
    {
        server.SkipIfUnavailable();
        var world = await WorldAsync("teams");
        using var attacker = await AttackerAsync("teams");
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(attacker, HttpMethod.Get, $"/api/customers/{world.OtherCustomer}"));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(attacker, HttpMethod.Post, $"/api/customers/{world.OtherCustomer}/assets", "{\"kind\":\"order\",\"reference\":\"X1\"}"));
        var ownCustomer = await server.ReadDbAsync(db => db.Cases.Where(c => c.Id == world.Own).Select(c => c.CustomerId).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, await SendAsync(attacker, HttpMethod.Post, $"/api/customers/{ownCustomer}/merge", $"{{\"from\":{world.OtherCustomer}}}"));

        // A promise due tomorrow on the other team's case is not in the agent's forecast list.
        (await server.Api.PostJsonAsync($"/api/cases/{world.Other}/promises", new { what = "Secret des bagages", dueAt = server.Clock.GetUtcNow().AddHours(6) })).Response.EnsureSuccessStatusCode();
        using var lead = await Browserless.SignInAsync(server, "teams.lead@test.guichet", "Chef teams", role: AgentRole.Lead, team: "service-client");
        using var forecast = await lead.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/metrics/promises/forecast"));
        Assert.Equal(HttpStatusCode.OK, forecast.StatusCode);
        Assert.DoesNotContain("Secret des bagages", await forecast.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // Lists: another team's surveys and social posts are not the agent's.
        using var surveys = await attacker.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/surveys?caseId={world.Other}"));
        Assert.Equal("[]", await surveys.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var ev = new { eventId = $"teams-{Guid.NewGuid():N}", kind = "message", author = new { handle = "teams.social", name = "Social" }, text = "Ma valise est perdue, numéro BAG-991", time = server.Clock.GetUtcNow() };
        var (posted, socialPost) = await SocialWebhook.PostAsync(server, ev);
        Assert.Equal(HttpStatusCode.Created, posted);
        var postTeam = await server.ReadDbAsync(db => db.Cases.Where(c => c.Id == long.Parse(socialPost.Str("caseId"), System.Globalization.CultureInfo.InvariantCulture)).Select(c => c.Team.Slug).SingleAsync());
        using var outsider = await Browserless.SignInAsync(server, "teams.outsider@test.guichet", "Hors équipe", team: postTeam == "bagages" ? "service-client" : "bagages");
        using var posts = await outsider.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/channels/social/posts?pageSize=100"));
        Assert.DoesNotContain("BAG-991", await posts.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // A person's own session or token is not the mail relay or the phone system: no message planted in another team's case.
        var forged = $"From: {world.OtherReference} <raw.bagages@example.fr>\r\nSubject: Re: [{world.OtherReference}] suite\r\nMessage-ID: <forged.{Guid.NewGuid():N}@x>\r\n\r\nFaux message.\r\n";
        using (var post = new HttpRequestMessage(HttpMethod.Post, "/api/inbound/email") { Content = new StringContent(forged, Encoding.UTF8, "message/rfc822") })
        {
            using var refused = await attacker.SendAsync(post);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(attacker, HttpMethod.Post, "/api/channels/phone/calls", $"{{\"caseId\":{world.Other},\"caller\":\"+33180000001\",\"notes\":\"appel inventé\"}}"));
        Assert.False(await server.ReadDbAsync(db => db.Messages.AnyAsync(m => m.CaseId == world.Other && m.Body.Contains("Faux message"))));
        Assert.False(await server.ReadDbAsync(db => db.PhoneCalls.AnyAsync(c => c.CaseId == world.Other)));

        // An admin makes the relay an intake token: it hands mail in, and reads nothing.
        var (_, token) = await server.Api.PostJsonAsync("/api/tokens", new { name = "relais de courrier", scope = "intake" });
        using var relay = new HttpClient { BaseAddress = server.BaseAddress };
        relay.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Str("token"));
        var mail = $"From: Relais <relay.teams@example.fr>\r\nTo: service-client@demo.guichet.test\r\nSubject: Par le relais\r\nMessage-ID: <relay.{Guid.NewGuid():N}@x>\r\n\r\nBonjour.\r\n";
        using (var delivered = await relay.PostAsync("/api/inbound/email", new StringContent(mail, Encoding.UTF8, "message/rfc822"), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Accepted, delivered.StatusCode);
        }
        using var read = await relay.GetAsync($"/api/cases/{world.Own}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        // Only an admin makes one.
        using var person = await Browserless.SignInAsync(server, "teams.person@test.guichet", "Personne", team: "service-client");
        Assert.Equal(HttpStatusCode.BadRequest, await SendAsync(person, HttpMethod.Post, "/api/tokens", "{\"name\":\"mon relais\",\"scope\":\"intake\"}"));
    }

    [Fact]
    public async Task Finding_4_every_form_post_needs_its_antiforgery_token_fields_or_no_fields()
    {
        server.SkipIfUnavailable();
        var world = await WorldAsync("csrf");
        using var manager = await Browserless.SignInAsync(server, "csrf.manager@test.guichet", "Manager csrf", role: AgentRole.Manager, team: "service-client");
        var entry = await server.ReadDbAsync(async db =>
        {
            var gesture = new GoodwillEntry
            {
                CaseId = world.Own, AgentId = await db.Agents.Where(a => a.Email == "csrf.manager@test.guichet").Select(a => a.Id).SingleAsync(),
                TeamId = await db.Cases.Where(c => c.Id == world.Own).Select(c => c.TeamId).SingleAsync(),
                Gesture = GestureKind.Refund, AmountMinor = 50_000, Reason = "Vol annulé", Status = GoodwillStatus.AwaitingApproval, At = server.Clock.GetUtcNow(), Month = "2026-11",
            };
            db.GoodwillEntries.Add(gesture);
            await db.SaveChangesAsync();
            return gesture.Id;
        });
        foreach (var action in new[] { $"/ui/cases/{world.Own}/resolve", $"/ui/goodwill/{entry}/approve", "/ui/notifications/read", "/logout" })
        {
            // A cross-site form: the browser sends the cookie, but the page's token is not there.
            using var post = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent([]) };
            using var refused = await manager.SendAsync(post);
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{action}: {(int)refused.StatusCode}");
        }
        Assert.Equal(GoodwillStatus.AwaitingApproval, await server.ReadDbAsync(db => db.GoodwillEntries.Where(g => g.Id == entry).Select(g => g.Status).SingleAsync()));
        Assert.True(await server.ReadDbAsync(db => db.Cases.Where(c => c.Id == world.Own).Select(c => c.ResolvedAt == null).SingleAsync()));
        // Still signed in: the cross-site "sign out" did nothing; sign-out is a POST, never a GET.
        Assert.Equal(HttpStatusCode.OK, await SendAsync(manager, HttpMethod.Get, "/api/cases"));
        Assert.NotEqual(HttpStatusCode.Redirect, await SendAsync(manager, HttpMethod.Get, "/logout"));
        // With its token, from the page, the same form works.
        // (Its open promises still need their outcome: the page says so, the token was accepted.)
        var (status, _, location) = await manager.PostFormAsync($"/cases/{world.Own}", $"/ui/cases/{world.Own}/resolve", []);
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.StartsWith($"/cases/{world.Own}", location, StringComparison.Ordinal);
    }
}

public sealed class TrustHolesOnSqlite(SqliteDemoServer server) : TrustHolesTests(server), IClassFixture<SqliteDemoServer>;

public sealed class TrustHolesOnPostgres(PostgresDemoServer server) : TrustHolesTests(server), IClassFixture<PostgresDemoServer>;
