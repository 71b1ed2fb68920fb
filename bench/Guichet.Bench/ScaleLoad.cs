using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Guichet.Core;
using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Guichet.Core.Promises;
using Guichet.Core.Surveys;
using Guichet.Core.Teams;
using Guichet.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Bench;

/// <summary>
/// Issue 29: the agent's reads and the dashboard at ten million cases. A company taking 3,333 cases
/// a day (100,000 a month, the dashboard's figure of issue 9): 100,000 cases are its last month,
/// 10,000,000 its last eight years. Cases are written straight through <see cref="ModelRows"/>, a
/// table at a time (no JSON, no matching), then the requests an agent and a lead make are timed
/// through the real server and its HTTP API.
/// </summary>
public static class ScaleLoad
{
    private const string Token = "bench-scale";
    private const double PerDay = 3_333;
    private const int Batch = 20_000;
    private static readonly string[] Words = ["colis", "commande", "livraison", "remboursement", "retard", "adresse", "paiement", "facture", "valise", "vol", "billet", "annulation"];

    public static async Task RunAsync(string folder, int cases, string? postgres, bool measureOnly)
    {
        var options = new ServeOptions
        {
            Urls = "http://127.0.0.1:0", DataDir = folder, Database = postgres, AdminToken = Token, Quiet = true, ApiRequestsPerMinute = 0,
        };
        var app = GuichetHost.Build(options);
        await GuichetHost.PrepareAsync(app, options, default);
        try
        {
            if (!measureOnly)
            {
                using var scope = app.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
                var have = await db.Cases.CountAsync();
                if (have < cases)
                {
                    var watch = Stopwatch.StartNew();
                    await GenerateAsync(db, folder, have, cases);
                    Console.WriteLine($"generated {cases - have:N0} cases in {watch.Elapsed.TotalSeconds:N0} s ({(cases - have) / watch.Elapsed.TotalSeconds:N0} cases/s)");
                }
            }
            using (var scope = app.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
                // The generated history carries its surveys: the server's survey rounds would otherwise
                // survey the month's resolved cases (tens of thousands of sends) during the measures.
                await db.Teams.ExecuteUpdateAsync(t => t.SetProperty(x => x.SurveysOn, false));
                // A server that has been running has its days rolled up (its worker does a month a tick):
                // every day the load marked, or the measures would run beside the worker catching up on years.
                var watch = Stopwatch.StartNew();
                var rolled = 0;
                for (int count; (count = (await Core.Metrics.FigureRollups.RefreshAsync(db, 400, default)).Count) > 0;)
                {
                    rolled += count;
                }
                Console.WriteLine($"rolled up {rolled} days in {watch.Elapsed.TotalSeconds:N1} s");
            }
            await app.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(5) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            await MeasureAsync(http, cases);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task GenerateAsync(GuichetDb db, string folder, int from, int to)
    {
        var now = DateTimeOffset.UtcNow;
        var teams = await db.Teams.OrderBy(t => t.Id).ToListAsync();
        while (teams.Count < 5)
        {
            db.Teams.Add(new Team { Slug = $"equipe-{teams.Count}", Name = $"Équipe {teams.Count}", TimeZone = "Europe/Paris", Hours = "mon-fri 09:00-18:00" });
            await db.SaveChangesAsync();
            teams = await db.Teams.OrderBy(t => t.Id).ToListAsync();
        }
        var agents = await db.Agents.Where(a => a.Role == AgentRole.Agent).OrderBy(a => a.Id).ToListAsync();
        for (var n = agents.Count; n < 40; n++)
        {
            db.Agents.Add(new Agent { Email = $"agent{n}@bench.example", Name = $"Agent {n}", TeamId = teams[n % teams.Count].Id });
        }
        await db.SaveChangesAsync();
        agents = await db.Agents.Where(a => a.Role == AgentRole.Agent).OrderBy(a => a.Id).ToListAsync();
        db.ChangeTracker.Clear();
        if (db.Database.IsSqlite())
        {
            // A benchmark's data, made once: a crash while generating means generating again.
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = OFF");
            // Room for the index builds' sorts at the end (two cores: one sorts while one reads).
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -1000000");
            await db.Database.ExecuteSqlRawAsync("PRAGMA threads = 2");
        }
        Directory.CreateDirectory(folder);
        var window = await LoadWindow.OpenAsync(db, folder);
        await using var rows = new ModelRows(db);
        // The next batch is made on the other core while this one is written.
        Task<(Dictionary<int, Customer> Customers, List<Made> Made)> MakeBatch(int i) => Task.Run(() =>
        {
            var last = Math.Min(to, i + Batch);
            // Two cases a customer: cases 2c and 2c + 1 are customer c's.
            var customers = Enumerable.Range(i, last - i).Where(k => k % 2 == 0 || k == i)
                .ToDictionary(k => k / 2, k => new Customer { Name = $"Client {k / 2}", CreatedAt = Created(k, to, now) });
            return (customers, Enumerable.Range(i, last - i).Select(k => Make(k, to, now, teams, agents)).ToList());
        });
        var next = MakeBatch(from);
        for (var i = from; i < to; i += Batch)
        {
            var last = Math.Min(to, i + Batch);
            var (customers, made) = await next;
            if (last < to)
            {
                next = MakeBatch(last);
            }
            await using var tx = await db.Database.BeginTransactionAsync();
            await rows.InsertManyAsync(customers.Values.ToList(), default);
            await rows.InsertManyAsync(customers.Select(c => new CustomerIdentity { CustomerId = c.Value.Id, Kind = IdentityKind.Email, Value = $"client{c.Key}@exemple.fr" }).ToList(), default);
            var columns = made.ToDictionary<Made, Case, (string, object?)[]>(m => m.Case, m => [.. m.Columns, ("CustomerId", customers[m.Number / 2].Id)], ReferenceEqualityComparer.Instance);
            await rows.InsertManyAsync(made.ConvertAll(m => m.Case), default,
                keyed: c => c.Reference = Case.FormatReference(c.Id, c.CreatedAt), set: c => columns[c]);
            foreach (var m in made)
            {
                m.Messages.ForEach(x => x.CaseId = m.Case.Id);
            }
            await rows.InsertManyAsync(made.SelectMany(m => m.Messages).ToList(), default);
            await rows.InsertManyAsync(made.SelectMany(m => m.Case.Events.Select(e => e.On(m.Case.Id))).ToList(), default);
            var promises = made.SelectMany(m => m.Case.Promises).ToList();
            await rows.InsertManyAsync(promises, default);
            var promiseOf = promises.SelectMany(p => p.Renegotiations.Select(r => (r, p.Id))).ToDictionary<(PromiseRenegotiation r, long Id), PromiseRenegotiation, long>(x => x.r, x => x.Id, ReferenceEqualityComparer.Instance);
            await rows.InsertManyAsync(promiseOf.Keys.ToList(), default, set: r => [("PromiseId", promiseOf[r])]);
            var surveys = made.Where(m => m.Survey is not null).Select(m => (Row: Survey.Schedule(m.Case.Id, m.Case.ResolvedAt!.Value.AddDays(1), m.Case.ResolvedAt!.Value), Made: m)).ToList();
            var surveyColumns = surveys.ToDictionary<(Survey Row, Made Made), Survey, (string, object?)[]>(s => s.Row, s => SurveyColumns(s.Made), ReferenceEqualityComparer.Instance);
            await rows.InsertManyAsync(surveys.ConvertAll(s => s.Row), default, set: s => surveyColumns[s]);
            await tx.CommitAsync();
            if ((last / Batch) % 25 == 0 || last == to)
            {
                Console.WriteLine($"  {last:N0} cases");
            }
        }
        await window.CloseAsync();
    }

    private sealed record Made(int Number, Case Case, List<Message> Messages, (string Property, object? Value)[] Columns, (int Csat, int Effort, bool Answered)? Survey);

    private static (string, object?)[] SurveyColumns(Made m)
    {
        var (csat, effort, answered) = m.Survey!.Value;
        var at = m.Case.ResolvedAt!.Value.AddDays(1);
        return
        [
            // Sent: no longer due (SurveyRounds sends what has a SendAt), as Survey.MarkSent leaves it.
            ("State", answered ? SurveyState.Answered : SurveyState.Sent), ("SentAt", at), ("SendAt", null), ("Channel", Channel.Email),
            ("AnsweredAt", answered ? at.AddHours(3) : null), ("Csat", answered ? csat : null), ("Effort", answered ? effort : null),
        ];
    }

    // In double: (n − 1 − k) × 86,400 overflows an int past 24,855 cases.
    private static DateTimeOffset Created(int k, int n, DateTimeOffset now) => now.AddSeconds(-(n - 1.0 - k) * 86_400 / PerDay);

    /// <summary>
    /// Case k of n, made as the company's day made it: the newest now, one every 26 s before. Its
    /// shape comes from hashes of k, so every run makes the same cases. Older than 30 days: settled
    /// but for one in a thousand forgotten; the last month as a working inbox.
    /// </summary>
    private static Made Make(int k, int n, DateTimeOffset now, List<Team> teams, List<Agent> agents)
    {
        ulong h = (ulong)k * 0x9E3779B97F4A7C15UL;
        int Pick(int bits, int range) => (int)((h >> bits) % (ulong)range);
        var created = Created(k, n, now);
        var age = now - created;
        var team = teams[Pick(3, teams.Count)];
        var channel = Pick(9, 10) switch { < 6 => Channel.Email, < 8 => Channel.Portal, 8 => Channel.Chat, _ => Channel.Phone };
        var roll = Pick(17, 100);
        var status = age > TimeSpan.FromDays(30)
            ? (Pick(24, 1000) == 0 ? CaseStatus.Open : CaseStatus.Closed)
            : age < TimeSpan.FromDays(1) ? (roll < 50 ? CaseStatus.New : CaseStatus.Open)
            : roll < 55 ? CaseStatus.Closed : roll < 70 ? CaseStatus.Resolved : roll < 90 ? CaseStatus.Open : CaseStatus.WaitingOnCustomer;
        // Agents work in their team: agent n is in team n % 5.
        var teamIndex = teams.IndexOf(team);
        var ofTeam = agents.Where((_, n) => n % teams.Count == teamIndex).ToList();
        var owner = status == CaseStatus.New || ofTeam.Count == 0 ? null : ofTeam[Pick(31, ofTeam.Count)];
        var answeredAt = status == CaseStatus.New ? (DateTimeOffset?)null : created.AddMinutes(5 + Pick(37, Math.Max(6, Math.Min(2_880, (int)age.TotalMinutes - 5))));
        var resolvedAt = status is CaseStatus.Closed or CaseStatus.Resolved ? answeredAt!.Value.AddMinutes(Pick(43, 4_320)) : (DateTimeOffset?)null;
        if (resolvedAt > now)
        {
            resolvedAt = now;
        }
        var subject = $"{Words[Pick(47, Words.Length)]} {Words[Pick(51, Words.Length)]} n°{k}";
        // The customer is given when the batch is written (its key is reserved then): see GenerateAsync.
        var @case = Case.Imported(team, 0, subject, channel, status, (CasePriority)Pick(55, 4), owner?.Id, created, resolvedAt ?? answeredAt ?? created, resolvedAt, now);
        var messages = new List<Message> { Message.Contact(channel, $"Bonjour, {subject}. Merci de me répondre.", $"Client {k / 2}", null, created) };
        var contacts = Pick(59, 8) == 0 && answeredAt is not null ? 2 : 1;
        if (contacts == 2)
        {
            messages.Add(Message.Contact(Pick(61, 2) == 0 ? Channel.Phone : channel, "Je relance ma demande.", $"Client {k / 2}", null, created.AddMinutes(1)));
        }
        if (answeredAt is { } answered)
        {
            messages.Add(new Message { Direction = MessageDirection.Out, Kind = MessageKind.Reply, Channel = channel, Body = $"Bonjour, nous avons traité votre demande « {subject} ».", AuthorName = owner!.Name, CreatedAt = answered });
        }
        // The first-response promise: kept by the answer, broken when the answer came late, open while none came.
        var due = created.AddHours(24);
        var promise = Promise.Make(@case, PromiseKind.FirstResponse, OpenCase.FirstResponseWhat, due, null, toConfirm: false, created);
        if (answeredAt is { } at)
        {
            if (at <= due)
            {
                promise.Keep(owner, at);
            }
            else
            {
                promise.Renegotiate(at.AddHours(1), owner, null, due.AddHours(-1));
                promise.Keep(owner, at);
            }
        }
        var survey = resolvedAt is not null && Pick(3, 5) == 0 ? (1 + Pick(13, 5), 1 + Pick(19, 7), Pick(29, 2) == 0) : ((int, int, bool)?)null;
        (string, object?)[] columns =
        [
            ("ContactCount", contacts), ("FirstAnsweredAt", answeredAt), ("Transfers", Pick(33, 8) == 0 ? 1 : 0), ("ReExplanations", Pick(39, 10) == 0 ? 1 : 0),
            ("CustomerWaitingSince", status is CaseStatus.New ? created : null), ("NextDueAt", promise.IsActive ? promise.DueAt : null),
        ];
        return new Made(k, @case, messages, columns, survey);
    }

    private static async Task MeasureAsync(HttpClient http, int cases)
    {
        var random = new Random(29);
        var views = new List<long>();
        object[] wanted =
        [
            new { name = "Actifs", status = "active" }, new { name = "Nouveaux", status = "new" }, new { name = "Sans responsable", status = "active", owner = "nobody" },
            new { name = "Urgents", status = "active", priority = "urgent" }, new { name = "Équipe 1", status = "active", team = "equipe-1" },
            new { name = "Dus sous 24 h", status = "active", dueWithinHours = 24 }, new { name = "Résolus", status = "resolved" }, new { name = "Tout", status = "all" },
        ];
        var existing = (await http.GetFromJsonAsync<JsonArray>("/api/views"))!;
        foreach (var view in wanted)
        {
            var body = (JsonObject)System.Text.Json.JsonSerializer.SerializeToNode(view)!;
            if (existing.FirstOrDefault(v => v!["name"]!.GetValue<string>() == body["name"]!.GetValue<string>()) is { } found)
            {
                views.Add(found["id"]!.GetValue<long>());
                continue;
            }
            body["share"] = "me";
            var made = await http.PostAsJsonAsync("/api/views", body);
            made.EnsureSuccessStatusCode();
            views.Add((await made.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>());
        }
        var maxId = (await http.GetFromJsonAsync<JsonObject>("/api/cases?status=all&sort=newest&pageSize=1"))!["items"]![0]!["id"]!.GetValue<long>();

        // Warm: the first request after a start pays the model and a cold page cache.
        foreach (var url in (string[])["/api/cases?pageSize=50", "/api/promises?state=open&pageSize=50", "/api/metrics/promises", $"/api/cases/{maxId}"])
        {
            (await http.GetAsync(url)).EnsureSuccessStatusCode();
        }
        var watch = Stopwatch.StartNew();
        (await http.GetAsync("/api/metrics")).EnsureSuccessStatusCode();
        Console.WriteLine($"first dashboard figures (cold): {watch.Elapsed.TotalMilliseconds:N0} ms");
        // A view's first read after a start compiles its query and, never counted, starts its count
        // behind: reported apart, as the dashboard's cold figures are, then the views are warm.
        await TimeAsync(http, "a view's first read after a start (cold)", views.Count, r => $"/api/views/{views[r]}/cases?pageSize=50");

        await TimeAsync(http, "inbox first page (GET /api/cases?pageSize=50)", 100, _ => "/api/cases?pageSize=50");
        await TimeAsync(http, "a view's first page with its count (GET /api/views/{id}/cases), nothing changed", 10 * views.Count, r => $"/api/views/{views[r % views.Count]}/cases?pageSize=50");
        await TimeAsync(http, "a view's first page with its count, just after a case changed", 5 * views.Count, r => $"/api/views/{views[r % views.Count]}/cases?pageSize=50",
            r => TouchAsync(http, maxId - r));
        await TimeAsync(http, "a case (GET /api/cases/{id})", 200, _ => $"/api/cases/{maxId - random.NextInt64(Math.Min(maxId, cases))}");
        await TimeAsync(http, "open promises (GET /api/promises?state=open&pageSize=50)", 100, _ => "/api/promises?state=open&pageSize=50");
        await TimeAsync(http, "promise counters (GET /api/metrics/promises)", 50, _ => "/api/metrics/promises");
        await TimeAsync(http, "promise counters, just after a case changed", 20, _ => "/api/metrics/promises", r => TouchAsync(http, maxId - 100 - r));
        await TimeAsync(http, "dashboard figures, 30 days (GET /api/metrics)", 10, _ => "/api/metrics");
        await TimeAsync(http, "dashboard figures, 30 days, just after a case changed", 5, _ => "/api/metrics", r => TouchAsync(http, maxId - 200 - r));
        var year = DateTimeOffset.UtcNow.AddDays(-365).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await TimeAsync(http, "dashboard figures, a year by month (GET /api/metrics?from=…&by=month)", 5, _ => $"/api/metrics?from={year}&by=month");
    }

    private static async Task TouchAsync(HttpClient http, long caseId)
    {
        var tagged = await http.PostAsJsonAsync("/api/cases/bulk", new { cases = new[] { caseId }, action = "tag", tags = new[] { $"touche-{DateTime.UtcNow:HHmmssfff}" } });
        tagged.EnsureSuccessStatusCode();
    }

    private static async Task TimeAsync(HttpClient http, string what, int count, Func<int, string> url, Func<int, Task>? before = null)
    {
        var ms = new List<double>();
        for (var r = 0; r < count; r++)
        {
            if (before is not null)
            {
                await before(r);
            }
            var watch = Stopwatch.StartNew();
            var response = await http.GetAsync(url(r));
            ms.Add(watch.Elapsed.TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }
        Timings.Report(what, ms);
    }
}
