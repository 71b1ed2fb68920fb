using System.Net;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Goodwill;

/// <summary>SPEC G1, G2 through the API: the policy matrix, gestures inside and past an agent's monthly budget.</summary>
public abstract class GoodwillTests(GuichetServer server)
{
    [Fact]
    public async Task A_gold_customer_on_a_second_delay_gets_the_configured_gesture_and_a_gesture_past_the_budget_waits_for_a_manager()
    {
        server.SkipIfUnavailable();
        (await server.Api.PutJsonAsync("/api/goodwill/policy", new object[] { new { tier = "*", incidentKind = "*", fromRecurrence = 1, gesture = "voucher", amount = 10 } }))
            .AssertProblemNames(400, "[0].gesture");
        var (saved, _) = await server.Api.PutJsonAsync("/api/goodwill/policy", new object[]
        {
            new { tier = "*", incidentKind = "delay", fromRecurrence = 1, gesture = "apology" },
            new { tier = "gold", incidentKind = "delay", fromRecurrence = 2, gesture = "credit", amount = 30 },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await server.Api.PutJsonAsync("/api/routing/rules", new object[] { new { name = "Retards", terms = "retard", category = "delay" } });
        try
        {
            object Gold(string subject) => new { customer = new { name = "Marc Or", email = "goodwill.gold@example.fr", language = "fr", tier = "gold" }, channel = "email", subject, body = "Mon vol a eu trois heures de retard." };
            var (_, first) = await server.Api.PostJsonAsync("/api/cases", Gold("Vol LH1034 en retard"));
            var (_, firstGesture) = await server.Api.PostJsonAsync($"/api/cases/{first.Str("id")}/goodwill", new { reason = "Retard de trois heures." });
            Assert.Equal("apology", firstGesture.Str("gesture"));
            var (_, second) = await server.Api.PostJsonAsync("/api/cases", Gold("Vol LH2210 en retard aussi"));
            var (granted, gesture) = await server.Api.PostJsonAsync($"/api/cases/{second.Str("id")}/goodwill", new { reason = "Deuxième retard cette année." });
            Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
            Assert.Equal(("credit", "30", "granted"), (gesture.Str("gesture"), gesture.Str("amount"), gesture.Str("status")));
            Assert.Equal("Credit 30.00 EUR", gesture.Str("policyRule"));

            // The agent's budget is 100.00 a month: 30 + 60 fits, 20 more does not.
            var (_, inside) = await server.Api.PostJsonAsync($"/api/cases/{second.Str("id")}/goodwill", new { gesture = "refund", amount = 60, reason = "Remboursement du taxi." });
            Assert.Equal("granted", inside.Str("status"));
            var (_, past) = await server.Api.PostJsonAsync($"/api/cases/{second.Str("id")}/goodwill", new { gesture = "callReimbursement", amount = 20, reason = "Appels surtaxés." });
            Assert.Equal("awaitingApproval", past.Str("status"));
            var (_, queue) = await server.Api.GetJsonAsync("/api/goodwill/approvals");
            Assert.Contains(queue.AsArray(), g => g!.Str("id") == past.Str("id"));
            var (approved, decided) = await server.Api.PostJsonAsync($"/api/goodwill/{past.Str("id")}/approve", new { });
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
            Assert.Equal("approved", decided.Str("status"));
            (await server.Api.PostJsonAsync($"/api/goodwill/{past.Str("id")}/refuse", new { })).AssertProblemNames(409, "id");

            var (_, spend) = await server.Api.GetJsonAsync($"/api/goodwill/spend?month={gesture.Str("month")}");
            Assert.Equal("110", spend["agents"]!.AsArray().Single(a => a!.Str("name") == "Administrateur API")!.Str("granted"));

            var (_, c) = await server.Api.GetJsonAsync($"/api/cases/{second.Str("id")}");
            Assert.Equal(4, c["events"]!.AsArray().Count(e => e!.Str("kind") == "goodwill"));

            // A voucher only when the customer chose it.
            (await server.Api.PostJsonAsync($"/api/cases/{second.Str("id")}/goodwill", new { gesture = "voucher", amount = 10, reason = "Geste." })).AssertProblemNames(400, "gesture");
            var (voucher, _) = await server.Api.PostJsonAsync($"/api/cases/{second.Str("id")}/goodwill", new { gesture = "voucher", amount = 10, reason = "Le client préfère un bon.", customerChoseVoucher = true });
            Assert.Equal(HttpStatusCode.Created, voucher.StatusCode);
        }
        finally
        {
            await server.Api.PutJsonAsync("/api/routing/rules", Array.Empty<object>());
            await server.Api.PutJsonAsync("/api/goodwill/policy", Array.Empty<object>());
        }
    }
}

/// <summary>SPEC G2: a manager gives one agent a budget of their own, then takes it back.</summary>
public abstract class AgentBudgetTests(GuichetServer server)
{
    [Fact]
    public async Task An_agents_own_budget_replaces_the_teams_until_it_is_cleared()
    {
        server.SkipIfUnavailable();
        var admin = await server.ReadDbAsync(db => db.Agents.Where(a => a.Email == "api-admin@guichet.invalid").Select(a => a.Id).SingleAsync());
        (await server.Api.PutJsonAsync($"/api/agents/{admin}/goodwill-budget", new { amount = -5 })).AssertProblemNames(400, "amount");
        var (set, budget) = await server.Api.PutJsonAsync($"/api/agents/{admin}/goodwill-budget", new { amount = 10 });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(("10", "true"), (budget.Str("budget"), budget.Str("own")));

        var (_, c) = await server.Api.PostJsonAsync("/api/cases", new { customer = new { name = "Budget Client", email = "budget@example.fr", language = "fr" }, channel = "email", subject = "Colis abîmé", body = "Le colis est arrivé abîmé." });
        var (_, past) = await server.Api.PostJsonAsync($"/api/cases/{c.Str("id")}/goodwill", new { gesture = "refund", amount = 15, reason = "Colis abîmé." });
        Assert.Equal("awaitingApproval", past.Str("status"));
        var (_, spend) = await server.Api.GetJsonAsync("/api/goodwill/spend");
        Assert.Equal("10", spend["agents"]!.AsArray().Single(a => a!.Str("id") == admin.ToString(System.Globalization.CultureInfo.InvariantCulture))!.Str("budget"));

        var (_, cleared) = await server.Api.PutJsonAsync($"/api/agents/{admin}/goodwill-budget", new { amount = (decimal?)null });
        Assert.Equal(("100", "false"), (cleared.Str("budget"), cleared.Str("own")));
        var (_, inside) = await server.Api.PostJsonAsync($"/api/cases/{c.Str("id")}/goodwill", new { gesture = "refund", amount = 15, reason = "Colis abîmé, second colis." });
        Assert.Equal("granted", inside.Str("status"));
        var page = await server.Api.GetStringAsync("/goodwill", TestContext.Current.CancellationToken);
        Assert.Contains("Colis abîmé.", page, StringComparison.Ordinal);
    }
}

public sealed class AgentBudgetOnSqlite(SqliteServer server) : AgentBudgetTests(server), IClassFixture<SqliteServer>;
public sealed class AgentBudgetOnPostgres(PostgresServer server) : AgentBudgetTests(server), IClassFixture<PostgresServer>;

public sealed class GoodwillOnSqlite(SqliteServer server) : GoodwillTests(server), IClassFixture<SqliteServer>;
public sealed class GoodwillOnPostgres(PostgresServer server) : GoodwillTests(server), IClassFixture<PostgresServer>;

/// <summary>SPEC G4 through the API: at most two offers to stay, then only the cancellation.</summary>
public abstract class RetentionTests(GuichetServer server)
{
    [Fact]
    public async Task A_third_retention_offer_is_refused_and_the_cancellation_is_always_possible()
    {
        server.SkipIfUnavailable();
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", new { customer = new { name = "Paul Martin", email = "retention@example.fr", language = "fr" }, channel = "phone", subject = "Résiliation", body = "Je veux résilier mon abonnement box." });
        var id = c.Str("id");
        Assert.Contains("Merci pour votre message", c.Str("acknowledgment.body"), StringComparison.Ordinal);
        (await server.Api.PostJsonAsync($"/api/cases/{id}/retention-offers", new { offer = "Un mois offert" })).AssertProblemNames(409, "offer");
        var (marked, _) = await server.Api.PostJsonAsync($"/api/cases/{id}/cancellation-request", new { });
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);

        var (first, offer) = await server.Api.PostJsonAsync($"/api/cases/{id}/retention-offers", new { offer = "Un mois offert" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await server.Api.PostJsonAsync($"/api/retention-offers/{offer.Str("id")}/outcome", new { outcome = "declined" });
        var (second, _) = await server.Api.PostJsonAsync($"/api/cases/{id}/retention-offers", new { offer = "Débit doublé au même prix" });
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var third = await server.Api.PostJsonAsync($"/api/cases/{id}/retention-offers", new { offer = "Encore une offre" });
        third.AssertProblemNames(422, "offer");
        Assert.Contains("carry out the cancellation", third.Body.ToJsonString(), StringComparison.Ordinal);

        var (cancelled, done) = await server.Api.PostJsonAsync($"/api/cases/{id}/cancel", new { });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.NotEqual("", done.Str("carriedOutAt"));
        var (_, figures) = await server.Api.GetJsonAsync("/api/metrics/retention");
        Assert.True(int.Parse(figures.Str("offers"), System.Globalization.CultureInfo.InvariantCulture) >= 2);
        Assert.True(int.Parse(figures.Str("declined"), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.True(int.Parse(figures.Str("cancellationsCarriedOut"), System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }
}

public sealed class RetentionOnSqlite(SqliteServer server) : RetentionTests(server), IClassFixture<SqliteServer>;
public sealed class RetentionOnPostgres(PostgresServer server) : RetentionTests(server), IClassFixture<PostgresServer>;
