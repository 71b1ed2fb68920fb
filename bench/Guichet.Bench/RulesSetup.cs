using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Guichet.Bench;

/// <summary>
/// Makes <c>count</c> active rules on a running server, as a team with many automations would have
/// (issue 27's benchmark): half on a case opened, the rest on the customer writing, a status or a
/// tag change; each compares words and the case's fields. Then the intake is measured with them,
/// back to back with a server that has none.
/// </summary>
public static class RulesSetup
{
    private static readonly string[] Topics = ["remboursement", "facture", "bagage", "modem", "résiliation", "colis", "refund", "invoice", "login", "commande", "internet", "parcel"];
    private static readonly string[] Later = ["case.customer_wrote", "case.status_changed", "case.tags_changed", "case.priority_changed"];

    /// <param name="heavy">Ten rules tag three new cases in four (every topic word of this corpus); otherwise they also want a high priority, which one case in twenty reaches.</param>
    public static async Task RunAsync(string baseUrl, string token, int count, bool heavy)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        for (var i = 0; i < count; i++)
        {
            var opened = i < count / 2;
            // Ten rules can match a new case (one topic word in twelve each); the others want an urgent
            // case, a VIP tag or a portal contact, which this mail corpus never has.
            object[] conditions = opened
                ? i < 10
                    ? heavy
                        ? [new { field = "words", op = "any", value = $"{Topics[i % Topics.Length]}, mot{i}" }]
                        : [new { field = "words", op = "any", value = $"{Topics[i % Topics.Length]}, mot{i}" }, new { field = "priority", op = "atLeast", value = "high" }]
                    : [new { field = "words", op = "any", value = $"{Topics[i % Topics.Length]}, mot{i}" }, new { field = "priority", op = "is", value = "urgent" }]
                : i % 10 == 0
                    ? [new { field = "words", op = "any", value = "toujours pas" }, new { field = "tag", op = "hasNot", value = "relance" }]
                    : [new { field = "tag", op = "has", value = $"vip-{i}" }, new { field = "channel", op = "is", value = "portal" }];
            var body = new
            {
                name = $"Règle {i}",
                when = opened ? "case.opened" : Later[i % Later.Length],
                conditions,
                actions = new object[] { new { kind = "addTag", value = i % 10 == 0 && !opened ? "relance" : $"regle-{i}" } },
            };
            using var response = await http.PostAsJsonAsync("/api/rules", body);
            response.EnsureSuccessStatusCode();
        }
        Console.WriteLine($"{count} rules made ({(heavy ? "heavy" : "light")} mix).");
    }
}
