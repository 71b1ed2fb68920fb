using System.Net;
using System.Text.RegularExpressions;
using Guichet.Core.Agents;
using Guichet.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Testing;

/// <summary>
/// An agent using the workspace through plain HTTP: cookies, forms and their antiforgery
/// tokens, redirects followed by hand so each step can be checked.
/// </summary>
public sealed partial class Browserless : IDisposable
{
    public const string Password = "correct horse battery";

    private readonly HttpClient _client;
    private readonly CookieContainer _cookies = new();

    private Browserless(Uri baseAddress)
    {
        _client = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public static async Task<Browserless> SignInAsync(GuichetServer server, string email, string name, string uiLanguage = "fr", AgentRole role = AgentRole.Agent, string? team = null)
    {
        const string password = Password;
        await server.ReadDbAsync(async db =>
        {
            if (!db.Agents.Any(a => a.Email == email))
            {
                var home = team is null ? db.Teams.First() : db.Teams.Single(t => t.Slug == team);
                var agent = new Agent { Email = email, Name = name, Team = home, UiLanguage = uiLanguage, Role = role };
                agent.PasswordHash = server.Services.GetRequiredService<IPasswordHasher<Agent>>().HashPassword(agent, password);
                db.Agents.Add(agent);
                await db.SaveChangesAsync();
            }
            return 0;
        });
        var browser = new Browserless(server.BaseAddress);
        var (status, _, location) = await browser.PostFormAsync("/login", "/login", new() { ["email"] = email, ["password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/", location);
        return browser;
    }

    /// <summary>A visitor who is not signed in: a customer on the portal.</summary>
    public static Browserless Anonymous(GuichetServer server) => new(server.BaseAddress);

    public async Task<(HttpStatusCode Status, string Html, string? Location)> GetAsync(string url)
    {
        var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), response.Headers.Location?.ToString());
    }

    /// <summary>Loads the page holding the form, takes its antiforgery token, posts the fields.</summary>
    public async Task<(HttpStatusCode Status, string Html, string? Location)> PostFormAsync(string pageUrl, string action, Dictionary<string, string> fields)
    {
        var (_, page, _) = await GetAsync(pageUrl);
        var token = TokenField().Match(page);
        Assert.True(token.Success, $"no antiforgery token on {pageUrl}: {page[..Math.Min(page.Length, 300)]}");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        // As a browser posts it: from the page, which it names (Referer).
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Referrer = new Uri(_client.BaseAddress!, pageUrl);
        var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), response.Headers.Location?.ToString());
    }

    /// <summary>This browser's session cookie, as an attacker who copied it would hold it.</summary>
    public string? SessionCookie => _cookies.GetCookies(_client.BaseAddress!)["guichet"]?.Value;

    /// <summary>Any request with this browser's cookies, redirects not followed.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _client.SendAsync(request, TestContext.Current.CancellationToken);

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
