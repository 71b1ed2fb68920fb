using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Guichet.Core;
using Guichet.Core.Cases;
using Guichet.Core.Cases.Tags;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Guichet.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Bench;

/// <summary>
/// Issue 25: the agent's finding tools at a million cases, through the real server and its HTTP
/// API, on SQLite or PostgreSQL: the search box, a view's first page with its count, the ten
/// views' counts of the sidebar, and tagging 10,000 cases in bulk. The cases are generated once
/// into the folder (or database) and reused by later runs.
/// </summary>
public static class FindLoad
{
    private const string Token = "bench-find";
    private static readonly string[] Words =
    [
        "colis", "commande", "livraison", "remboursement", "retard", "adresse", "paiement", "facture", "compte", "valise",
        "bagage", "vol", "billet", "annulation", "échange", "garantie", "réparation", "modem", "abonnement", "panne",
    ];
    private static readonly string[] Names = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David"];
    private static readonly string[] Given = ["Julie", "Marc", "Léa", "Hugo", "Emma", "Louis", "Chloé", "Lucas", "Inès", "Jules", "Manon", "Paul"];

    public static async Task RunAsync(string folder, int cases, string? postgres)
    {
        var options = new ServeOptions
        {
            Urls = "http://127.0.0.1:0", DataDir = folder, Database = postgres, AdminToken = Token, Quiet = true, ApiRequestsPerMinute = 0,
        };
        var app = GuichetHost.Build(options);
        await GuichetHost.PrepareAsync(app, options, default);
        await app.StartAsync();
        try
        {
            var load = Stopwatch.StartNew();
            using (var scope = app.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
                var have = await db.Cases.CountAsync();
                if (have < cases)
                {
                    await GenerateAsync(db, have, cases);
                    Console.WriteLine($"generated {cases - have:N0} cases in {load.Elapsed.TotalSeconds:N0} s");
                }
                var shape = Stopwatch.StartNew();
                await ShapeAsync(db);
                Console.WriteLine($"statuses, promises, priorities and owners spread in {shape.Elapsed.TotalSeconds:N0} s");
            }
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(5) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            await MeasureAsync(http, cases, app.Services.GetRequiredService<Features.Cases.CaseCounts>());
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task GenerateAsync(GuichetDb db, int from, int to)
    {
        var random = new Random(25 + from);
        var start = new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.Zero);
        var teams = await db.Teams.ToListAsync();
        while (teams.Count < 5)
        {
            var n = teams.Count;
            db.Teams.Add(new Core.Teams.Team { Slug = $"equipe-{n}", Name = $"Équipe {n}", TimeZone = "Europe/Paris", Hours = "mon-fri 09:00-18:00" });
            await db.SaveChangesAsync();
            teams = await db.Teams.ToListAsync();
        }
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        const int Batch = 2_000;
        for (var i = from; i < to; i += Batch)
        {
            var customers = new Dictionary<int, Customer>();
            // The teams exist: known to this batch as such, not as new rows.
            db.Teams.AttachRange(teams);
            for (var k = i; k < Math.Min(to, i + Batch); k++)
            {
                // Two cases a customer on average: the second of a pair goes to the first's customer.
                var who = k / 2;
                if (!customers.TryGetValue(who, out var customer))
                {
                    customer = new Customer { Name = $"{Given[who % Given.Length]} {Names[(who / 7) % Names.Length]} {who}", CreatedAt = start.AddMinutes(k) };
                    customer.Identities.Add(new CustomerIdentity { Kind = IdentityKind.Email, Value = $"client{who}@exemple.fr" });
                    if (who % 3 == 0)
                    {
                        customer.Identities.Add(new CustomerIdentity { Kind = IdentityKind.Phone, Value = $"+336{who:D8}" });
                    }
                    customers[who] = customer;
                    db.Customers.Add(customer);
                }
                var subject = $"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]} n°{k}";
                var @case = Case.Open(teams[k % teams.Count], customer, subject, Channel.Email, start.AddMinutes(k));
                @case.Messages.Add(Message.Contact(Channel.Email, $"Bonjour, {subject} : {string.Join(' ', Enumerable.Range(0, 12).Select(_ => Words[random.Next(Words.Length)]))}.", customer.Name, null, start.AddMinutes(k)));
                // Tags: a common one on a tenth, a rare one, and "lot-10k" on exactly 10,000 cases for the bulk measure.
                if (k % 10 == 0)
                {
                    @case.Tags.Add(new CaseTag { Name = "vip" });
                }
                if (k % 100 == 7)
                {
                    @case.Tags.Add(new CaseTag { Name = $"rare-{k % 1000}" });
                }
                if (k % (to / 10_000) == 3 && k / (to / 10_000) < 10_000)
                {
                    @case.Tags.Add(new CaseTag { Name = "lot-10k" });
                }
                db.Cases.Add(@case);
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            if (i % 100_000 == 0)
            {
                Console.WriteLine($"  {i:N0} cases");
            }
        }
        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }

    /// <summary>
    /// Statuses, promises, priorities and owners spread over the cases by hashes of their id, each
    /// independent of the others and of the tags (a modulo would tie them: no VIP case active).
    /// Seven in ten settled; each active one with a promise due between two days ago and twelve days
    /// ahead; a tenth of all cases the admin's. The same every run.
    /// </summary>
    private static async Task ShapeAsync(GuichetDb db)
    {
        // Each statement rewrites a million rows (and, on PostgreSQL, their stored columns and indexes).
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        const string Status = "\"Id\" * 2654435761 % 1000003 % 10";
        await db.Database.ExecuteSqlRawAsync($"""UPDATE "Cases" SET "Status" = CASE WHEN {Status} < 7 THEN 'Closed' WHEN {Status} < 9 THEN 'Open' ELSE 'New' END""");
        var now = DateTimeOffset.UtcNow;
        var micros = (now.UtcTicks - DateTimeOffset.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"""UPDATE "Cases" SET "NextDueAt" = CASE WHEN "Status" = 'Closed' THEN NULL ELSE {now} + ("Id" * 40503 % 20160 - 2880) * INTERVAL '1 minute' END""");
        }
        else
        {
            await db.Database.ExecuteSqlAsync($"""UPDATE "Cases" SET "NextDueAt" = CASE WHEN "Status" = 'Closed' THEN NULL ELSE {micros} + ("Id" * 40503 % 20160 - 2880) * 60000000 END""");
        }
        await db.Database.ExecuteSqlRawAsync("""UPDATE "Cases" SET "Priority" = "Id" * 7919 % 1000003 % 4""");
        var admin = await db.Agents.Where(a => a.Role == Core.Agents.AgentRole.Admin).Select(a => a.Id).FirstAsync();
        await db.Database.ExecuteSqlAsync($"""UPDATE "Cases" SET "OwnerId" = CASE WHEN "Id" * 104729 % 1000003 % 10 = 0 THEN {admin} ELSE NULL END""");
        if (db.Database.IsNpgsql())
        {
            // Four million rewritten rows: vacuumed and analysed now, not by autovacuum in the middle of the measures.
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        }
    }

    private static async Task MeasureAsync(HttpClient http, int cases, Features.Cases.CaseCounts counter)
    {
        var random = new Random(7);
        // Ten views of the sidebar, as a team would make them.
        var viewIds = new List<long>();
        object[] views =
        [
            new { name = "Actifs", status = "active" }, new { name = "Ouverts", status = "open" }, new { name = "Nouveaux", status = "new" },
            new { name = "VIP actifs", status = "active", tag = "vip" }, new { name = "Sans responsable", status = "active", owner = "nobody" },
            new { name = "Urgents", status = "active", priority = "urgent" }, new { name = "Équipe 1", status = "active", team = "equipe-1" },
            new { name = "Dus sous 24 h", status = "active", dueWithinHours = 24 }, new { name = "Les miens", status = "active", owner = "me" },
            new { name = "Tout VIP", status = "all", tag = "vip" },
        ];
        var existing = await http.GetFromJsonAsync<JsonArray>("/api/views");
        foreach (var view in views)
        {
            var name = (string)view.GetType().GetProperty("name")!.GetValue(view)!;
            var found = existing!.FirstOrDefault(v => v!["name"]!.GetValue<string>() == name);
            if (found is not null)
            {
                viewIds.Add(found["id"]!.GetValue<long>());
                continue;
            }
            var body = JsonSerializerToNode(view);
            body["share"] = "me";
            var made = await http.PostAsJsonAsync("/api/views", body);
            made.EnsureSuccessStatusCode();
            viewIds.Add((await made.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>());
        }

        var queries = new List<string>();
        for (var q = 0; q < 300; q++)
        {
            var k = random.Next(cases);
            queries.Add((q % 6) switch
            {
                0 => $"G-{new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.Zero).AddMinutes(k).Year}-{k + 1:D6}",
                1 => $"client{k / 2}@exemple.fr",
                2 => $"06{(k / 6 * 3):D8}",
                3 => $"#rare-{random.Next(100) * 10 + 7}",
                4 => $"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]}",
                _ => $"{Given[random.Next(Given.Length)]} {Names[random.Next(Names.Length)]}",
            });
        }
        foreach (var warm in queries.Take(20))
        {
            await http.GetAsync($"/api/search?q={Uri.EscapeDataString(warm)}");
        }
        var search = new List<double>();
        var byKind = new Dictionary<string, List<double>>();
        string[] kinds = ["reference", "email", "phone", "#tag", "subject words", "customer name"];
        for (var q = 0; q < queries.Count; q++)
        {
            var watch = Stopwatch.StartNew();
            (await http.GetAsync($"/api/search?q={Uri.EscapeDataString(queries[q])}")).EnsureSuccessStatusCode();
            search.Add(watch.Elapsed.TotalMilliseconds);
            (byKind.TryGetValue(kinds[q % 6], out var list) ? list : byKind[kinds[q % 6]] = []).Add(watch.Elapsed.TotalMilliseconds);
        }
        Timings.Report("search box (GET /api/search: reference, email, phone, #tag, words, name)", search);
        foreach (var (kind, ms) in byKind)
        {
            Timings.Report($"  {kind}", ms);
        }

        var page = new List<double>();
        var byView = viewIds.ToDictionary(id => id, _ => new List<double>());
        for (var round = 0; round < 10; round++)
        {
            foreach (var id in viewIds)
            {
                var watch = Stopwatch.StartNew();
                (await http.GetAsync($"/api/views/{id}/cases?pageSize=50")).EnsureSuccessStatusCode();
                page.Add(watch.Elapsed.TotalMilliseconds);
                byView[id].Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        Timings.Report("a view's first page with its count (GET /api/views/{id}/cases)", page);
        foreach (var (id, ms) in byView)
        {
            Timings.Report($"  view {id} ({(string)views[viewIds.IndexOf(id)].GetType().GetProperty("name")!.GetValue(views[viewIds.IndexOf(id)])!})", ms);
        }

        // After a change to any case: the sidebar shows the last counts at once and counts again in the background (decision 0036).
        var stale = new List<double>();
        var caughtUp = new List<double>();
        var exact = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            await TouchAsync(http, 1 + round);
            var watch = Stopwatch.StartNew();
            (await http.GetAsync("/api/views")).EnsureSuccessStatusCode();
            stale.Add(watch.Elapsed.TotalMilliseconds);
            await counter.RefreshedAsync();
            caughtUp.Add(watch.Elapsed.TotalMilliseconds);
            await TouchAsync(http, 11 + round);
            watch.Restart();
            (await http.GetAsync("/api/views?fresh=true")).EnsureSuccessStatusCode();
            exact.Add(watch.Elapsed.TotalMilliseconds);
        }
        Timings.Report("the ten views' counts together, just after a case changed (GET /api/views: the last counts, recounted behind)", stale);
        Timings.Report("  until the ten new counts are made in the background", caughtUp);
        Timings.Report("  the same counted before answering (GET /api/views?fresh=true)", exact);

        var counts = new List<double>();
        for (var round = 0; round < 30; round++)
        {
            var watch = Stopwatch.StartNew();
            (await http.GetAsync("/api/views")).EnsureSuccessStatusCode();
            counts.Add(watch.Elapsed.TotalMilliseconds);
        }
        Timings.Report("the ten views' counts together, nothing changed since (GET /api/views)", counts);

        var tag = $"bench-{DateTime.UtcNow:HHmmss}";
        var bulk = Stopwatch.StartNew();
        var started = await http.PostAsJsonAsync("/api/cases/bulk", new { filter = "tag=lot-10k&status=all", action = "tag", tags = new[] { tag } });
        started.EnsureSuccessStatusCode();
        var job = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
        JsonObject state;
        do
        {
            await Task.Delay(50);
            state = (await http.GetFromJsonAsync<JsonObject>($"/api/bulk-jobs/{job["id"]}"))!;
        }
        while (state["state"]!.GetValue<string>() != "finished");
        Console.WriteLine($"bulk tag of {state["total"]} cases (filter tag=lot-10k, a background job): {bulk.Elapsed.TotalSeconds:N1} s, {state["done"]} done, {state["refused"]} refused");
    }

    private static async Task TouchAsync(HttpClient http, long caseId)
    {
        var tagged = await http.PostAsJsonAsync("/api/cases/bulk", new { cases = new[] { caseId }, action = "tag", tags = new[] { $"touche-{DateTime.UtcNow:HHmmssfff}" } });
        tagged.EnsureSuccessStatusCode();
    }

    private static JsonObject JsonSerializerToNode(object value) => (JsonObject)System.Text.Json.JsonSerializer.SerializeToNode(value)!;
}
