using System.Net;
using System.Text;
using Guichet.Core.Agents;
using Guichet.Features.Permissions;
using Guichet.Hosting.Web;
using Guichet.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.IntegrationTests.Permissions;

/// <summary>
/// Issue 10's matrix: every endpoint and page the server maps × every role (and no one) × a case
/// of the caller's team and of another team. The expected answer comes from the endpoint's own
/// policy in <see cref="Access"/>; an endpoint with no policy, a hand-written role list or an
/// anonymous door nobody listed fails here, so a new endpoint cannot slip through.
/// </summary>
public sealed class AuthorizationMatrixTests(SqliteDemoServer server) : IClassFixture<SqliteDemoServer>
{
    /// <summary>The doors customers, providers and browsers use without signing in, each for a reason.</summary>
    private static readonly HashSet<string> PublicRoutes =
    [
        "GET /health", // load balancers
        "GET /openapi/{documentName}.json", // the contract itself
        "GET /login", "POST /login", // signing in
        "GET /login/sso", // signing in through the identity provider, when one is configured (404 otherwise)
        "GET /ui/lang/{lang}", // the sign-in page's language switch
        "GET /site.css", // style, no data
        "GET /contact", // the portal's contact form
        "GET /suivi/{Token}", // a customer's case, by its secret link
        "GET /avis/{Token}", // the survey, by its secret link
        "GET /aide", "GET /help", "GET /aide/{Id:long}", "GET /help/{Id:long}", // the public help centre
        "GET /api/surveys/{token}", "POST /api/surveys/{token}", // the survey's API, by its token
        "POST /api/channels/social/{platform}/events", // signed by the platform's shared secret
        "GET /chat/widget.js", "GET /chat/signalr.min.js", "GET /chat/demo", // the chat widget's files
        "POST /chat/files", "GET /chat/files/{key}", // a visitor's photo, and files read at links sealed by the server (issue 26)
        "GET /suivi/{token}/fichiers/{id:long}", // a file on the customer's case, read with their private link
        "GET /files.js", // dropping files on the portal's forms: nothing private in it
        "GET /hubs/chat", "GET /hubs/chat/negotiate", // visitors chat without an account (SignalR maps them for every method)
        "GET /api/help/articles", "GET /api/help/articles/{id:long}", // the public help centre's published articles
    ];

    private static readonly AgentRole[] Roles = Enum.GetValues<AgentRole>();

