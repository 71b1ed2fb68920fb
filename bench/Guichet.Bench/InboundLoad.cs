using System.Diagnostics;
using System.Net.Http.Headers;
using Guichet.Core.Email;

namespace Guichet.Bench;

/// <summary>
/// POSTs every message of an mbox to a running server's /api/inbound/email from many concurrent
/// senders, as MTAs piping mail would, and reports messages per second and the outcomes.
/// </summary>
public static class InboundLoad
{
    public static async Task RunAsync(string baseUrl, string token, string mbox, int senders)
    {
        var messages = new List<byte[]>();
        await foreach (var (raw, _) in MailSources.ReadAsync(mbox, CancellationToken.None))
        {
            messages.Add(raw);
        }
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = senders }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var next = -1;
        var failures = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, senders).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < messages.Count)
            {
                using var content = new ByteArrayContent(messages[i]);
                content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
                using var response = await http.PostAsync("/api/inbound/email", content);
                if (response.StatusCode != System.Net.HttpStatusCode.Accepted)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        watch.Stop();
        Console.WriteLine($"{messages.Count:N0} messages, {senders} concurrent senders: {watch.Elapsed.TotalSeconds:F1} s, {messages.Count / watch.Elapsed.TotalSeconds:N0} messages/s, {failures} not accepted");
    }
}
