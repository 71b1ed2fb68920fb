using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Guichet.Testing;

namespace Guichet.IntegrationTests.Imports;

/// <summary>
/// Issue 28 (W10): a help desk's export, sent as a zip to /api/imports, is imported in the background —
/// people, cases with their conversations in order, notes, files, tags, fields, ratings, articles —
/// with what it refused reported; a dry run writes nothing, and a second run brings nothing twice.
/// </summary>
public abstract class ImportTests(GuichetServer server)
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_Zendesk_export_comes_in_with_its_threads_authors_dates_tags_and_fields_and_a_second_run_brings_nothing_twice()
    {
        server.SkipIfUnavailable();
        var dry = await ImportAsync("zendesk", dryRun: true);
        Assert.Equal(16, Count(dry, "created", "case"));
        (await server.Api.GetJsonAsync("/api/imports/lookup?source=zendesk&externalId=4103")).AssertProblemNames(404, "externalId");

        var run = await ImportAsync("zendesk");
        Assert.Equal(("done", 16, 38, 11), (run.Str("state"), Count(run, "created", "case"), Count(run, "created", "message"), Count(run, "created", "note")));
        Assert.Equal((4, 5), (Count(run, "created", "rating"), Count(run, "created", "article")));
        var refused = run["report"]!["refused"]!.AsArray().Select(r => $"{r!.Str("kind")} {r!.Str("externalId")}").ToList();
        Assert.Contains("ticket 4115", refused);
        Assert.Contains("file 4101/20000000011", refused);

        // 4103: ten comments, seven public in order with their authors and dates, three internal notes.
        var c = await CaseAsync("zendesk", "4103");
        Assert.Equal(("Écran d'accueil figé après mise à jour 4.2.1", "open", "urgent", "Tom Becker"), (c.Str("subject"), c.Str("status"), c.Str("priority"), c["owner"]!.Str("name")));
        Assert.Equal("Sophie Lefèvre", c["customer"]!.Str("name"));
        var messages = c["messages"]!.AsArray();
        Assert.Equal(["in", "out", "in", "out", "in", "out", "in"], messages.Select(m => m!.Str("direction")));
        Assert.Equal(["Sophie Lefèvre", "Amélie Rousseau", "Sophie Lefèvre", "Tom Becker", "Sophie Lefèvre", "Tom Becker", "Sophie Lefèvre"], messages.Select(m => m!.Str("author")));
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 8, 20, 0, TimeSpan.Zero), DateTimeOffset.Parse(messages[0]!.Str("createdAt"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 8, 20, 0, TimeSpan.Zero), DateTimeOffset.Parse(c.Str("createdAt"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("ecran-fige.png", messages[0]!["attachments"]![0]!.Str("fileName"));
        Assert.Contains("contrat-signe.pdf", messages[6]!.Str("body"));
        var events = c["events"]!.AsArray();
        Assert.Equal(3, events.Count(e => e!.Str("kind") == "note"));
        Assert.Contains(events, e => e!.Str("kind") == "imported" && e!.Str("detail") == "Zendesk #4103");
        Assert.Empty(c["promises"]!.AsArray());
        Assert.Null(c["acknowledgment"]);
        // Tags as Guichet writes them (underscores become dashes, as an agent typing them would get).
        Assert.Equal(["categorie-technique-ecran", "client-vip", "v4-2-1"], c["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        var fields = c["customFields"]!.AsObject().Select(f => f.Value!.GetValue<string>()).ToList();
        Assert.Contains("Technique::Écran / affichage", fields);
        Assert.Contains("3", fields);
        Assert.Contains("true", fields);

        // A merged ticket is closed, pointing to the case it went into; a deleted requester keeps their tickets.
        var merged = await CaseAsync("zendesk", "4104");
        var into = await CaseAsync("zendesk", "4105");
        Assert.Equal("closed", merged.Str("status"));
        Assert.Contains(merged["events"]!.AsArray(), e => e!.Str("kind") == "caseMerged" && e!.Str("to") == into.Str("reference"));
        Assert.Equal("Zendesk user 9000000099", (await CaseAsync("zendesk", "4106"))["customer"]!.Str("name"));
        Assert.Contains("on-hold", (await CaseAsync("zendesk", "4108"))["tags"]!.AsArray().Select(t => t!.GetValue<string>()));

        var again = await ImportAsync("zendesk");
        Assert.Equal((0, 16), (Count(again, "created", "case"), Count(again, "unchanged", "case")));
        Assert.Equal((0, 0, 0), (Count(again, "created", "message"), Count(again, "created", "customer"), Count(again, "created", "rating")));
        Assert.Equal(messages.Count, (await CaseAsync("zendesk", "4103"))["messages"]!.AsArray().Count);

        // Later, in Zendesk, 4105 got an answer from its customer and was solved: a new export updates the case, nothing twice.
        var before = await CaseAsync("zendesk", "4105");
        var later = await ImportAsync("zendesk", zip: ZipFolder(Changed4105()));
        Assert.Equal((1, 15, 1), (Count(later, "updated", "case"), Count(later, "unchanged", "case"), Count(later, "created", "message")));
        var after = await CaseAsync("zendesk", "4105");
        Assert.Equal(("resolved", before["messages"]!.AsArray().Count + 1), (after.Str("status"), after["messages"]!.AsArray().Count));
        Assert.Equal("Thanks, it works now.", after["messages"]!.AsArray().Last()!.Str("body"));
        Assert.Equal(before.Str("reference"), after.Str("reference"));
        var last = await ImportAsync("zendesk", zip: ZipFolder(Changed4105()));
        Assert.Equal((0, 16, 0), (Count(last, "updated", "case"), Count(last, "unchanged", "case"), Count(last, "created", "message")));
    }

    /// <summary>A copy of the Zendesk sample where ticket 4105 was solved after a last word from its customer.</summary>
    private static string Changed4105()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"zendesk-{Guid.NewGuid():N}");
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "Imports", "Samples", "zendesk"), folder);
        var tickets = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "tickets.json")))!;
        foreach (var t in tickets["tickets"]!.AsArray().Where(t => t!["id"]!.GetValue<long>() == 4105))
        {
            t!["status"] = "solved";
            t["updated_at"] = "2024-03-20T10:00:00Z";
        }
        File.WriteAllText(Path.Combine(folder, "tickets.json"), tickets.ToJsonString());
        var comments = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "ticket_comments", "4105.json")))!;
        comments["comments"]!.AsArray().Add(new JsonObject
        {
            ["id"] = 39990000001, ["author_id"] = 9000000013, ["public"] = true, ["body"] = "Thanks, it works now.", ["created_at"] = "2024-03-20T09:00:00Z",
            ["via"] = new JsonObject { ["channel"] = "email" },
        });
        File.WriteAllText(Path.Combine(folder, "ticket_comments", "4105.json"), comments.ToJsonString());
        return folder;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        }
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_Zammad_export_comes_in_with_its_merged_ticket_and_system_articles_and_a_second_run_brings_nothing_twice()
    {
        server.SkipIfUnavailable();
        var run = await ImportAsync("zammad");
        Assert.Equal(("done", 15, 38, 9), (run.Str("state"), Count(run, "created", "case"), Count(run, "created", "message"), Count(run, "created", "note")));
        Assert.Equal(6, Count(run, "created", "article"));

        // 103: ten articles; a phone note an agent took for the customer is the customer's word (origin_by_id); four internal notes.
        var c = await CaseAsync("zammad", "103");
        Assert.Equal(("Imprimante : voyant orange clignotant", "open", "high", "Hugo Bernard"), (c.Str("subject"), c.Str("status"), c.Str("priority"), c["owner"]!.Str("name")));
        var messages = c["messages"]!.AsArray();
        Assert.Equal(["in", "in", "in", "out", "in", "out"], messages.Select(m => m!.Str("direction")));
        Assert.Equal(["Léa Fontaine", "Léa Fontaine", "Léa Fontaine", "Hugo Bernard", "Léa Fontaine", "Hugo Bernard"], messages.Select(m => m!.Str("author")));
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 8, 30, 0, TimeSpan.Zero), DateTimeOffset.Parse(c.Str("createdAt"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["phone", "phone", "email", "email", "email", "email"], messages.Select(m => m!.Str("channel")));
        Assert.Equal(4, c["events"]!.AsArray().Count(e => e!.Str("kind") == "note"));
        Assert.Equal(["garantie", "imprimante", "vip"], c["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        var fields = c["customFields"]!.AsObject().Select(f => f.Value!.GetValue<string>()).ToList();
        Assert.Contains("2", fields);
        Assert.Contains("true", fields);
        var merged = await CaseAsync("zammad", "104");
        Assert.Equal("closed", merged.Str("status"));
        var into = (await CaseAsync("zammad", "105")).Str("reference");
        Assert.Contains(merged["events"]!.AsArray(), e => e!.Str("kind") == "caseMerged" && e!.Str("to") == into);
        // The trigger's auto-reply is an automatic word, not an agent's answer.
        Assert.Contains((await CaseAsync("zammad", "101"))["messages"]!.AsArray(), m => m!["automatic"]!.GetValue<bool>());

        var again = await ImportAsync("zammad");
        Assert.Equal((0, 15, 0), (Count(again, "created", "case"), Count(again, "unchanged", "case"), Count(again, "created", "message")));
    }

    [Fact]
    public async Task A_Freshdesk_export_comes_in_with_its_conversations_ratings_and_refusals_and_a_second_run_brings_nothing_twice()
    {
        server.SkipIfUnavailable();
        var run = await ImportAsync("freshdesk");
        Assert.Equal(("done", 14, 39, 17), (run.Str("state"), Count(run, "created", "case"), Count(run, "created", "message"), Count(run, "created", "note")));
        Assert.Equal((4, 6), (Count(run, "created", "rating"), Count(run, "created", "article")));
        var refused = run["report"]!["refused"]!.AsArray().Select(r => r!.Str("reason")).ToList();
        Assert.Contains(refused, r => r.Contains("devis-D-7781.html", StringComparison.Ordinal));

        // 303: its description, then ten conversations: replies, the customer's answers, five private notes.
        var c = await CaseAsync("freshdesk", "303");
        Assert.Equal(("Terminal de paiement bloqué « E-217 »", "open", "urgent", "Oscar Lindqvist"), (c.Str("subject"), c.Str("status"), c.Str("priority"), c["owner"]!.Str("name")));
        var messages = c["messages"]!.AsArray();
        Assert.Equal(["in", "out", "in", "out", "in", "out"], messages.Select(m => m!.Str("direction")));
        Assert.Equal(["Marie-Anne Lévêque", "Oscar Lindqvist", "Marie-Anne Lévêque", "Oscar Lindqvist", "Marie-Anne Lévêque", "Oscar Lindqvist"], messages.Select(m => m!.Str("author")));
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 8, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse(messages[0]!.Str("createdAt"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(5, c["events"]!.AsArray().Count(e => e!.Str("kind") == "note"));
        Assert.Equal(["terminal", "urgent"], c["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        var fields = c["customFields"]!.AsObject().Select(f => f.Value!.GetValue<string>()).ToList();
        Assert.Contains("3", fields);
        Assert.Contains("Terminal de paiement", fields);
        Assert.Contains("Ventes", fields);

        var again = await ImportAsync("freshdesk");
        Assert.Equal((0, 14, 0, 0), (Count(again, "created", "case"), Count(again, "unchanged", "case"), Count(again, "created", "message"), Count(again, "created", "rating")));
    }

    [Fact]
    public async Task A_CSV_of_messages_comes_in_a_case_per_ticket_with_its_bad_rows_refused_by_line()
    {
        server.SkipIfUnavailable();
        var run = await ImportAsync("cases");
        Assert.Equal(("done", 3, 7, 1), (run.Str("state"), Count(run, "created", "case"), Count(run, "created", "message"), Count(run, "created", "note")));
        var refused = run["report"]!["refused"]!.AsArray().Select(r => $"{r!.Str("externalId")}: {r!.Str("reason")}").ToList();
        Assert.Contains(refused, r => r.StartsWith("line 11: 'hier matin'", StringComparison.Ordinal));
        Assert.Contains(refused, r => r.StartsWith("line 13: No ticket id", StringComparison.Ordinal));

        var c = await CaseAsync("csv", "T-1");
        Assert.Equal(("Pompe de filtration bruyante", "open", "high", "Léa Martin"), (c.Str("subject"), c.Str("status"), c.Str("priority"), c["owner"]!.Str("name")));
        var messages = c["messages"]!.AsArray();
        Assert.Equal(["in", "out", "in"], messages.Select(m => m!.Str("direction")));
        // A quoted body keeps its lines and its doubled quotes.
        Assert.Equal("Bonjour,\nla pompe fait un bruit de ferraille depuis hier.\nMarc", messages[0]!.Str("body"));
        Assert.Contains("\"métallique\"", messages[2]!.Str("body"));
        Assert.Contains(c["events"]!.AsArray(), e => e!.Str("kind") == "note" && e!.Str("detail")!.Contains("roulement", StringComparison.Ordinal));
        Assert.Equal(["bruit", "pompe"], c["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Contains("CMD-2041", c["customFields"]!.AsObject().Select(f => f.Value!.GetValue<string>()));

        var again = await ImportAsync("cases");
        Assert.Equal((0, 3, 0), (Count(again, "created", "case"), Count(again, "unchanged", "case"), Count(again, "created", "message")));
    }

    [Fact]
    public async Task Asked_to_the_open_tickets_still_waiting_get_a_first_response_promise_on_their_teams_calendar()
    {
        server.SkipIfUnavailable();
        var folder = Directory.CreateTempSubdirectory("guichet-import-promise-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "cases.csv"), """
                ticket,subject,status,priority,channel,team,tags,customer_name,customer_email,customer_phone,assignee_name,assignee_email,from,author_name,author_email,at,body
                P-1,Filtre bouché,open,normal,email,,,Nina Filtre,nina.filtre@example.fr,,,,customer,,,2023-06-12T08:00:00Z,Bonjour le filtre est bouché.
                P-2,Merci,solved,normal,email,,,Nina Filtre,nina.filtre@example.fr,,,,customer,,,2023-06-13T08:00:00Z,Merci pour tout.
                """);
            var (posted, run) = await PostAsync("/api/imports?source=cases&promiseOpen=true", ZipFolder(folder));
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            for (var i = 0; i < 600 && run.Str("state") is "queued" or "running"; i++)
            {
                await Task.Delay(100, Ct);
                run = (await server.Api.GetJsonAsync($"/api/imports/{run.Str("id")}")).Body;
            }
            Assert.True(run.Str("state") == "done", run.ToJsonString());
            var waiting = (await CaseAsync("csv", "P-1"))["promises"]!.AsArray();
            var promise = Assert.Single(waiting)!;
            Assert.Equal(("open", "firstResponse"), (promise.Str("state"), promise.Str("kind")));
            Assert.True(DateTimeOffset.Parse(promise.Str("dueAt"), System.Globalization.CultureInfo.InvariantCulture) > server.Clock.GetUtcNow());
            Assert.Empty((await CaseAsync("csv", "P-2"))["promises"]!.AsArray());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_bad_import_request_names_its_field_and_writes_nothing()
    {
        server.SkipIfUnavailable();
        (await PostAsync("/api/imports?source=jira", Zip("zendesk"))).AssertProblemNames(400, "source");
        (await PostAsync("/api/imports?source=zendesk&dryRun=peut-etre", Zip("zendesk"))).AssertProblemNames(400, "dryRun");
        (await PostAsync("/api/imports?source=zendesk&team=nulle-part", Zip("zendesk"))).AssertProblemNames(400, "team");
        (await PostAsync("/api/imports?source=zendesk", [1, 2, 3, 4])).AssertProblemNames(400, "body");
        (await server.Api.GetJsonAsync("/api/imports/999999")).AssertProblemNames(404, "id");
        (await server.Api.GetJsonAsync("/api/imports/lookup?externalId=1")).AssertProblemNames(400, "source");
    }

    private async Task<JsonNode> ImportAsync(string source, bool dryRun = false, byte[]? zip = null)
    {
        var (posted, run) = await PostAsync($"/api/imports?source={source}&dryRun={(dryRun ? "true" : "false")}", zip ?? Zip(source));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        // The run is a background job on a real thread: its progress is read until it ends.
        for (var i = 0; i < 600 && run.Str("state") is "queued" or "running"; i++)
        {
            await Task.Delay(100, Ct);
            run = (await server.Api.GetJsonAsync($"/api/imports/{run.Str("id")}")).Body;
        }
        Assert.True(run.Str("state") == "done", run.ToJsonString());
        return run;
    }

    private async Task<(HttpResponseMessage Response, JsonNode Body)> PostAsync(string url, byte[] zip)
    {
        using var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        var response = await server.Api.PostAsync(url, content, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response, JsonNode.Parse(text.Length == 0 ? "{}" : text)!);
    }

    private static byte[] Zip(string source) =>
        ZipFolder(Path.Combine(AppContext.BaseDirectory, "Imports", "Samples", source == "cases" ? "csv" : source));

    private static byte[] ZipFolder(string folder)
    {
        using var buffer = new MemoryStream();
        ZipFile.CreateFromDirectory(folder, buffer);
        return buffer.ToArray();
    }

    private async Task<JsonNode> CaseAsync(string source, string externalId)
    {
        var (_, key) = await server.Api.GetJsonAsync($"/api/imports/lookup?source={source}&externalId={externalId}");
        return (await server.Api.GetJsonAsync($"/api/cases/{key.Str("localId")}")).Body;
    }

    private static int Count(JsonNode run, string what, string kind) => run["report"]![what]![kind]?.GetValue<int>() ?? 0;
}

public sealed class ImportsOnSqlite(SqliteServer server) : ImportTests(server), IClassFixture<SqliteServer>;
public sealed class ImportsOnPostgres(PostgresServer server) : ImportTests(server), IClassFixture<PostgresServer>;