    [Fact]
    public async Task Every_endpoint_answers_each_role_as_its_policy_says_and_hides_other_teams_cases()
    {
        var ct = TestContext.Current.CancellationToken;
        var world = await WorldAsync("matrix");
        var browsers = new Dictionary<AgentRole, Browserless>();
        foreach (var role in Roles)
        {
            browsers[role] = await Browserless.SignInAsync(server, $"matrix-{role}@test.guichet".ToLowerInvariant(), $"matrix {role}");
        }
        using var anonymous = Browserless.Anonymous(server);
        var failures = new List<string>();
        var checkedEndpoints = 0;
        foreach (var (endpoint, method) in Endpoints())
        {
            var route = $"{method} {endpoint.RoutePattern.RawText}";
            var anonymousDoor = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            if (anonymousDoor)
            {
                if (!PublicRoutes.Contains(route))
                {
                    failures.Add($"{route}: anonymous, but not a listed public door");
                }
                continue;
            }
            if (policies.Count == 0)
            {
                failures.Add($"{route}: no authorisation policy");
                continue;
            }
            if (policies.FirstOrDefault(p => p.Roles is not null || (p.Policy is not null && !Access.Roles.ContainsKey(p.Policy))) is { } adHoc)
            {
                failures.Add($"{route}: a policy outside Access ({adHoc.Policy ?? "roles " + adHoc.Roles})");
                continue;
            }
            var allowed = policies.Select(p => Access.Roles[p.Policy ?? Access.Read]).Aggregate((a, b) => [.. a.Intersect(b)]).ToHashSet();
            if (method is not ("GET" or "HEAD"))
            {
                allowed.Remove(AgentRole.Auditor);
            }
            if (endpoint.Metadata.GetMetadata<ChannelDoor>() is not null)
            {
                // A channel's door: an intake token or an admin, never a person posing as the mail relay.
                allowed.IntersectWith([AgentRole.Admin]);
            }
            var target = Features.Permissions.CaseInViewHandler.TargetOf(endpoint.RoutePattern);
            var own = Url(endpoint.RoutePattern, target, world.Own);
            var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes is [var first, ..] ? first : null;

            checkedEndpoints++;
            var (status, refused) = await CallAsync(anonymous, method, own, accepts);
            if (!(status is HttpStatusCode.Unauthorized || (status is HttpStatusCode.Redirect && refused)))
            {
                failures.Add($"{route}: no one signed in got {(int)status}");
            }
            foreach (var role in Roles)
            {
                (status, refused) = await CallAsync(browsers[role], method, own, accepts);
                if (allowed.Contains(role) == refused)
                {
                    failures.Add($"{route} as {role}: {(refused ? "refused" : "let through")} ({(int)status}), its policy says {(allowed.Contains(role) ? "yes" : "no")}");
                }
            }
            if (target is not null && allowed.Contains(AgentRole.Agent))
            {
                // The agent's team is not the case's: refused; a lead of the same team likewise.
                var other = Url(endpoint.RoutePattern, target, world.Other);
                foreach (var role in new[] { AgentRole.Agent, AgentRole.Lead }.Where(allowed.Contains))
                {
                    (status, refused) = await CallAsync(browsers[role], method, other, accepts);
                    if (!refused)
                    {
                        failures.Add($"{route} as {role} on another team's case: let through ({(int)status})");
                    }
                }
                (status, refused) = await CallAsync(browsers[AgentRole.Manager], method, other, accepts);
                if (refused)
                {
                    failures.Add($"{route} as Manager on another team's case: refused");
                }
            }
        }
        var mapped = Endpoints().Select(e => $"{e.Method} {e.Endpoint.RoutePattern.RawText}").ToHashSet();
        failures.AddRange(PublicRoutes.Where(r => !mapped.Contains(r)).Select(r => $"{r}: listed as public, but not mapped"));
        foreach (var browser in browsers.Values)
        {
            browser.Dispose();
        }
        Assert.True(checkedEndpoints > 100, $"only {checkedEndpoints} endpoints found");
        Assert.True(failures.Count == 0, $"{failures.Count} authorisation failures:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task Lists_and_search_show_an_agent_their_teams_cases_and_an_auditor_everything_read_only()
    {
        var world = await WorldAsync("lists");
        using var agent = await Browserless.SignInAsync(server, "lists-agent@test.guichet", "lists Agent");
        using var auditor = await Browserless.SignInAsync(server, "lists-auditor@test.guichet", "lists Auditor");
        async Task<string> Read(Browserless who, string url)
        {
            using var response = await who.SendAsync(new HttpRequestMessage(HttpMethod.Get, url));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        }
        string Id(long id) => $"\"id\":{id},";

        var cases = await Read(agent, "/api/cases?pageSize=100");
        Assert.Contains(Id(world.Own.Case), cases, StringComparison.Ordinal);
        Assert.DoesNotContain(Id(world.Other.Case), cases, StringComparison.Ordinal);
        var promises = await Read(agent, "/api/promises?pageSize=100");
        Assert.Contains(Id(world.Own.Promise), promises, StringComparison.Ordinal);
        Assert.DoesNotContain(Id(world.Other.Promise), promises, StringComparison.Ordinal);
        var search = await Read(agent, "/api/search?q=facture&limit=50");
        Assert.Contains("Réclamation lists service-client", search, StringComparison.Ordinal);
        Assert.DoesNotContain("Réclamation lists bagages", search, StringComparison.Ordinal);
        var inbox = await Read(agent, "/?status=all");
        Assert.Contains("Réclamation lists service-client", inbox, StringComparison.Ordinal);
        Assert.DoesNotContain("Réclamation lists bagages", inbox, StringComparison.Ordinal);

        // The auditor sees every team's cases and can change none of them.
        Assert.Contains(Id(world.Other.Case), await Read(auditor, "/api/cases?pageSize=100"), StringComparison.Ordinal);
        Assert.Contains("Réclamation lists bagages", await Read(auditor, $"/cases/{world.Other.Case}"), StringComparison.Ordinal);
        using var note = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{world.Other.Case}/notes") { Content = new StringContent("{\"text\":\"vu\"}", Encoding.UTF8, "application/json") };
        using var refused = await auditor.SendAsync(note);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(await server.ReadDbAsync(db => db.Messages.AnyAsync(m => m.CaseId == world.Other.Case && m.Body == "vu")));
    }

    /// <summary>
    /// Issue 21: a record named in a body (merge "from", a call's "caseId"…) is checked like one in the
    /// route. Every id-like field of every request must say whose record it is (or why it is no
    /// team's), and each one that names a case or a customer is tried with another team's: refused.
    /// </summary>
    [Fact]
    public async Task Every_record_named_in_a_body_is_declared_and_another_teams_one_is_refused()
    {
        var world = await WorldAsync("bodies");
        using var agent = await Browserless.SignInAsync(server, "bodies-agent@test.guichet", "bodies Agent");
        var failures = new List<string>();
        var tried = 0;
        foreach (var (endpoint, method) in Endpoints().Where(e => e.Method is "POST" or "PUT" or "PATCH"))
        {
            var route = $"{method} {endpoint.RoutePattern.RawText}";
            var declared = endpoint.Metadata.GetOrderedMetadata<RecordInBody>().ToDictionary(r => r.Field, StringComparer.Ordinal);
            if (endpoint.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true
                && endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is null && endpoint.Metadata.GetMetadata<NoBody>() is null)
            {
                // Undeclared, its fields could not be read here: every write says what it takes (Accepts<T>), or that it takes nothing.
                failures.Add($"{route}: declares no body (Accepts<T>, or NoBody)");
            }
            foreach (var field in IdFields(endpoint).Where(f => !declared.ContainsKey(f)))
            {
                failures.Add($"{route}: its body names \"{field}\" and says nothing of whose record it is (NamesInBody)");
            }
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            var agentMay = policies.Count > 0 && policies.All(p => Access.Roles[p.Policy ?? Access.Read].Contains(AgentRole.Agent)) && endpoint.Metadata.GetMetadata<ChannelDoor>() is null;
            foreach (var record in declared.Values.Where(r => r.Target is not null && agentMay))
            {
                tried++;
                var url = Url(endpoint.RoutePattern, CaseInViewHandler.TargetOf(endpoint.RoutePattern), world.Own);
                var other = record.Target switch
                {
                    CaseInViewHandler.Target.Customer => world.Other.Customer,
                    _ => world.Other.Case,
                };
                if (url.StartsWith("/ui/", StringComparison.Ordinal))
                {
                    var value = record.Field == "reference" ? await server.ReadDbAsync(db => db.Cases.Where(c => c.Id == other).Select(c => c.Reference).SingleAsync()) : other.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var (status, _, location) = await agent.PostFormAsync("/", url, new() { [record.Field] = value });
                    if (status is not HttpStatusCode.Redirect || location?.Contains("error=", StringComparison.Ordinal) != true)
                    {
                        failures.Add($"{route} with another team's {record.Field}: {(int)status} {location}, not refused");
                    }
                }
                else
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), url)
                    {
                        Content = new StringContent($"{{\"{record.Field}\":{other}}}", Encoding.UTF8, "application/json"),
                    };
                    using var response = await agent.SendAsync(request);
                    if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden))
                    {
                        failures.Add($"{route} with another team's {record.Field}: {(int)response.StatusCode}, not refused");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join('\n', failures));
        Assert.True(tried >= 3, $"only {tried} body records tried");
    }

    /// <summary>The fields of a request that may name a record: JSON properties of the declared body and form fields, ending in "Id", or "from" and "reference".</summary>
    private static IEnumerable<string> IdFields(RouteEndpoint endpoint)
    {
        var names = new List<string>();
        if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is { IsClass: true } type && type != typeof(string) && !type.IsArray && !type.IsGenericType)
        {
            names.AddRange(type.GetProperties().Select(p => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name)));
        }
        if (endpoint.Metadata.GetMetadata<System.Reflection.MethodInfo>() is { } handler)
        {
            names.AddRange(handler.GetParameters().Where(p => p.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.FromFormAttribute), false).Length > 0).Select(p => p.Name!));
        }
        return names.Where(n => (n.EndsWith("Id", StringComparison.Ordinal) && n != "id") || n is "from" or "reference").Distinct(StringComparer.Ordinal);
    }

    /// <summary>Every (endpoint, method) the server maps, pages as GET only; the framework's own files left out.</summary>
    private IEnumerable<(RouteEndpoint Endpoint, string Method)> Endpoints()
    {
        var source = server.Services.GetRequiredService<EndpointDataSource>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>().OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal))
        {
            var raw = endpoint.RoutePattern.RawText ?? "";
            if (raw.StartsWith("_framework", StringComparison.Ordinal) || raw.StartsWith("/_framework", StringComparison.Ordinal) || raw.StartsWith("/_blazor", StringComparison.Ordinal))
            {
                continue;
            }
            if (raw == "/logout")
            {
                // Probing it would sign the role's browser out for the rest of the walk; LoginTests cover it.
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var isPage = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
            foreach (var method in methods.Where(m => !isPage || m == "GET"))
            {
                yield return (endpoint, method);
            }
        }
    }

    private sealed record Ids(long Case, long Promise, long Attachment, long Offer, long Customer, long Merge, long Mail);

    private sealed record World(Ids Own, Ids Other);

    /// <summary>
    /// The roles' people, all in the demo's customer-service team; then one email with a file to
    /// that team and one to the baggage team, each case given a retention offer.
    /// </summary>
    private async Task<World> WorldAsync(string who)
    {
        await server.ReadDbAsync(async db =>
        {
            var hasher = server.Services.GetRequiredService<IPasswordHasher<Agent>>();
            var team = await db.Teams.SingleAsync(t => t.Slug == "service-client");
            foreach (var role in Roles)
            {
                var agent = new Agent { Email = $"{who}-{role}@test.guichet".ToLowerInvariant(), Name = $"{who} {role}", Role = role, Team = team };
                agent.PasswordHash = hasher.HashPassword(agent, Browserless.Password);
                db.Agents.Add(agent);
            }
            return await db.SaveChangesAsync();
        });
        return new World(await CaseByEmailAsync("service-client", who), await CaseByEmailAsync("bagages", who));
    }

    private async Task<Ids> CaseByEmailAsync(string team, string who)
    {
        var mail = $"""
            From: Client {team} <{who}.{team}@example.fr>
            To: {team}@demo.guichet.test
            Subject: Réclamation {who} {team}
            Message-ID: <{who}.{team}@example.fr>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain; charset=utf-8

            Bonjour, voici ma facture.
            --b
            Content-Type: application/pdf; name="facture.pdf"
            Content-Disposition: attachment; filename="facture.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PD4+CmVuZG9iagp0cmFpbGVyCjw8Pj4KJSVFT0YK
            --b--
            """.ReplaceLineEndings("\r\n");
        using var content = new StringContent(mail, Encoding.UTF8, "message/rfc822");
        var response = await server.Api.PostAsync("/api/inbound/email", content, TestContext.Current.CancellationToken);
        var caseId = long.Parse((await ApiJson.ReadAsync(response)).Str("caseId"));
        return await server.ReadDbAsync(async db =>
        {
            var @case = await db.Cases.Include(c => c.Team).SingleAsync(c => c.Id == caseId);
            Assert.Equal(team, @case.Team.Slug);
            var offer = new Core.Goodwill.RetentionOffer { CaseId = caseId, AgentId = await db.Agents.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(), Offer = "Un mois offert", At = server.Clock.GetUtcNow() };
            db.RetentionOffers.Add(offer);
            // A merge into this case's customer from one made for it, so routes naming a merge have one of each team.
            var merged = new Core.Customers.Customer { Name = $"Doublon {who} {team}", Language = "fr", TimeZone = "Europe/Paris", CreatedAt = server.Clock.GetUtcNow() };
            db.Customers.Add(merged);
            await db.SaveChangesAsync();
            var merge = new Core.Customers.CustomerMerge { IntoId = @case.CustomerId, FromId = merged.Id, At = server.Clock.GetUtcNow(), IdentityIds = "", CaseIds = "", AssetIds = "" };
            db.CustomerMerges.Add(merge);
            await db.SaveChangesAsync();
            return new Ids(
                caseId,
                await db.Promises.Where(p => p.CaseId == caseId).Select(p => p.Id).FirstAsync(),
                await db.Attachments.Where(a => db.Messages.Any(m => m.Id == a.MessageId && m.CaseId == caseId)).Select(a => a.Id).SingleAsync(),
                offer.Id,
                @case.CustomerId,
                merge.Id,
                await db.InboundEmails.Where(e => e.CaseId == caseId).Select(e => e.Id).FirstAsync());
        });
    }

    /// <summary>The route with its parameters filled: the case's own ids where the route names one, harmless values elsewhere.</summary>
    private static string Url(RoutePattern pattern, (CaseInViewHandler.Target Target, string Parameter)? target, Ids ids)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart p when target is { } t && p.Name == t.Parameter => t.Target switch
                    {
                        CaseInViewHandler.Target.Case => ids.Case,
                        CaseInViewHandler.Target.Promise => ids.Promise,
                        CaseInViewHandler.Target.Attachment => ids.Attachment,
                        CaseInViewHandler.Target.RetentionOffer => ids.Offer,
                        CaseInViewHandler.Target.Customer => ids.Customer,
                        CaseInViewHandler.Target.CustomerMerge => ids.Merge,
                        CaseInViewHandler.Target.InboundEmail => ids.Mail,
                        _ => 0,
                    },
                    RoutePatternParameterPart p when p.ParameterPolicies.Any(x => x.Content is "long" or "int") => "1",
                    RoutePatternParameterPart p => p.Name switch
                    {
                        "lang" => "fr",
                        "platform" => "facebook",
                        "documentName" => "v1",
                        _ => "matrix",
                    },
                    _ => "",
                });
            }
        }
        return path.Length == 0 ? "/" : path.ToString();
    }

    /// <summary>Sends the request; "refused" means the authorisation layer said no, not the endpoint's own rules.</summary>
    private static async Task<(HttpStatusCode Status, bool Refused)> CallAsync(Browserless browser, string method, string url, string? accepts)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is not ("GET" or "HEAD" or "DELETE"))
        {
            // A body of the kind the endpoint takes, so routing reaches the authorisation step.
            request.Content = accepts switch
            {
                "multipart/form-data" => new MultipartFormDataContent(),
                { } type when !type.Contains("json", StringComparison.Ordinal) && type != "application/x-www-form-urlencoded" => new StringContent("", Encoding.UTF8, type),
                _ when url.StartsWith("/api", StringComparison.Ordinal) => new StringContent("{}", Encoding.UTF8, "application/json"),
                _ => new FormUrlEncodedContent([]),
            };
        }
        using var response = await browser.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var refused = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => true,
            HttpStatusCode.Forbidden => body.Contains("\"authorization\"", StringComparison.Ordinal) || body.Contains("Accès refusé", StringComparison.Ordinal),
            HttpStatusCode.Redirect => response.Headers.Location?.ToString().Contains("/login", StringComparison.Ordinal) == true,
            _ => false,
        };
        return (response.StatusCode, refused);
    }
}
