using System.Net;
using System.Text;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Guichet.BrowserTests;

/// <summary>
/// Issue 10's injection corpus: hostile content sent through email, the portal, chat and social
/// media, then read in Chromium where an agent and a customer read it. window.alert, confirm and
/// prompt are hooked before any page script runs; nothing may fire, and the console must stay
/// clean (a Content-Security-Policy refusal there would mean escaping failed and only the CSP
/// saved us). Each page must also show the payload as text, so the test cannot pass by losing it.
/// </summary>
public sealed class InjectionCorpusInChromiumTests(ChromiumFixture chromium, SqliteServer server) : IClassFixture<ChromiumFixture>, IClassFixture<SqliteServer>
{
    private static readonly string[] Corpus =
    [
        "<script>alert('script')</script>",
        "<img src=x onerror=alert('img')>",
        "<a href=\"javascript:alert('href')\">clic</a>",
        "<div style=\"background:url(javascript:alert('css'))\">css</div>",
        "<div style=\"width: expression(alert('expression'))\">ie</div>",
        "<svg onload=alert('svg')></svg>",
        "<svg><script>alert('svg-script')</script></svg>",
        "\"><script>alert('attribute')</script>",
        "<iframe src=\"javascript:alert('iframe')\"></iframe>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')>",
        "</textarea><script>alert('textarea')</script>",
        "<body onload=alert('body')>",
        "<details open ontoggle=alert('details')>",
        "<input autofocus onfocus=alert('focus')>",
        "<b <script>alert('malformed')//",
        "{{constructor.constructor('alert(\"template\")')()}}",
    ];

    private static readonly string Payload = string.Join("\n", Corpus);

    private const string HookScript = """
        window.__fired = [];
        for (const name of ['alert', 'confirm', 'prompt']) {
          window[name] = (message) => { window.__fired.push(name + ':' + message); return null; };
        }
        """;

