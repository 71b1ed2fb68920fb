using System.Diagnostics;
using System.Globalization;
using Guichet.Core;
using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Guichet.Core.Knowledge;
using Guichet.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Bench;

/// <summary>
/// Issue 6: p95 of a search (GET /api/search: articles and case messages, ten of each) and of a
/// case's suggestions, on SQLite with 100,000 generated documents. Words follow a Zipf law over a
/// vocabulary whose head is real French and English help-desk words, so the commonest query words
/// match a third of the documents, as "colis" or "commande" would in a real shop.
/// </summary>
public static class SearchLoad
{
    private static readonly string[] Head =
    [
        "colis", "commande", "livraison", "remboursement", "client", "retard", "adresse", "paiement", "facture", "compte",
        "parcel", "order", "delivery", "refund", "customer", "delay", "address", "payment", "invoice", "account",
        "relais", "transporteur", "valise", "bagage", "vol", "billet", "annulation", "échange", "garantie", "réparation",
        "pickup", "carrier", "suitcase", "baggage", "flight", "ticket", "cancellation", "exchange", "warranty", "repair",
        "modem", "box", "internet", "abonnement", "résiliation", "forfait", "ligne", "panne", "technicien", "rendez-vous",
        "router", "subscription", "termination", "plan", "line", "outage", "technician", "appointment", "password", "login",
        "carte", "bancaire", "prélèvement", "avoir", "bon", "achat", "promotion", "code", "réduction", "prix",
        "card", "debit", "credit", "voucher", "purchase", "discount", "price", "coupon", "offer", "fee",
        "fleuriste", "bouquet", "noël", "cadeau", "anniversaire", "hôtel", "chambre", "réservation", "séjour", "nuit",
        "florist", "flowers", "christmas", "gift", "birthday", "hotel", "room", "booking", "stay", "night",
    ];

    public static async Task RunAsync(string folder, int articles, int messages, int queries)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "search.db");
        File.Delete(file);
        var options = new DbContextOptionsBuilder<SqliteGuichetDb>().UseSqlite($"Data Source={file}").Options;
        var vocabulary = Head.Concat(Enumerable.Range(0, 6000).Select(i => "terme" + i.ToString(CultureInfo.InvariantCulture))).ToArray();
        var zipf = new Zipf(vocabulary.Length, 1.0, seed: 6);

        var load = Stopwatch.StartNew();
        await using (var db = new SqliteGuichetDb(options))
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var team = new Team { Slug = "desk", Name = "Desk", TimeZone = "Europe/Paris", Hours = "mon-fri 09:00-17:00", IsDefault = true };
            var customer = new Customer { Name = "Bench Customer", CreatedAt = DateTimeOffset.UtcNow };
            db.AddRange(team, customer);
            await db.SaveChangesAsync();
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < articles; i++)
            {
                db.Articles.Add(new Article
                {
                    Title = Text(zipf, vocabulary, 6), Body = Text(zipf, vocabulary, 150), Language = i % 3 == 0 ? "en" : "fr",
                    Status = i % 10 == 0 ? ArticleStatus.Draft : ArticleStatus.Published, IsPublic = i % 2 == 0, Tags = Text(zipf, vocabulary, 2).Replace(' ', ','),
                    CreatedAt = now, UpdatedAt = now,
                });
                if (i % 2000 == 1999)
                {
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            team = await db.Teams.FirstAsync();
            customer = await db.Customers.FirstAsync();
            // Four messages a case: two from the customer, two answers.
            for (var c = 0; c < messages / 4; c++)
            {
                var @case = Case.Open(team, customer, Text(zipf, vocabulary, 5), Channel.Email, now);
                for (var m = 0; m < 4; m++)
                {
                    @case.Messages.Add(m % 2 == 0
                        ? Message.Contact(Channel.Email, Text(zipf, vocabulary, 60), customer.Name, null, now)
                        : new Message { Direction = MessageDirection.Out, Channel = Channel.Email, Body = Text(zipf, vocabulary, 60), AuthorName = "Agent", CreatedAt = now });
                }
                db.Cases.Add(@case);
                if (c % 500 == 499)
                {
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                    team = await db.Teams.FirstAsync();
                    customer = await db.Customers.FirstAsync();
                }
            }
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync("INSERT INTO ArticleSearch(ArticleSearch) VALUES ('optimize'); INSERT INTO MessageSearch(MessageSearch) VALUES ('optimize');");
        }
        Console.WriteLine($"loaded {articles:N0} articles and {messages:N0} messages in {load.Elapsed.TotalSeconds:N1} s ({new FileInfo(file).Length / 1024 / 1024:N0} MB)");

        var random = new Random(7);
        var search = new List<double>();
        var suggest = new List<double>();
        var hits = 0;
        for (var q = 0; q < queries; q++)
        {
            var words = random.NextDouble() switch { < 0.4 => 1, < 0.8 => 2, _ => 3 };
            var text = Text(zipf, vocabulary, words, random);
            await using var db = new SqliteGuichetDb(options);
            var searcher = new Search(db);
            var watch = Stopwatch.StartNew();
            var a = await searcher.ArticlesAsync(text, ArticleScope.Agents, null, 10);
            var m = await searcher.MessagesAsync(text, 10, new Guichet.Core.Agents.Agent { Email = "bench@bench.test", Name = "Bench", Role = Guichet.Core.Agents.AgentRole.Admin });
            search.Add(watch.Elapsed.TotalMilliseconds);
            hits += a.Count + m.Count;
        }
        var maxCase = messages / 4;
        for (var s = 0; s < Math.Max(100, queries / 5); s++)
        {
            await using var db = new SqliteGuichetDb(options);
            var watch = Stopwatch.StartNew();
            await new Search(db).SuggestAsync(random.Next(1, maxCase + 1), 5);
            suggest.Add(watch.Elapsed.TotalMilliseconds);
        }
        Report($"search (articles + messages), {queries} queries of 1-3 words", search);
        Console.WriteLine($"  {hits / (double)queries:N1} results per query on average");
        Report($"suggestions for a case, {suggest.Count} cases", suggest);
    }

    private static void Report(string what, List<double> ms)
    {
        ms.Sort();
        double P(double p) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(p * ms.Count) - 1)];
        Console.WriteLine($"{what}: p50 {P(0.50):N1} ms, p95 {P(0.95):N1} ms, p99 {P(0.99):N1} ms, max {ms[^1]:N1} ms");
    }

    private static string Text(Zipf zipf, string[] vocabulary, int words, Random? random = null) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => vocabulary[zipf.Next(random)]));

    /// <summary>Word ranks drawn with probability proportional to 1/rank^s.</summary>
    private sealed class Zipf
    {
        private readonly double[] _cumulative;
        private readonly Random _random;

        public Zipf(int n, double s, int seed)
        {
            _random = new Random(seed);
            _cumulative = new double[n];
            var total = 0.0;
            for (var i = 0; i < n; i++)
            {
                total += 1 / Math.Pow(i + 1, s);
                _cumulative[i] = total;
            }
            for (var i = 0; i < n; i++)
            {
                _cumulative[i] /= total;
            }
        }

        public int Next(Random? random = null)
        {
            var index = Array.BinarySearch(_cumulative, (random ?? _random).NextDouble());
            return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
        }
    }
}
