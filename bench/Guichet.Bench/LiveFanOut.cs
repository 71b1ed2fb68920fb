using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Guichet.Bench;

/// <summary>
/// Issue 24 (W1): many workspace pages connected to one running node over the real transport
/// (WebSockets through /hubs/workspace), each watching one case; a customer's message is posted
/// and the time until each page hears "case" is recorded. Also the server's resident memory per
/// connected page (VmRSS of its process before and after the connections, in /proc).
/// </summary>
public static class LiveFanOut
{
    public static async Task RunAsync(string baseUrl, string token, int serverPid, int pages, int rounds)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var created = await http.PostAsJsonAsync("/api/cases", new
        {
            customer = new { name = "Client Diffusion", email = "fanout@example.fr", language = "fr" },
            channel = "email", subject = "Diffusion", body = "Bonjour, une question.",
        });
        created.EnsureSuccessStatusCode();
        var caseId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();

        var before = Rss(serverPid);
        var heard = new Stopwatch[rounds];
        var deliveries = new List<double>[rounds];
        for (var r = 0; r < rounds; r++)
        {
            deliveries[r] = [];
        }
        var round = -1;
        var connections = new List<HubConnection>();
        // A change may take several saves (the message, then what it set off): a page counts its first word of each.
        var lastHeard = new int[pages];
        Array.Fill(lastHeard, -1);
        for (var i = 0; i < pages; i++)
        {
            var page = i;
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(new Uri(baseUrl), "/hubs/workspace"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
                .Build();
            connection.On<long>("case", _ =>
            {
                var r = Volatile.Read(ref round);
                if (r >= 0 && Interlocked.Exchange(ref lastHeard[page], r) != r)
                {
                    var ms = heard[r].Elapsed.TotalMilliseconds;
                    lock (deliveries[r])
                    {
                        deliveries[r].Add(ms);
                    }
                }
            });
            await connection.StartAsync();
            await connection.InvokeAsync<string?>("Watch", caseId);
            connections.Add(connection);
        }
        await Task.Delay(2000);
        var after = Rss(serverPid);

        var posted = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            heard[r] = Stopwatch.StartNew();
            Volatile.Write(ref round, r);
            var post = Stopwatch.StartNew();
            using var response = await http.PostAsJsonAsync($"/api/cases/{caseId}/messages", new { direction = "in", body = $"Message {r} du client." });
            response.EnsureSuccessStatusCode();
            posted.Add(post.Elapsed.TotalMilliseconds);
            var deadline = Stopwatch.StartNew();
            while (deliveries[r].Count < pages && deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(10);
            }
            await Task.Delay(200);
        }
        var all = deliveries.SelectMany(d => d).Order().ToArray();
        var missed = (long)pages * rounds - all.Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{pages} pages, {rounds} changes: delivery from the change's request p50 {Pct(all, 0.50):F0} ms, p95 {Pct(all, 0.95):F0} ms, max {all.LastOrDefault():F0} ms; {missed} missed; the POST itself p50 {Pct([.. posted.Order()], 0.5):F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"server RSS {before / 1024.0:F0} MiB before, {after / 1024.0:F0} MiB with {pages} pages: {(after - before) / (double)pages:F0} KiB per connected page"));
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }

    private static double Pct(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>The server's resident set in KiB, from /proc (Linux).</summary>
    private static long Rss(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