    [Fact]
    public async Task No_payload_runs_on_the_agents_case_pages_the_inbox_the_portal_or_the_chat_widget()
    {
        Assert.SkipWhen(chromium.SkipReason is not null, chromium.SkipReason ?? "");
        var ct = TestContext.Current.CancellationToken;
        var cases = new List<long>();

        // Email: header injection in the name and subject (encoded words with line breaks), the corpus in HTML and in text.
        string Encoded(string text) => "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) + "?=";
        var mail = $"""
            From: {Encoded("Evil\r\nBcc: victim@example.fr <script>alert('from')</script>")} <evil.sender@example.fr>
            To: support@guichet.test
            Subject: {Encoded("<img src=x onerror=alert('subject')>\r\nX-Injected: yes")}
            Message-ID: <injection-1@example.fr>
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="b"

            --b
            Content-Type: text/plain; charset=utf-8

            marqueur-email {Payload}
            --b
            Content-Type: text/html; charset=utf-8

            <html><body><p>marqueur-email</p>{Payload}<form action="https://evil.example"><button>ok</button></form></body></html>
            --b--
            """.ReplaceLineEndings("\r\n");
        using (var content = new StringContent(mail, Encoding.UTF8, "message/rfc822"))
        {
            var receipt = await ApiJson.ReadAsync(await server.Api.PostAsync("/api/inbound/email", content, ct));
            cases.Add(long.Parse(receipt.Str("caseId")));
        }

        // Portal: the corpus in the name, the subject and the text.
        using var visitor = Browserless.Anonymous(server);
        var (status, _, location) = await visitor.PostFormAsync("/contact", "/contact", new()
        {
            ["_handler"] = "portal-contact", ["Form.Name"] = "<svg onload=alert('name')>", ["Form.Email"] = "portal.injection@example.fr", ["Form.Language"] = "fr",
            ["Form.Subject"] = "marqueur-portail <script>alert('portal-subject')</script>", ["Form.Body"] = "marqueur-portail " + Payload,
        });
        Assert.Equal(HttpStatusCode.Redirect, status);
        var portalLink = new Uri(server.BaseAddress, location!).PathAndQuery;
        cases.Add(await server.ReadDbAsync(db => db.Cases.Where(c => c.Subject.StartsWith("marqueur-portail")).Select(c => c.Id).SingleAsync()));

        // Social: the corpus in the author's name and the comment.
        var (posted, socialBody) = await SocialWebhook.PostAsync(server, new
        {
            eventId = "injection-1", kind = "message", postId = "post-1", author = new { handle = "evil_handle", name = "<script>alert('social-name')</script>" },
            text = "marqueur-social " + Payload, url = "https://facebook.example/post-1/injection-1", time = GuichetServer.Start,
        });
        Assert.True(posted is HttpStatusCode.Created or HttpStatusCode.OK, $"social: {posted} {socialBody.ToJsonString()}");
        // A private message is always someone's case, whatever its words.
        Assert.True(long.TryParse(socialBody.Str("caseId"), out var socialCase), socialBody.ToJsonString());
        cases.Add(socialCase);

        await using var context = await chromium.Browser!.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), Locale = "fr-FR" });
        await context.AddInitScriptAsync(HookScript);
        var problems = new List<string>();
        var page = await context.NewPageAsync();
        Watch(page, problems);

        // Chat: the visitor types the corpus into the widget, and reads it back there.
        await page.GotoAsync("/chat/demo");
        await page.ClickAsync("#guichet-chat-open");
        await Assertions.Expect(page.Locator("#guichet-chat")).ToHaveAttributeAsync("data-ready", "true");
        await page.FillAsync("#guichet-chat-text", "marqueur-chat " + Payload);
        await page.ClickAsync("#guichet-chat-send");
        await Assertions.Expect(page.Locator("#guichet-chat-log")).ToContainTextAsync("alert('script')");
        await AssertNothingFiredAsync(page, "chat widget", problems);
        cases.Add(await server.ReadDbAsync(db => db.Cases.Where(c => c.Channel == Guichet.Core.Channel.Chat).OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync()));

        // The customer's portal page.
        await page.GotoAsync(portalLink);
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("alert('portal-subject')");
        await AssertNothingFiredAsync(page, "portal case page", problems);

        // The agent: inbox, then each case page.
        var (added, _) = await server.Api.PostJsonAsync("/api/agents", new { email = "injection.agent@guichet.test", name = "Agent Injection", role = "admin", password = Browserless.Password });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        await page.GotoAsync("/login");
        await page.FillAsync("#email", "injection.agent@guichet.test");
        await page.FillAsync("#password", Browserless.Password);
        await page.ClickAsync("button[type=submit]");
        await page.GotoAsync("/?status=all");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("marqueur-portail");
        await AssertNothingFiredAsync(page, "inbox", problems);
        foreach (var id in cases)
        {
            await page.GotoAsync($"/cases/{id}");
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync("marqueur-");
            // Hover and focus everything once: handlers that only fire on interaction get their chance.
            foreach (var element in await page.Locator("main *").AllAsync())
            {
                if (await element.IsVisibleAsync())
                {
                    await element.HoverAsync(new() { Timeout = 1000, Force = true });
                }
            }
            await AssertNothingFiredAsync(page, $"case {id}", problems);
        }
        Assert.Empty(problems);
    }

    private static void Watch(IPage page, List<string> problems)
    {
        page.Console += (_, message) => { if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) { problems.Add($"{page.Url}: {message.Text}"); } };
        page.PageError += (_, error) => problems.Add($"{page.Url}: {error}");
        page.Dialog += (_, dialog) => { problems.Add($"{page.Url}: dialog {dialog.Message}"); _ = dialog.DismissAsync(); };
    }

    private static async Task AssertNothingFiredAsync(IPage page, string where, List<string> problems)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var fired = await page.EvaluateAsync<string[]>("() => window.__fired");
        Assert.True(fired.Length == 0, $"{where}: {string.Join(", ", fired)}");
        Assert.True(problems.Count == 0, $"{where}: {string.Join("\n", problems)}");
    }
}
