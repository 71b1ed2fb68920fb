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
        var reads = await plans.WholeTableReadsAsync(server);
        Assert.True(reads.Count == 0, string.Join("\n", reads));
    }

    [Fact]
    public async Task An_agents_day_through_the_api_reads_no_growing_table_whole()
    {
        var ct = TestContext.Current.CancellationToken;
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
        var reads = await plans.WholeTableReadsAsync(server);
        Assert.True(reads.Count == 0, string.Join("\n", reads));
        _ = ct;
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
        var reads = await plans.WholeTableReadsAsync(server);
        Assert.True(reads.Count == 0, string.Join("\n", reads));
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
        var reads = await plans.WholeTableReadsAsync(server);
        Assert.True(reads.Count == 0, string.Join("\n", reads));
    }

    [Fact]
    public async Task The_same_matter_statement_reaches_messages_through_the_case()
    {
        var reads = await StatementPlans.WholeTableReadsAsync(server, OpenMatters.OnSqlite,
            ("@p0", 1L), ("@p1", "New"), ("@p2", "Open"), ("@p3", "WaitingOnCustomer"), ("@p4", "In"), ("@p5", false), ("@p6", "SideIn"));
        Assert.True(reads.Count == 0, string.Join("\n", reads));
    }

    private async Task ContactAsync(string subject, string body, CancellationToken ct)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var opened = await scope.ServiceProvider.GetRequiredService<OpenCase>().ContactAsync(new OpenCaseRequest(
            new CustomerContact("Nadia Benali", "nadia.benali@example.fr", Language: "fr"), "portal", subject, body, null), ct);
        Assert.True(opened.Succeeded, opened.Failure?.ToString());
    }
}
