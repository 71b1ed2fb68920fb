using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Hosting;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Email;

/// <summary>
/// Issue 10: the real server process killed with SIGKILL in the middle of ingesting 10,000
/// emails, then started again while the senders send everything once more, as a mail relay
/// retries what it was not told was accepted. Afterwards every message is stored exactly once,
/// every case has exactly one acknowledgment queued once, and none is missing.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private const int Messages = 10_000;
    private const string Token = "crash-token";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "guichet-crash-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Killed_mid_intake_then_restarted_every_email_is_stored_once_and_acknowledged_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var mails = Enumerable.Range(0, Messages).Select(i => Encoding.UTF8.GetBytes(
            $"From: Client {i} <client{i}@example.fr>\r\nTo: support@guichet.test\r\nSubject: Commande {i}\r\nMessage-ID: <crash{i}@example.fr>\r\n\r\nOù est ma commande {i} ?\r\n")).ToArray();
        var port = ServerProcess.FreePort();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", Token);

        // First life: killed once 3,000 messages were confirmed.
        var accepted = new ConcurrentDictionary<int, string>();
        using (var first = Start(port))
        {
            await ServerProcess.WaitForHealthAsync(client, first, TimeSpan.FromSeconds(60));
            var killed = 0;
            await SendAllAsync(client, mails, accepted, afterEach: () =>
            {
                if (accepted.Count >= 3_000 && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    first.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush
                }
            }, ct);
            await first.WaitForExitAsync(ct);
        }
        Assert.InRange(accepted.Count, 3_000, Messages - 1);

        // Second life: the relay sends everything again.
        var second = new ConcurrentDictionary<int, string>();
        using (var restarted = Start(port))
        {
            try
            {
                await ServerProcess.WaitForHealthAsync(client, restarted, TimeSpan.FromSeconds(60));
                await SendAllAsync(client, mails, second, afterEach: () => { }, ct);
                Assert.Equal(Messages, second.Count);
                // What the first life confirmed is a duplicate now, never a second case.
                Assert.All(accepted.Keys, i => Assert.Equal("duplicate", second[i]));
            }
            finally
            {
                restarted.Kill(entireProcessTree: true);
                await restarted.WaitForExitAsync(ct);
            }
        }

        await using var db = new SqliteGuichetDb(new DbContextOptionsBuilder<SqliteGuichetDb>().UseSqlite(DatabaseSetup.SqliteConnectionString(_dir)).Options);
        var stored = await db.InboundEmails.GroupBy(e => e.MessageIdHeader).Select(g => g.Count()).ToListAsync(ct);
        Assert.Equal(Messages, stored.Count);
        Assert.All(stored, count => Assert.Equal(1, count));
        Assert.Equal(Messages, await db.Cases.CountAsync(ct));
        var acknowledgments = await db.Messages.Where(m => m.Kind == MessageKind.Acknowledgment).GroupBy(m => m.CaseId).Select(g => g.Count()).ToListAsync(ct);
        Assert.Equal(Messages, acknowledgments.Count);
        Assert.All(acknowledgments, count => Assert.Equal(1, count));
        var queued = await db.Outbox.Where(o => o.Message.Kind == MessageKind.Acknowledgment).GroupBy(o => o.MessageId).Select(g => g.Count()).ToListAsync(ct);
        Assert.Equal(Messages, queued.Count);
        Assert.All(queued, count => Assert.Equal(1, count));
    }

    /// <summary>64 senders at once, as a busy relay does; a message counts as accepted only when the server answered for it.</summary>
    private static async Task SendAllAsync(HttpClient client, byte[][] mails, ConcurrentDictionary<int, string> accepted, Action afterEach, CancellationToken ct)
    {
        var next = -1;
        var senders = Enumerable.Range(0, 64).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < mails.Length)
            {
                try
                {
                    using var content = new ByteArrayContent(mails[i]);
                    content.Headers.ContentType = new("message/rfc822");
                    using var response = await client.PostAsync("/api/inbound/email", content, ct);
                    if (response.IsSuccessStatusCode)
                    {
                        accepted[i] = (await ApiJson.ReadAsync(response)).Str("outcome");
                    }
                }
                catch (HttpRequestException)
                {
                    // The server died under this request: not confirmed, so not accepted.
                }
                catch (TaskCanceledException) when (!ct.IsCancellationRequested)
                {
                }
                afterEach();
            }
        });
        await Task.WhenAll(senders);
    }

    private Process Start(int port)
    {
        var process = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "guichet.dll"), "serve", "--no-demo", "--data", _dir, "--urls", $"http://127.0.0.1:{port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["GUICHET_ADMIN_TOKEN"] = Token },
        })!;
        // Read and dropped, so a full pipe never stalls the server.
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
