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
    /// <param name="probe">An agent at work during the load (issue 29): an internal note and a case read every 50 ms, over twenty cases, timed.</param>
    public static async Task RunAsync(string baseUrl, string token, string mbox, int senders, bool probe = false)
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
        using var agent = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
        agent.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var probeCases = probe ? await OpenProbeCasesAsync(agent) : [];
        using var loadDone = new CancellationTokenSource();
        var probing = probe ? ProbeAsync(agent, probeCases, loadDone.Token) : Task.FromResult((new List<double>(), new List<double>()));
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
        await loadDone.CancelAsync();
        var (notes, reads) = await probing;
        Console.WriteLine($"{messages.Count:N0} messages, {senders} concurrent senders: {watch.Elapsed.TotalSeconds:F1} s, {messages.Count / watch.Elapsed.TotalSeconds:N0} messages/s, {failures} not accepted");
        if (probe)
        {
            Timings.Report("  an agent's internal note during the load (POST /api/cases/{id}/notes)", notes);
            Timings.Report("  an agent reading a case during the load (GET /api/cases/{id})", reads);
        }
    }

    // An agent's cases: twenty, each with a few notes by the end, as a day's work looks (one case
    // taking every note grew to 400 notes in a storm, and its reads and notes grew with it).
    private static async Task<List<long>> OpenProbeCasesAsync(HttpClient agent)
    {
        var ids = new List<long>();
        for (var n = 0; n < 20; n++)
        {
            var opened = await agent.PostAsync("/api/cases", new StringContent($$"""
                {"customer":{"name":"Sonde Agent {{n}}","email":"sonde.agent.{{n}}@example.fr"},"channel":"email","subject":"Sonde {{n}}","body":"Bonjour, ceci est la sonde de l'agent."}
                """, System.Text.Encoding.UTF8, "application/json"));
            opened.EnsureSuccessStatusCode();
            using var json = System.Text.Json.JsonDocument.Parse(await opened.Content.ReadAsStringAsync());
            ids.Add(json.RootElement.GetProperty("id").GetInt64());
        }
        return ids;
    }

    private static async Task<(List<double> Notes, List<double> Reads)> ProbeAsync(HttpClient agent, List<long> cases, CancellationToken done)
    {
        var (notes, reads) = (new List<double>(), new List<double>());
        for (var n = 0; !done.IsCancellationRequested; n++)
        {
            var caseId = cases[n % cases.Count];
            var watch = Stopwatch.StartNew();
            using (var note = await agent.PostAsync($"/api/cases/{caseId}/notes", new StringContent($$"""{"text":"Note de la sonde {{n}}"}""", System.Text.Encoding.UTF8, "application/json"), CancellationToken.None))
            {
                note.EnsureSuccessStatusCode();
            }
            notes.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            using (var read = await agent.GetAsync($"/api/cases/{caseId}", CancellationToken.None))
            {
                read.EnsureSuccessStatusCode();
            }
            reads.Add(watch.Elapsed.TotalMilliseconds);
            await Task.Delay(50, CancellationToken.None);
        }
        return (notes, reads);
    }
}
