using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Guichet.Core.Cases;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Hosting;

/// <summary>
/// Issue 10: PostgreSQL restarted while customers write in. The server keeps running and recovers
/// by itself: answers during the restart are a clear 503 to retry, never a hang, and once
/// PostgreSQL is back everything is stored exactly once and the background work runs again.
/// </summary>
public sealed class PostgresRestartTests(OwnPostgresServer server) : IClassFixture<OwnPostgresServer>
{
    private const int Writers = 8;

    /// <summary>"fast" is a planned restart (sessions ended cleanly); "immediate" is a crash, with recovery from the WAL at start.</summary>
    [Theory]
    [InlineData("fast")]
    [InlineData("immediate")]
    public async Task PostgreSQL_restarted_under_load_the_server_recovers_by_itself_and_loses_nothing(string mode)
    {
        server.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", GuichetServer.AdminToken);
        var confirmed = new ConcurrentDictionary<int, bool>();
        var refused = new ConcurrentBag<(int Mail, HttpStatusCode Status, string? RetryAfter)>();
        var next = -1;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var mail = Interlocked.Increment(ref next);
                using var response = await PostMailAsync(client, mode, mail, CancellationToken.None);
                if (response.IsSuccessStatusCode)
                {
                    confirmed[mail] = true;
                }
                else
                {
                    refused.Add((mail, response.StatusCode, response.Headers.RetryAfter?.ToString()));
                }
            }
        }, ct)).ToList();

        await UntilAsync(() => confirmed.Count >= 100, "100 mails before the restart", ct);
        var restart = Stopwatch.StartNew();
        await server.RestartAsync(mode);
        restart.Stop();
        var confirmedAtRestart = confirmed.Count;
        var backAfter = Stopwatch.StartNew();
        await UntilAsync(() => confirmed.Count >= confirmedAtRestart + 100, "100 mails after the restart", ct);
        backAfter.Stop();
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        TestContext.Current.SendDiagnosticMessage($"restart took {restart.ElapsedMilliseconds} ms; 100 more mails {backAfter.ElapsedMilliseconds} ms after; {refused.Count} refused meanwhile");
        // What was refused was refused cleanly: "try again", with when.
        Assert.All(refused, r => Assert.Equal((HttpStatusCode.ServiceUnavailable, true), (r.Status, r.RetryAfter is not null)));

        // A sender retries what was refused, as a mail server does: all of it is taken now.
        foreach (var (mail, _, _) in refused)
        {
            using var again = await PostMailAsync(client, mode, mail, ct);
            Assert.True(again.IsSuccessStatusCode, $"mail {mail} still refused after the restart: {again.StatusCode}");
        }
        var sent = next + 1;
        var ours = $"<restart-{mode}-";
        var stored = await server.ReadDbAsync(db => db.Messages.Where(m => m.Direction == MessageDirection.In && m.InternetMessageId!.StartsWith(ours))
            .GroupBy(m => m.InternetMessageId).Select(g => g.Count()).ToListAsync(ct));
        Assert.Equal(sent, stored.Count);
        Assert.All(stored, n => Assert.Equal(1, n));
        var acknowledgments = await server.ReadDbAsync(db => db.Cases.Where(c => c.Messages.Any(m => m.InternetMessageId!.StartsWith(ours)))
            .Select(c => c.Messages.Count(m => m.Kind == MessageKind.Acknowledgment)).ToListAsync(ct));
        Assert.Equal(sent, acknowledgments.Count);
        Assert.All(acknowledgments, n => Assert.Equal(1, n));

        // The background work runs again on the same process: a week passes, every first answer is late, every customer is told.
        await server.AdvanceAsync(TimeSpan.FromDays(7));
        var told = await server.ReadDbAsync(db => db.Cases.CountAsync(c => c.Messages.Any(m => m.InternetMessageId!.StartsWith(ours))
            && c.Messages.Any(m => m.IsAutomatic && m.Kind != MessageKind.Acknowledgment), ct));
        Assert.Equal(sent, told);
        Assert.Equal("ok", (await server.Anonymous.GetJsonAsync("/health")).Body.Str("status"));
    }

    private static Task<HttpResponseMessage> PostMailAsync(HttpClient client, string run, int mail, CancellationToken ct)
    {
        var raw = $"From: Client {mail} <client{mail}.{run}@example.fr>\r\nTo: support@guichet.test\r\nSubject: Remboursement du vol {mail}\r\n" +
            $"Message-ID: <restart-{run}-{mail}@example.fr>\r\nDate: Fri, 27 Nov 2026 16:00:00 +0100\r\n\r\nBonjour, mon vol a été annulé, je demande le remboursement.\r\n";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(raw));
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        return client.PostAsync("/api/inbound/email", content, ct);
    }

    private static async Task UntilAsync(Func<bool> done, string what, CancellationToken ct)
    {
        var bound = Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(bound.Elapsed < TimeSpan.FromSeconds(90), $"no {what} within 90 s");
            await Task.Delay(50, ct);
        }
    }
}
