using System.Net;
using Guichet.Core.Agents;
using Guichet.Core.Teams;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.IntegrationTests.Cases;

/// <summary>Issue 24: what an agent hit within the first hour of a working day, through the workspace's own forms.</summary>
public abstract class WorkingDayTests(GuichetServer server)
{
    private async Task TeamAsync(string slug, string name) => await server.ReadDbAsync(async db =>
    {
        if (!await db.Teams.AnyAsync(t => t.Slug == slug))
        {
            db.Teams.Add(new Team { Slug = slug, Name = name, TimeZone = "Europe/Paris", Hours = "mon-fri 09:00-17:00" });
            await db.SaveChangesAsync();
        }
        return 0;
    });

    [Fact]
    public async Task A_case_goes_to_a_team_with_the_person_list_left_empty_and_the_agent_who_sent_it_keeps_reading_it()
    {
        server.SkipIfUnavailable();
        await TeamAsync("bagages-wd", "Bagages");
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("wd.transfer@example.fr"));
        var casePath = $"/cases/{c.Str("id")}";
        using var claire = await Browserless.SignInAsync(server, "claire.wd@guichet.test", "Claire Dubois");
        var (answered, _, _) = await claire.PostFormAsync(casePath, casePath, new() { ["_handler"] = "reply", ["ReplyBody"] = "Bonjour Julien Rio, je transmets au service des bagages." });
        Assert.Equal(HttpStatusCode.Redirect, answered);

        // The form as the browser sends it: the person list on its empty choice.
        var (status, _, location) = await claire.PostFormAsync(casePath, $"/ui{casePath}/transfer", new() { ["team"] = "bagages-wd", ["agentId"] = "", ["note"] = "Bagage perdu, étiquette LH123456." });
        Assert.Equal((HttpStatusCode.Redirect, casePath), (status, location));
        Assert.Equal("bagages-wd", await server.ReadDbAsync(db => db.Cases.Where(x => x.Id == long.Parse(c.Str("id"))).Select(x => x.Team.Slug).SingleAsync()));

        // K2: Claire answered it and sent it on; it left her team, not her history.
        var (page, html, _) = await claire.GetAsync(casePath);
        Assert.Equal(HttpStatusCode.OK, page);
        Assert.Contains("étiquette LH123456", html, StringComparison.Ordinal);
        var (_, inbox, _) = await claire.GetAsync("/?status=active&team=bagages-wd");
        Assert.Contains(c.Str("reference"), inbox, StringComparison.Ordinal);

