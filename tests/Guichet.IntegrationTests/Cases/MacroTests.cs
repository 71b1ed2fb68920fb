using System.Net;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Cases;

/// <summary>
/// Issue 25 (W6): a macro is previewed on a case (the reply as it would leave, with the guard's
/// word) before anything changes, then applied step by step through the same rules as by hand;
/// a refused reply leaves the status alone; the same macro runs on many cases at once.
/// </summary>
public abstract class MacroTests(GuichetServer server)
{
    private async Task<string> TemplateAsync(string suffix)
    {
        var key = $"suivi-{suffix}";
        var (response, _) = await server.Api.PutJsonAsync($"/api/templates/{key}", new
        {
            team = "service-client", language = "fr", name = "Suivi",
            body = "Bonjour {{ customer.name }}, votre dossier {{ case.reference }} est entre nos mains ; nous revenons vers vous très vite.",
        });
        Assert.True(response.IsSuccessStatusCode, $"template: {response.StatusCode}");
        return key;
    }

    [Fact]
    public async Task A_macro_is_previewed_then_applied_step_by_step()
    {
        server.SkipIfUnavailable();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var template = await TemplateAsync(suffix);
        // A calm question: an escalated case would refuse a template sent unchanged (E4), as it should.
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"macro.{suffix}@example.fr", "Bonjour, pouvez-vous me confirmer la date de livraison de ma commande ?"));
        var id = c.Str("id");
        var (created, macro) = await server.Api.PostJsonAsync("/api/macros", new
        {
            name = $"Prise en charge {suffix}", note = "Pris en charge par la macro.", addTags = new[] { $"suivi-{suffix}" }, priority = "high",
            assignTo = "me", promiseWhat = "Rappeler le client", promiseInBusinessHours = 8, replyTemplate = template, status = "wait",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var (_, preview) = await server.Api.PostJsonAsync($"/api/cases/{id}/macros/{macro.Str("id")}/preview", new { });
        var steps = preview["steps"]!.AsArray();
        Assert.Equal(new[] { "note", "tags", "priority", "assign", "promise", "reply", "status" }, steps.Select(s => s!.Str("kind")));
        Assert.Contains("Bonjour Julien Rio, votre dossier " + c.Str("reference"), steps[5]!.Str("detail"), StringComparison.Ordinal);
        var (_, untouched) = await server.Api.GetJsonAsync($"/api/cases/{id}");
        Assert.Equal("new", untouched.Str("status"));

        var (applied, result) = await server.Api.PostJsonAsync($"/api/cases/{id}/macros/{macro.Str("id")}/apply", new { });
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.All(result["steps"]!.AsArray(), s => Assert.True(s!["done"]!.GetValue<bool>(), s.ToJsonString()));
        var (_, read) = await server.Api.GetJsonAsync($"/api/cases/{id}");
        Assert.Equal(("waitingOnCustomer", "high"), (read.Str("status"), read.Str("priority")));
        Assert.Contains($"suivi-{suffix}", read["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Contains(read["promises"]!.AsArray(), p => p!.Str("what") == "Rappeler le client");
        Assert.Contains(read["messages"]!.AsArray(), m => m!.Str("body").Contains("entre nos mains", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_reply_leaves_the_status_and_the_same_macro_runs_on_many_cases()
    {
        server.SkipIfUnavailable();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (_, broken) = await server.Api.PostJsonAsync("/api/macros", new { name = $"Cassée {suffix}", replyTemplate = $"absent-{suffix}", status = "close" });
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"refus.{suffix}@example.fr"));
        var (_, result) = await server.Api.PostJsonAsync($"/api/cases/{c.Str("id")}/macros/{broken.Str("id")}/apply", new { });
        var steps = result["steps"]!.AsArray();
        Assert.False(steps[0]!["done"]!.GetValue<bool>());
        Assert.False(steps[1]!["done"]!.GetValue<bool>());
        var (_, read) = await server.Api.GetJsonAsync($"/api/cases/{c.Str("id")}");
        Assert.Equal("new", read.Str("status"));

        (await server.Api.PostJsonAsync("/api/macros", new { name = "Rien" })).AssertProblemNames(400, "name");
        (await server.Api.PostJsonAsync("/api/macros", new { name = "x", status = "explode" })).AssertProblemNames(400, "status");

        var (_, tagger) = await server.Api.PostJsonAsync("/api/macros", new { name = $"Lot {suffix}", addTags = new[] { $"lot-macro-{suffix}" }, priority = "urgent" });
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (_, x) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"lotmacro{i}.{suffix}@example.fr"));
            ids.Add(x.Str("id"));
        }
        var (_, bulk) = await server.Api.PostJsonAsync("/api/cases/bulk", new { cases = ids.Select(long.Parse), action = "macro", macroId = long.Parse(tagger.Str("id")) });
        Assert.Equal("3", bulk.Str("done"));
        Assert.Equal(3, await server.ReadDbAsync(db => db.CaseTags.CountAsync(t => t.Name == $"lot-macro-{suffix}")));
    }
}

public sealed class MacrosOnSqlite(SqliteServer server) : MacroTests(server), IClassFixture<SqliteServer>;
public sealed class MacrosOnPostgres(PostgresServer server) : MacroTests(server), IClassFixture<PostgresServer>;
