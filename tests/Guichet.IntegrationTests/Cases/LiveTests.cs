using System.Net;
using System.Threading.Channels;
using Guichet.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Guichet.IntegrationTests.Cases;

/// <summary>
/// Issue 24, W1 and W2 over the real transport: what changes a case reaches the pages of those who
/// see it, presence travels between the people on a case, and a reply written on an older state
/// is held (the workspace's form and the API's 409) until sent again knowing what changed.
/// </summary>
public abstract class LiveTests(GuichetServer server)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(2);

    private sealed class Page : IAsyncDisposable
    {
        public HubConnection Connection { get; }
        public Channel<string> Heard { get; } = Channel.CreateUnbounded<string>();
        public Channel<(long Case, string Who, string Name, string State)> Presence { get; } = Channel.CreateUnbounded<(long, string, string, string)>();

        public Page(GuichetServer server, Browserless agent)
        {
            Connection = new HubConnectionBuilder()
                .WithUrl(new Uri(server.BaseAddress, "/hubs/workspace"), o => o.Headers["Cookie"] = $"guichet={agent.SessionCookie}")
                .Build();
            Connection.On<long>("case", id => Heard.Writer.TryWrite($"case {id}"));
            Connection.On("inbox", () => Heard.Writer.TryWrite("inbox"));
            Connection.On("alert", () => Heard.Writer.TryWrite("alert"));
            Connection.On<PresenceWire>("presence", p => Presence.Writer.TryWrite((p.Case, p.Who, p.Name, p.State)));
        }

        public async Task<string> NextAsync(Func<string, bool> wanted)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(Soon);
            while (true)
            {
                var heard = await Heard.Reader.ReadAsync(timeout.Token);
                if (wanted(heard))
                {
                    return heard;
                }
            }
        }

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }

    private sealed record PresenceWire(long Case, string Who, string Name, string State);

    [Fact]
    public async Task A_customer_writing_again_reaches_the_open_case_page_and_the_inbox_within_two_seconds()
    {
        server.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("live.inbox@example.fr"));
        var id = long.Parse(c.Str("id"));
        using var claire = await Browserless.SignInAsync(server, "claire.live@guichet.test", "Claire Live");
        await using var casePage = new Page(server, claire);
        await using var inbox = new Page(server, claire);
        await casePage.Connection.StartAsync(ct);
        await inbox.Connection.StartAsync(ct);
        Assert.NotNull(await casePage.Connection.InvokeAsync<string?>("Watch", id, ct));

        var (written, _) = await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "in", body = "Toujours rien reçu, pouvez-vous me répondre ?" });
        Assert.Equal(HttpStatusCode.Created, written.StatusCode);

        Assert.Equal($"case {id}", await casePage.NextAsync(h => h.StartsWith("case", StringComparison.Ordinal)));
        Assert.Equal("inbox", await inbox.NextAsync(h => h == "inbox"));
    }

    [Fact]
    public async Task A_page_cannot_watch_a_case_its_reader_does_not_see_and_an_anonymous_page_cannot_connect()
    {
        server.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        await server.ReadDbAsync(async db =>
        {
            if (!db.Teams.Any(t => t.Slug == "live-elsewhere"))
            {
                db.Teams.Add(new Core.Teams.Team { Slug = "live-elsewhere", Name = "Ailleurs", TimeZone = "Europe/Paris", Hours = "mon-fri 09:00-17:00" });
                await db.SaveChangesAsync(ct);
            }
            return 0;
        });
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("live.hidden@example.fr"));
        using var outsider = await Browserless.SignInAsync(server, "outsider.live@guichet.test", "Olga Ailleurs", team: "live-elsewhere");
        await using var page = new Page(server, outsider);
        await page.Connection.StartAsync(ct);
        Assert.Null(await page.Connection.InvokeAsync<string?>("Watch", long.Parse(c.Str("id")), ct));

        await using var anonymous = new HubConnectionBuilder().WithUrl(new Uri(server.BaseAddress, "/hubs/workspace")).Build();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync(ct));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Two_agents_on_one_case_see_each_other_read_and_write()
    {
        server.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("live.presence@example.fr"));
        var id = long.Parse(c.Str("id"));
        using var claire = await Browserless.SignInAsync(server, "claire.presence@guichet.test", "Claire Présence");
        using var marc = await Browserless.SignInAsync(server, "marc.presence@guichet.test", "Marc Présence", role: Core.Agents.AgentRole.Lead);
        await using var hers = new Page(server, claire);
        await using var his = new Page(server, marc);
        await hers.Connection.StartAsync(ct);
        await his.Connection.StartAsync(ct);
        var herWord = await hers.Connection.InvokeAsync<string?>("Watch", id, ct);
        var hisWord = await his.Connection.InvokeAsync<string?>("Watch", id, ct);

        // Claire's page hears Marc arrive; Marc's hears Claire write.
        Assert.Equal(("Marc Présence", "reading"), await NextOfAsync(hers, hisWord!));
        await hers.Connection.InvokeAsync("Here", id, "writing", ct);
        Assert.Equal(("Claire Présence", "writing"), await NextOfAsync(his, herWord!, "writing"));
        await hers.Connection.StopAsync(ct);
        Assert.Equal(("Claire Présence", "left"), await NextOfAsync(his, herWord!, "left"));
    }

    [Fact]
    public async Task A_chat_visitor_typing_shows_on_the_agents_case_page()
    {
        server.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        await using var widget = new HubConnectionBuilder().WithUrl(new Uri(server.BaseAddress, "/hubs/chat")).Build();
        await widget.StartAsync(ct);
        var visitor = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        var sent = await widget.InvokeAsync<System.Text.Json.JsonElement>("Send", visitor, "Léa Tape", "fr", "Bonjour, ma commande est incomplète.", ct);
        var caseId = sent.GetProperty("caseId").GetInt64();
        using var claire = await Browserless.SignInAsync(server, "claire.typing@guichet.test", "Claire Lecture");
        await using var page = new Page(server, claire);
        await page.Connection.StartAsync(ct);
        await page.Connection.InvokeAsync<string?>("Watch", caseId, ct);

        await widget.InvokeAsync("Typing", visitor, ct);
        Assert.Equal(("Léa Tape", "typing"), await NextOfAsync(page, $"visitor-{caseId}", "typing"));
    }

    private static async Task<(string Name, string State)> NextOfAsync(Page page, string who, string? state = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Soon);
        while (true)
        {
            var p = await page.Presence.Reader.ReadAsync(timeout.Token);
            if (p.Who == who && (state is null || p.State == state))
            {
                return (p.Name, p.State);
            }
        }
    }

    [Fact]
    public async Task A_reply_written_before_a_colleague_answered_is_held_with_what_changed_then_leaves_on_confirmation()
    {
        server.SkipIfUnavailable();
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("live.held@example.fr"));
        var casePath = $"/cases/{c.Str("id")}";
        using var claire = await Browserless.SignInAsync(server, "claire.held@guichet.test", "Claire Retenue");
        using var marc = await Browserless.SignInAsync(server, "marc.held@guichet.test", "Marc Devance");
        var (_, opened, _) = await claire.GetAsync(casePath);
        var seen = System.Text.RegularExpressions.Regex.Match(opened, "name=\"Seen\" value=\"(m\\d+e\\d+)\"").Groups[1].Value;
        Assert.NotEmpty(seen);

        var (first, _, _) = await marc.PostFormAsync(casePath, casePath, new() { ["_handler"] = "reply", ["ReplyBody"] = "Bonjour Julien Rio, votre valise part ce soir." });
        Assert.Equal(HttpStatusCode.Redirect, first);

        var draft = "Bonjour Julien Rio, nous cherchons encore votre valise.";
        var (held, html, _) = await claire.PostFormAsync(casePath, casePath, new() { ["_handler"] = "reply", ["ReplyBody"] = draft, ["Seen"] = seen });
        Assert.Equal(HttpStatusCode.Conflict, held);
        Assert.Contains("id=\"held\"", html, StringComparison.Ordinal);
        Assert.Contains("Marc Devance a répondu", html, StringComparison.Ordinal);
        Assert.Contains("votre valise part ce soir", html, StringComparison.Ordinal);
        Assert.Contains(draft, System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(1, await server.ReadDbAsync(db => Task.FromResult(db.Messages.Count(m => m.CaseId == long.Parse(c.Str("id")) && m.Kind == Core.Cases.MessageKind.Reply))));

        // Sent again from the held page: it now answers what Claire has read.
        var now = System.Text.RegularExpressions.Regex.Match(html, "name=\"Seen\" value=\"(m\\d+e\\d+)\"").Groups[1].Value;
        Assert.NotEqual(seen, now);
        var (sent, _, _) = await claire.PostFormAsync(casePath, casePath, new() { ["_handler"] = "reply", ["ReplyBody"] = draft, ["Seen"] = now });
        Assert.Equal(HttpStatusCode.Redirect, sent);
    }

    [Fact]
    public async Task The_api_answers_409_naming_the_case_version_and_what_changed_when_a_reply_is_stale()
    {
        server.SkipIfUnavailable();
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("live.api@example.fr"));
        var id = c.Str("id");
        var (_, read) = await server.Api.GetJsonAsync($"/api/cases/{id}");
        var version = read.Str("version");
        Assert.Matches("^m\\d+e\\d+$", version);

        var (_, _) = await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "in", body = "J'ajoute : la valise est bleue." });
        var stale = await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body = "Bonjour Julien Rio, nous la cherchons.", caseVersion = version });
        stale.AssertProblemNames(409, "caseVersion");
        Assert.Contains("la valise est bleue", stale.Body.ToJsonString(), StringComparison.Ordinal);

        var bad = await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body = "Bonjour Julien Rio.", caseVersion = "yesterday" });
        bad.AssertProblemNames(400, "caseVersion");

        var (_, again) = await server.Api.GetJsonAsync($"/api/cases/{id}");
        var (sent, _) = await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body = "Bonjour Julien Rio, une valise bleue : c'est noté, nous la cherchons.", caseVersion = again.Str("version") });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
    }

    [Fact]
    public async Task The_menu_counts_customers_waiting_and_unread_alerts()
    {
        server.SkipIfUnavailable();
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("live.count@example.fr"));
        using var claire = await Browserless.SignInAsync(server, "claire.count@guichet.test", "Claire Compte");
        var response = await claire.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/ui/live/counts"));
        var counts = await ApiJson.ReadAsync(response);
        var waiting = int.Parse(counts.Str("waiting"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(waiting >= 1, $"waiting: {waiting}");
        var (_, inbox, _) = await claire.GetAsync("/?waiting=1");
        Assert.Contains(c.Str("reference"), inbox, StringComparison.Ordinal);
        Assert.Contains($"data-count=\"waiting\">{waiting}</span>", inbox, StringComparison.Ordinal);
    }
}

public sealed class LiveOnSqlite(SqliteServer server) : LiveTests(server), IClassFixture<SqliteServer>;
public sealed class LiveOnPostgres(PostgresServer server) : LiveTests(server), IClassFixture<PostgresServer>;
