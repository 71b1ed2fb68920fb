using System.Net;
using System.Net.Http.Headers;
using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.IntegrationTests.Data;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.IntegrationTests.Cases;

/// <summary>
/// Issue 29: a contact through EF Core (API, portal, chat, social media, calls) read every message
/// of every customer to find the same matter: EF Core's "each case's last five messages" is a
/// ROW_NUMBER over the whole table. Every statement of a contact must reach growing tables
/// through an index.
/// </summary>
public sealed class ContactPlansOnSqlite(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task A_contact_from_a_customer_with_open_cases_reads_no_growing_table_whole()
    {
        var ct = TestContext.Current.CancellationToken;
        await ContactAsync("Vol annulé", "Mon vol a été annulé, je demande le remboursement.", ct);
        await ContactAsync("Bagage perdu", "Ma valise n'est pas arrivée.", ct);

        using var plans = await StatementPlans.RecordAsync(server, () => ContactAsync("Toujours rien", "Je vous réécris pour le remboursement du vol annulé.", ct));

        Assert.True(plans.Count > 5, $"only {plans.Count} statements recorded");
        await plans.AssertNoWholeTableReadsAsync(server);
    }

    [Fact]
    public async Task An_agents_day_through_the_api_reads_no_growing_table_whole()
    {
        var (_, first) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("plans.one@example.fr"));
        var (_, second) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("plans.two@example.fr", "Mon vol a été annulé pendant la grève."));
        string one = first.Str("id"), two = second.Str("id");

        using var plans = await StatementPlans.RecordAsync(server, async () =>
        {
            await server.Api.GetJsonAsync("/api/cases?pageSize=50");
            await server.Api.GetJsonAsync($"/api/cases/{one}");
            await server.Api.PostJsonAsync($"/api/cases/{one}/messages", new { direction = "out", body = "Bonjour Julien Rio, je regarde votre dossier de bagages.",
                promise = new { what = "Rappeler le client", dueInBusinessHours = 8 } });
            await server.Api.PostJsonAsync($"/api/cases/{two}/messages", new { direction = "out", body = "Bonjour Julien Rio, votre billet est remboursé." });
            await server.Api.PostJsonAsync($"/api/cases/{two}/resolve", new { });
            await server.Api.GetJsonAsync("/api/promises?state=open");
            await server.Api.GetJsonAsync("/api/metrics/promises");
            await server.Api.GetJsonAsync("/api/search?q=bagages");
            await server.AdvanceAsync(TimeSpan.FromDays(3));
        });

        Assert.True(plans.Count > 20, $"only {plans.Count} statements recorded");
        await plans.AssertNoWholeTableReadsAsync(server);
    }

    [Fact]
    public async Task A_leads_pages_read_no_growing_table_whole()
    {
        var (_, first) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("plans.pages@example.fr"));
        var id = first.Str("id");
        await server.Api.PostJsonAsync($"/api/cases/{id}/promises", new { what = "Rappeler au sujet du remboursement", dueInBusinessHours = 8 });
        using var lead = await Browserless.SignInAsync(server, "plans.lead@guichet.test", "Léa Plans", role: Core.Agents.AgentRole.Lead);
        string[] pages = ["/", $"/cases/{id}", "/promises", "/promises?view=due", "/dashboard", "/escalations", "/goodwill", "/notifications",
            "/search?q=bagages", "/mail", "/crises", "/incidents", "/knowledge", "/cases/new?find=Rio", "/api/metrics", "/api/metrics/promises",
            "/api/cases?status=new", "/api/promises?state=open"];

        using var plans = await StatementPlans.RecordAsync(server, async () =>
        {
            foreach (var page in pages)
            {
                var (status, _, _) = await lead.GetAsync(page);
                Assert.True(status == System.Net.HttpStatusCode.OK, $"{page}: {status}");
            }
        });

        Assert.True(plans.Count > pages.Length, $"only {plans.Count} statements recorded");
        await plans.AssertNoWholeTableReadsAsync(server);
    }

    [Fact]
    public async Task An_admins_pages_and_the_api_lists_read_no_growing_table_whole()
    {
        var (_, first) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("plans.admin@example.fr"));
        var id = first.Str("id");
        var customer = await server.ReadDbAsync(db => db.Cases.Where(c => c.Id == long.Parse(id)).Select(c => c.CustomerId).SingleAsync());
        using var admin = await Browserless.SignInAsync(server, "plans.admin@guichet.test", "Adèle Plans", role: Core.Agents.AgentRole.Admin);
        string[] pages = ["/people", "/imports", "/routing", "/rules", "/templates", "/crises", "/incidents", "/aide", "/help", "/knowledge",
            "/api/export/customers", $"/api/customers/{customer}", $"/api/customers/{customer}/export", "/api/audit", "/api/escalations", "/api/webhooks/events",
            "/api/goodwill/approvals", "/api/goodwill/spend", "/api/metrics/promises/forecast", "/api/metrics/phone", "/api/metrics/retention", "/api/metrics/effort",
            "/api/surveys", "/api/tags", "/api/tags?prefix=gr", "/api/inbound/email", "/api/incidents", "/api/journeys", "/api/webhooks", "/ui/live/counts",
            $"/api/cases/{id}/suggestions", $"/api/cases/{id}/summary", "/api/organisations", "/api/imports", "/api/views", "/api/channels/social/posts"];

        var statuses = new List<string>();
        using var plans = await StatementPlans.RecordAsync(server, async () =>
        {
            foreach (var page in pages)
            {
                var (status, _, _) = await admin.GetAsync(page);
                statuses.Add($"{page}: {(int)status}");
            }
        });

        Assert.True(statuses.All(s => s.EndsWith(": 200", StringComparison.Ordinal)), string.Join("\n", statuses));
        await plans.AssertNoWholeTableReadsAsync(server);
    }

    [Fact]
    public async Task An_agents_writes_read_no_growing_table_whole()
    {
        var (_, first) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("plans.writes.one@example.fr"));
        var (_, second) = await server.Api.PostJsonAsync("/api/cases", Contacts.French("plans.writes.two@example.fr", "Mon vol a été annulé pendant la grève."));
        string one = first.Str("id"), two = second.Str("id");
        var lead = await server.AddAgentAsync("plans.writes@guichet.test", "Lou Plans", Core.Agents.AgentRole.Lead);

        var answers = new List<string>();
        using var plans = await StatementPlans.RecordAsync(server, async () =>
        {
            async Task Post(string url, object body) => answers.Add($"{url}: {(int)(await server.Api.PostJsonAsync(url, body)).Response.StatusCode}");
            await Post($"/api/cases/{one}/notes", new { text = "Le client a rappelé, il attend le remboursement." });
            await Post($"/api/cases/{one}/tags", new { add = new[] { "greve-mars", "remboursement" } });
            await Post("/api/cases/bulk", new { cases = new[] { long.Parse(one), long.Parse(two) }, action = "tag", tags = new[] { "greve-mars" } });
            await Post($"/api/cases/{one}/assign", new { ownerId = lead });
            await Post($"/api/cases/{one}/priority", new { priority = "urgent", reason = "Client en difficulté" });
            await Post($"/api/cases/{two}/messages", new { direction = "in", channel = "email", body = "Je n'ai toujours pas de nouvelles." });
            await Post("/api/channels/phone/calls", new
            {
                caller = "+33 6 12 34 56 78", callee = "+33 1 80 00 00 00", start = GuichetServer.Start, end = GuichetServer.Start.AddMinutes(7),
                outcome = "followUp", notes = "Le client demande où en est son dossier.", callId = "plans-1",
            });
        });

        Assert.True(answers.All(a => a.EndsWith(": 200", StringComparison.Ordinal) || a.EndsWith(": 201", StringComparison.Ordinal) || a.EndsWith(": 202", StringComparison.Ordinal)),
            string.Join("\n", answers));
        await plans.AssertNoWholeTableReadsAsync(server);
    }

    [Fact]
    public async Task A_customers_portal_reads_no_growing_table_whole()
    {
        await server.Api.PostJsonAsync("/api/cases", Contacts.French("plans.portal@example.fr"));
        using var visitor = Browserless.Anonymous(server);
        var answers = new List<string>();
        using var plans = await StatementPlans.RecordAsync(server, async () =>
        {
            var (status, _, location) = await visitor.PostFormAsync("/contact", "/contact", new()
            {
                ["_handler"] = "portal-contact", ["Form.Name"] = "Julien Rio", ["Form.Email"] = "plans.portal.new@example.fr", ["Form.Language"] = "fr",
                ["Form.Subject"] = "Toujours mes bagages", ["Form.Body"] = "Ma valise n'est toujours pas arrivée.",
            });
            answers.Add($"/contact: {(int)status}");
            var follow = new Uri(server.BaseAddress, location ?? "/").PathAndQuery;
            answers.Add($"{follow}: {(int)(await visitor.GetAsync(follow)).Status}");
            (status, _, _) = await visitor.PostFormAsync(follow, follow, new() { ["_handler"] = "portal-reply", ["Body"] = "Voici la photo du bagage." });
            answers.Add($"reply: {(int)status}");
            answers.Add($"/aide: {(int)(await visitor.GetAsync("/aide")).Status}");
        });

        Assert.True(answers.SequenceEqual(["/contact: 302", answers[1][..answers[1].IndexOf(':', StringComparison.Ordinal)] + ": 200", "reply: 302", "/aide: 200"]), string.Join("\n", answers));
        await plans.AssertNoWholeTableReadsAsync(server);
    }

    [Fact]
    public async Task Mail_from_a_customer_with_open_cases_reads_no_growing_table_whole()
    {
        var ct = TestContext.Current.CancellationToken;
        await server.Api.PostJsonAsync("/api/cases", Contacts.French("plans.mail@example.fr"));
        var answers = new List<HttpStatusCode>();
        using var plans = await StatementPlans.RecordAsync(server, async () =>
        {
            foreach (var (subject, id) in new[] { ("Ma valise", "plans-1"), ("Re: Correspondance manquée", "plans-2") })
            {
                var mail = $"From: Julien Rio <plans.mail@example.fr>\r\nTo: support@guichet.test\r\nSubject: {subject}\r\nMessage-ID: <{id}@example.fr>\r\n"
                    + "Date: Fri, 27 Nov 2026 15:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nToujours aucune nouvelle de mes bagages.\r\n";
                using var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(mail));
                content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
                answers.Add((await server.Api.PostAsync("/api/inbound/email", content, ct)).StatusCode);
            }
        });

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted], answers);
        // The intake's own hand-written statements are among them (ModelRows), the same-matter read first.
        Assert.True(plans.Recorded("""FROM "Messages" w WHERE w."CaseId" = c."Id" """), "the same-matter statement was not recorded");
        await plans.AssertNoWholeTableReadsAsync(server);
    }

    [Fact]
    public async Task The_same_matter_statement_reaches_messages_through_the_case()
    {
        using var plans = await StatementPlans.RecordAsync(server, async () =>
        {
            await using var scope = server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Core.Data.GuichetDb>();
            await using var tx = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            await using var rows = new Core.Data.ModelRows(db);
            await OpenMatters.CasesAsync(rows, postgres: false, 1, TestContext.Current.CancellationToken);
        });
        Assert.True(plans.Recorded("""FROM "Messages" w WHERE w."CaseId" = c."Id" """), "the same-matter statement was not recorded");
        await plans.AssertNoWholeTableReadsAsync(server);
    }

    private async Task ContactAsync(string subject, string body, CancellationToken ct)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var opened = await scope.ServiceProvider.GetRequiredService<OpenCase>().ContactAsync(new OpenCaseRequest(
            new CustomerContact("Nadia Benali", "nadia.benali@example.fr", Language: "fr"), "portal", subject, body, null), ct);
        Assert.True(opened.Succeeded, opened.Failure?.ToString());
    }
}