        // Someone who never touched it, outside the team, still does not see it.
        using var stranger = await Browserless.SignInAsync(server, "stranger.wd@guichet.test", "Paul Martin");
        var (refused, refusal, _) = await stranger.GetAsync(casePath);
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Contains("Accès refusé", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_value_the_server_cannot_read_gets_a_page_that_says_so_not_an_empty_answer()
    {
        server.SkipIfUnavailable();
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("wd.badform@example.fr"));
        var casePath = $"/cases/{c.Str("id")}";
        using var agent = await Browserless.SignInAsync(server, "badform.wd@guichet.test", "Inès Colin");
        var (status, html, _) = await agent.PostFormAsync(casePath, $"/ui{casePath}/transfer", new() { ["team"] = "", ["agentId"] = "Lukas", ["note"] = "À voir." });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Formulaire illisible", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{casePath}\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12,50", 1250L, "12,50&#xA0;€")]
    [InlineData("0,50", 50L, "0,50&#xA0;€")]
    [InlineData("1 250", 125000L, "1&#x202F;250,00&#xA0;€")]
    public async Task An_amount_typed_the_French_way_is_recorded_and_shown_the_French_way(string typed, long minor, string shownInHtml)
    {
        server.SkipIfUnavailable();
        var email = $"wd.money.{minor}@example.fr";
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French(email));
        var id = long.Parse(c.Str("id"));
        var casePath = $"/cases/{id}";
        using var manager = await Browserless.SignInAsync(server, "money.wd@guichet.test", "Nora Manager", role: AgentRole.Manager);
        var (status, _, location) = await manager.PostFormAsync(casePath, $"/ui{casePath}/goodwill", new() { ["gesture"] = "credit", ["amount"] = typed, ["reason"] = "Bagage rendu avec trois jours de retard." });
        Assert.Equal((HttpStatusCode.Redirect, casePath), (status, location));
        Assert.Equal(minor, await server.ReadDbAsync(db => db.GoodwillEntries.Where(g => g.CaseId == id).Select(g => g.AmountMinor).SingleAsync()));
        var (_, html, _) = await manager.GetAsync(casePath);
        Assert.Contains(shownInHtml, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_amount_that_is_not_one_is_refused_in_the_agents_language_and_nothing_is_granted()
    {
        server.SkipIfUnavailable();
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("wd.money.bad@example.fr"));
        var id = long.Parse(c.Str("id"));
        var casePath = $"/cases/{id}";
        using var manager = await Browserless.SignInAsync(server, "money.wd@guichet.test", "Nora Manager", role: AgentRole.Manager);
        var (status, _, location) = await manager.PostFormAsync(casePath, $"/ui{casePath}/goodwill", new() { ["gesture"] = "credit", ["amount"] = "12,505", ["reason"] = "Retard." });
        Assert.Equal(HttpStatusCode.Redirect, status);
        var (_, html, _) = await manager.GetAsync(location!);
        Assert.Contains("« 12,505 » a plus de deux décimales.", html, StringComparison.Ordinal);
        Assert.Equal(0, await server.ReadDbAsync(db => db.GoodwillEntries.CountAsync(g => g.CaseId == id)));
    }

    [Fact]
    public async Task A_customer_who_writes_again_after_an_answer_is_shown_waiting_until_a_person_answers()
    {
        server.SkipIfUnavailable();
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("wd.waiting@example.fr"));
        var id = c.Str("id");
        using var agent = await Browserless.SignInAsync(server, "waiting.wd@guichet.test", "Inès Colin");
        await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body = "Bonjour Julien Rio, je regarde votre dossier de bagages." });
        var (_, read) = await server.Api.GetJsonAsync($"/api/cases/{id}");
        Assert.Null(read["customerWaitingSince"]);

        await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "in", body = "Toujours rien pour ma valise, pouvez-vous me dire où elle est ?" });
        (_, read) = await server.Api.GetJsonAsync($"/api/cases/{id}");
        Assert.NotNull(read["customerWaitingSince"]);
        var (_, page, _) = await agent.GetAsync($"/cases/{id}");
        Assert.Contains("id=\"customer-waiting\"", page, StringComparison.Ordinal);
        // Channels by their names, not their codes.
        Assert.Contains("Canal : E-mail", page, StringComparison.Ordinal);
        var (_, form, _) = await agent.GetAsync("/cases/new");
        Assert.Contains(">Téléphone</option>", form, StringComparison.Ordinal);

        await server.Api.PostJsonAsync($"/api/cases/{id}/messages", new { direction = "out", body = "Votre valise arrive demain matin à votre domicile." });
        (_, read) = await server.Api.GetJsonAsync($"/api/cases/{id}");
        Assert.Null(read["customerWaitingSince"]);
    }

    [Fact]
    public async Task The_French_workspace_says_why_a_reply_is_held_in_French_sentences_without_codes()
    {
        server.SkipIfUnavailable();
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("wd.words@example.fr"));
        var casePath = $"/cases/{c.Str("id")}";
        using var agent = await Browserless.SignInAsync(server, "words.wd@guichet.test", "Inès Colin");

        var (status, html, _) = await agent.PostFormAsync(casePath, casePath, new()
        {
            ["_handler"] = "reply", ["ReplyBody"] = "Hello Julien Rio, your bag is on its way and will be delivered to your home tomorrow morning.",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("La réponse est écrite en anglais mais le client lit le français.", html, StringComparison.Ordinal);

        (status, html, _) = await agent.PostFormAsync(casePath, casePath, new()
        {
            ["_handler"] = "reply", ["ReplyBody"] = "Bonjour Julien Rio, je vous rappelle dès que j'ai la réponse du service des bagages.",
            ["CommitmentKind"] = "callBack", ["CommitmentWhat"] = "", ["CommitmentDue"] = "",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("Donnez la date et l&#x27;heure de la promesse.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("dueInBusinessHours", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Q3.language", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_sets_the_priority_by_hand_with_a_reason_the_timeline_keeps()
    {
        server.SkipIfUnavailable();
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("wd.priority@example.fr"));
        var casePath = $"/cases/{c.Str("id")}";
        using var agent = await Browserless.SignInAsync(server, "priority.wd@guichet.test", "Inès Colin");
        var (status, _, location) = await agent.PostFormAsync(casePath, $"/ui{casePath}/priority", new() { ["priority"] = "low", ["reason"] = "Bagage retrouvé, livraison prévue demain." });
        Assert.Equal((HttpStatusCode.Redirect, casePath), (status, location));
        var (_, read) = await server.Api.GetJsonAsync($"/api/cases/{c.Str("id")}");
        Assert.Equal("low", read.Str("priority"));
        var (_, page, _) = await agent.GetAsync(casePath);
        Assert.Contains("haute → basse : Bagage retrouvé, livraison prévue demain.", page, StringComparison.Ordinal);

        var (bad, problem) = await server.Api.PostJsonAsync($"/api/cases/{c.Str("id")}/priority", new { priority = "critical" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull(problem["errors"]!["priority"]);
    }

    [Fact]
    public async Task Alerts_are_said_in_the_agents_language_with_times_in_their_zone()
    {
        server.SkipIfUnavailable();
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("wd.alert@example.fr"));
        using var agent = await Browserless.SignInAsync(server, "alert.wd@guichet.test", "Inès Colin");
        await server.ReadDbAsync(async db =>
        {
            var me = await db.Agents.SingleAsync(a => a.Email == "alert.wd@guichet.test");
            var caseId = long.Parse(c.Str("id"));
            var promise = await db.Promises.FirstAsync(p => p.CaseId == caseId);
            db.Notifications.Add(new Core.Notifications.Notification
            {
                AgentId = me.Id, CaseId = caseId, PromiseId = promise.Id, Kind = Core.Notifications.NotificationKind.PromiseDueSoon,
                Text = $"{c.Str("reference")}: \"{promise.What}\" is due {promise.DueAt:yyyy-MM-dd HH:mm} UTC; keep it before the customer is sent a new date.",
                CreatedAt = promise.DueAt.AddHours(-4),
            });
            await db.SaveChangesAsync();
            return 0;
        });
        var (_, page, _) = await agent.GetAsync("/notifications");
        Assert.Contains("arrive à échéance", page, StringComparison.Ordinal);
        Assert.Contains("tenez cette promesse", page, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolving_a_case_asks_what_became_of_each_open_promise()
    {
        server.SkipIfUnavailable();
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("wd.resolve@example.fr"));
        var id = long.Parse(c.Str("id"));
        var casePath = $"/cases/{id}";
        var (_, promise) = await server.Api.PostJsonAsync($"/api/cases/{id}/promises", new { what = "Rappeler au sujet du remboursement", dueInBusinessHours = 8 });
        using var agent = await Browserless.SignInAsync(server, "resolve.wd@guichet.test", "Inès Colin");
        var (_, page, _) = await agent.GetAsync(casePath);
        Assert.Contains("id=\"resolve-form\"", page, StringComparison.Ordinal);
        Assert.Contains("Rappeler au sujet du remboursement", page, StringComparison.Ordinal);
        var open = await server.ReadDbAsync(db => db.Promises.Where(p => p.CaseId == id && (p.State == Core.Promises.PromiseState.Open || p.State == Core.Promises.PromiseState.Renegotiated)).Select(p => p.Id).ToListAsync());
        Assert.Equal(2, open.Count); // the first answer, and the call back

        // Nothing said: refused, in French, and nothing changes.
        var (status, _, location) = await agent.PostFormAsync(casePath, $"/ui{casePath}/resolve", new());
        Assert.Equal(HttpStatusCode.Redirect, status);
        var (_, refused, _) = await agent.GetAsync(location!);
        Assert.Contains("Dites pour chaque promesse ouverte si elle a été tenue", refused, StringComparison.Ordinal);
        // Not kept without saying why: refused.
        var decisions = open.ToDictionary(p => $"promise-{p}", p => p == long.Parse(promise.Str("id")) ? "broken" : "kept");
        (status, _, location) = await agent.PostFormAsync(casePath, $"/ui{casePath}/resolve", new(decisions));
        var (_, noReason, _) = await agent.GetAsync(location!);
        Assert.Contains("Dites pourquoi une promesse n&#x27;a pas été tenue.", noReason, StringComparison.Ordinal);
        Assert.Null(await server.ReadDbAsync(db => db.Cases.Where(x => x.Id == id).Select(x => x.ResolvedAt).SingleAsync()));

        decisions["reason"] = "Le client a annulé sa demande de remboursement par téléphone.";
        (status, _, location) = await agent.PostFormAsync(casePath, $"/ui{casePath}/resolve", decisions);
        Assert.Equal((HttpStatusCode.Redirect, casePath), (status, location));
        var (_, read) = await server.Api.GetJsonAsync($"/api/cases/{id}");
        Assert.Equal("resolved", read.Str("status"));
        var states = read["promises"]!.AsArray().ToDictionary(p => p!.Str("id"), p => p!.Str("state"));
        Assert.Equal("broken", states[promise.Str("id")]);
        Assert.All(states.Where(p => p.Key != promise.Str("id")), p => Assert.Equal("kept", p.Value));
    }

    [Fact]
    public async Task Through_the_API_resolving_may_say_what_became_of_each_open_promise()
    {
        server.SkipIfUnavailable();
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("wd.resolve.api@example.fr"));
        var id = long.Parse(c.Str("id"));
        var (_, promise) = await server.Api.PostJsonAsync($"/api/cases/{id}/promises", new { what = "Rembourser le billet de train", dueInBusinessHours = 16 });
        var first = await server.ReadDbAsync(db => db.Promises.Where(p => p.CaseId == id && p.Kind == Core.Promises.PromiseKind.FirstResponse).Select(p => p.Id).SingleAsync());

        (await server.Api.PostJsonAsync($"/api/cases/{id}/resolve", new { promises = new Dictionary<string, string> { [$"{first}"] = "maybe" } })).AssertProblemNames(400, $"promises.{first}");
        (await server.Api.PostJsonAsync($"/api/cases/{id}/resolve", new { promises = new Dictionary<string, string> { [$"{first}"] = "kept" } })).AssertProblemNames(400, "promises");
        (await server.Api.PostJsonAsync($"/api/cases/{id}/resolve", new { promises = new Dictionary<string, string> { [$"{first}"] = "kept", [promise.Str("id")] = "broken" } })).AssertProblemNames(400, "reason");

        var (done, resolved) = await server.Api.PostJsonAsync($"/api/cases/{id}/resolve", new
        {
            promises = new Dictionary<string, string> { [$"{first}"] = "kept", [promise.Str("id")] = "broken" },
            reason = "Le client a été remboursé par son assurance.",
        });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("resolved", resolved.Str("status"));
        var states = resolved["promises"]!.AsArray().ToDictionary(p => p!.Str("id"), p => p!.Str("state"));
        Assert.Equal(("kept", "broken"), (states[$"{first}"], states[promise.Str("id")]));
    }

    [Fact]
    public async Task A_promise_marked_kept_by_mistake_is_opened_again_within_ten_minutes_and_not_after()
    {
        server.SkipIfUnavailable();
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("wd.reopen@example.fr"));
        var id = c.Str("id");
        var casePath = $"/cases/{id}";
        var (_, promise) = await server.Api.PostJsonAsync($"/api/cases/{id}/promises", new { what = "Envoyer le bon de retour", dueInBusinessHours = 8 });
        var promiseId = promise.Str("id");
        using var claire = await Browserless.SignInAsync(server, "claire.reopen@guichet.test", "Claire Annule");

        // One click on "kept"; the page offers to undo it, and undoing runs the promise again.
        var (kept, _, _) = await claire.PostFormAsync(casePath, $"/ui/promises/{promiseId}/keep", new());
        Assert.Equal(HttpStatusCode.Redirect, kept);
        var (_, page, _) = await claire.GetAsync(casePath);
        Assert.Contains($"id=\"reopen-{promiseId}\"", page, StringComparison.Ordinal);
        var (reopened, _, location) = await claire.PostFormAsync(casePath, $"/ui/promises/{promiseId}/reopen", new());
        Assert.Equal((HttpStatusCode.Redirect, casePath), (reopened, location));
        var (_, read) = await server.Api.GetJsonAsync($"/api/cases/{id}");
        Assert.Equal("open", read["promises"]!.AsArray().Single(p => p!.Str("id") == promiseId)!.Str("state"));
        Assert.Contains(read["events"]!.AsArray(), e => e!.Str("kind") == "promiseReopened" && e!.Str("actor") == "Claire Annule");

        // Kept again, eleven minutes later it stays kept (the API says why).
        (await server.Api.PostJsonAsync($"/api/promises/{promiseId}/keep", new { })).Response.EnsureSuccessStatusCode();
        await server.AdvanceAsync(TimeSpan.FromMinutes(11));
        (await server.Api.PostJsonAsync($"/api/promises/{promiseId}/reopen", new { })).AssertProblemNames(409, "state");
        (_, page, _) = await claire.GetAsync(casePath);
        Assert.DoesNotContain($"id=\"reopen-{promiseId}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_taking_a_call_finds_the_customer_by_name_email_or_phone_and_the_form_is_theirs()
    {
        server.SkipIfUnavailable();
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", new
        {
            customer = new { name = "Gaëlle Appel", email = "gaelle.appel@example.fr", phone = "+33 6 12 34 56 78", language = "fr" },
            channel = "email", subject = "Facture en double", body = "Bonjour, j'ai été facturée deux fois.",
        });
        var customerId = await server.ReadDbAsync(db => db.Cases.Where(x => x.Id == long.Parse(c.Str("id"))).Select(x => x.CustomerId).SingleAsync());
        using var claire = await Browserless.SignInAsync(server, "claire.lookup@guichet.test", "Claire Cherche");

        foreach (var find in new[] { "gaëlle", "Appel", "GAELLE.APPEL@example.fr", "06 12 34 56 78" })
        {
            var (_, results, _) = await claire.GetAsync($"/cases/new?find={Uri.EscapeDataString(find)}");
            Assert.Contains($"/cases/new?customer={customerId}", results, StringComparison.Ordinal);
        }
        var (_, none, _) = await claire.GetAsync("/cases/new?find=Personne%20Inconnue");
        Assert.Contains("Aucun client trouvé", WebUtility.HtmlDecode(none), StringComparison.Ordinal);

        var (_, form, _) = await claire.GetAsync($"/cases/new?customer={customerId}");
        Assert.Contains("id=\"known-customer\"", form, StringComparison.Ordinal);
        Assert.Contains(c.Str("reference"), form, StringComparison.Ordinal);
        Assert.Contains("value=\"gaelle.appel@example.fr\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"+33612345678\"", WebUtility.HtmlDecode(form), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_a_case_was_escalated_is_said_in_the_workspace_language_with_the_customers_own_words()
    {
        server.SkipIfUnavailable();
        var (_, c) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("wd.fraud@example.fr", "Bonjour, c'est une arnaque : quelqu'un a utilisé ma carte sans mon accord."));
        var (_, read) = await server.Api.GetJsonAsync($"/api/cases/{c.Str("id")}");
        Assert.Contains("fraud", read["escalation"]!.Str("reason"), StringComparison.OrdinalIgnoreCase);
        using var claire = await Browserless.SignInAsync(server, "claire.esc@guichet.test", "Claire Escalade");
        var (_, page, _) = await claire.GetAsync($"/cases/{c.Str("id")}");
        var text = WebUtility.HtmlDecode(page);
        Assert.Contains("Fraude ou usurpation d'identité possible : « arnaque »", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Possible fraud", text, StringComparison.Ordinal);
    }
}

public sealed class WorkingDayOnSqlite(SqliteServer server) : WorkingDayTests(server), IClassFixture<SqliteServer>;
public sealed class WorkingDayOnPostgres(PostgresServer server) : WorkingDayTests(server), IClassFixture<PostgresServer>;
