using System.Text.Json.Nodes;
using Guichet.Core.Cases;
using Guichet.Core.Imports;
using Guichet.Core.Imports.Zammad;

namespace Guichet.Core.Tests.Imports;

/// <summary>Issue 28: what a Zammad export gets wrong is refused record by record, never thrown, and the rest is read.</summary>
public sealed class ZammadExportBrokenTests : IDisposable
{
    // Each test damages its own copy of the sample.
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"guichet-zammad-{Guid.NewGuid():N}");

    public ZammadExportBrokenTests()
    {
        foreach (var file in Directory.EnumerateFiles(ZammadExportTests.Sample, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(folder, Path.GetRelativePath(ZammadExportTests.Sample, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private void Edit(string name, Action<JsonArray> change)
    {
        var path = Path.Combine(folder, name);
        var array = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
        change(array);
        File.WriteAllText(path, array.ToJsonString());
    }

    private static JsonObject Ticket(JsonArray tickets, int id) => tickets.Select(t => t!.AsObject()).Single(t => (int)t["id"]! == id);

    [Fact]
    public async Task A_folder_without_tickets_is_one_refusal()
    {
        File.Delete(Path.Combine(folder, "tickets.json"));
        var refused = Assert.IsType<RefusedRecord>(Assert.Single(await ZammadExportTests.ReadAllAsync(new ZammadExport(folder))));
        Assert.Equal(("export", folder), (refused.Kind, refused.ExternalId));
    }

    [Fact]
    public async Task Tickets_alone_are_enough()
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "tickets.json"))
        {
            File.Delete(file);
        }
        var records = await ZammadExportTests.ReadAllAsync(new ZammadExport(folder));
        Assert.Equal(15, records.Count);
        var printer = records.OfType<ImportedCase>().Single(c => c.ExternalId == "103");
        Assert.Equal((ImportedStatus.Open, CasePriority.High, 0), (printer.Status, printer.Priority, printer.Comments.Count));
        Assert.Empty(printer.Tags);
    }

    [Fact]
    public async Task A_removed_ticket_is_refused_with_its_articles()
    {
        Edit("tickets.json", tickets =>
        {
            Ticket(tickets, 106)["state_id"] = 6;
            Ticket(tickets, 106)["state"] = "removed";
        });
        var records = await ZammadExportTests.ReadAllAsync(new ZammadExport(folder));
        var refused = Assert.Single(records.OfType<RefusedRecord>());
        Assert.Equal(("ticket", "106"), (refused.Kind, refused.ExternalId));
        Assert.Contains("removed", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(14, records.OfType<ImportedCase>().Count());
    }

    [Fact]
    public async Task Unreadable_records_are_refused_and_the_others_read()
    {
        File.WriteAllText(Path.Combine(folder, "users.json"), File.ReadAllText(Path.Combine(folder, "users.json"))[..3000]);
        Edit("tickets.json", tickets => Ticket(tickets, 113).Remove("id"));
        Edit("ticket_articles.json", articles => articles.Add(new JsonObject { ["id"] = 999, ["ticket_id"] = 998, ["created_at"] = "2024-03-01T00:00:00.000Z" }));
        File.Delete(Path.Combine(folder, "knowledge_base.json"));
        var reader = new ZammadExport(folder);

        var records = await ZammadExportTests.ReadAllAsync(reader);

        var refused = records.OfType<RefusedRecord>().Select(r => (r.Kind, r.ExternalId)).ToList();
        Assert.Equal([("file", "users.json"), ("ticket", "24113"), ("comment", "540"), ("comment", "541"), ("comment", "999")], refused);
        Assert.Contains(records.OfType<ImportedPerson>(), p => p.ExternalId == "2");
        Assert.Equal(14, records.OfType<ImportedCase>().Count());
        Assert.Empty(records.OfType<ImportedArticle>());
        Assert.Equal(1, reader.Done);
    }

    [Fact]
    public async Task A_byte_order_mark_is_not_bad_json()
    {
        foreach (var name in new[] { "tickets.json", "users.json", "tags.json" })
        {
            var path = Path.Combine(folder, name);
            File.WriteAllText(path, File.ReadAllText(path), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        }
        var records = await ZammadExportTests.ReadAllAsync(new ZammadExport(folder));
        Assert.Empty(records.OfType<RefusedRecord>());
        Assert.Equal(11, records.OfType<ImportedPerson>().Count());
        Assert.Equal(["imprimante", "garantie", "vip"], records.OfType<ImportedCase>().Single(c => c.ExternalId == "103").Tags);
    }

    [Fact]
    public async Task A_tickets_file_cut_short_keeps_the_tickets_before_the_cut()
    {
        var path = Path.Combine(folder, "tickets.json");
        File.WriteAllText(path, File.ReadAllText(path)[..12000]);
        var records = await ZammadExportTests.ReadAllAsync(new ZammadExport(folder));
        var refused = Assert.Single(records.OfType<RefusedRecord>());
        Assert.Equal(("file", "tickets.json"), (refused.Kind, refused.ExternalId));
        Assert.InRange(records.OfType<ImportedCase>().Count(), 1, 14);
        Assert.Equal(6, records.OfType<ImportedArticle>().Count());
    }
}
