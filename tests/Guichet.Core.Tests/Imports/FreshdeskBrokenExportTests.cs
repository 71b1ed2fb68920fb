using Guichet.Core.Imports;
using Guichet.Core.Imports.Freshdesk;

namespace Guichet.Core.Tests.Imports;

/// <summary>Bad data is refused record by record, with why, and the reading goes on: never an exception.</summary>
public sealed class FreshdeskBrokenExportTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("freshdesk-");

    public void Dispose() => folder.Delete(recursive: true);

    private void Write(string file, string json)
    {
        var path = Path.Combine(folder.FullName, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
    }

    private Task<List<ImportRecord>> ReadAsync() => FreshdeskSample.ReadAsync(new FreshdeskExport(folder.FullName), TestContext.Current.CancellationToken);

    private const string Ticket = """{"id": 7, "subject": "Hello", "status": 2, "priority": 1, "source": 1, "requester_id": 1, "created_at": "2024-03-04T08:00:00Z", "description_text": "hi"}""";

    [Fact]
    public async Task A_folder_without_tickets_is_refused_as_a_whole()
    {
        Write("contacts.json", "[]");
        var reader = new FreshdeskExport(folder.FullName);

        var refused = Assert.IsType<RefusedRecord>(Assert.Single(await FreshdeskSample.ReadAsync(reader, TestContext.Current.CancellationToken)));
        Assert.Equal(("export", folder.FullName, 1.0), (refused.Kind, refused.ExternalId, reader.Done));
    }

    [Fact]
    public async Task A_ticket_without_id_is_refused_and_the_next_one_read()
    {
        Write("tickets.json", $$"""[{"subject": "no id"}, 42, {{Ticket}}]""");

        var records = await ReadAsync();

        Assert.Equal([("ticket", "tickets.json[0]"), ("ticket", "tickets.json[1]")], records.OfType<RefusedRecord>().Select(r => (r.Kind, r.ExternalId)));
        Assert.Equal("7", Assert.Single(records.OfType<ImportedCase>()).ExternalId);
    }

    [Fact]
    public async Task Conversations_that_are_not_json_leave_the_ticket_with_its_description()
    {
        Write("tickets.json", $"[{Ticket}]");
        Write("conversations/7.json", "<html>502 Bad Gateway</html>");

        var records = await ReadAsync();

        var refused = Assert.Single(records.OfType<RefusedRecord>());
        Assert.Equal(("conversations", "7"), (refused.Kind, refused.ExternalId));
        Assert.Contains("7.json is not JSON", refused.Reason, StringComparison.Ordinal);
        Assert.Equal("hi", Assert.Single(Assert.Single(records.OfType<ImportedCase>()).Comments).Text);
    }

    [Fact]
    public async Task A_rating_of_an_unknown_ticket_or_off_the_scale_is_refused()
    {
        Write("tickets.json", $"[{Ticket}]");
        Write("satisfaction_ratings.json", """
            [{"id": 1, "ticket_id": 8, "ratings": {"default_question": 103}, "created_at": "2024-03-05T08:00:00Z"},
             {"id": 2, "ticket_id": 7, "ratings": {"default_question": 57}, "created_at": "2024-03-05T08:00:00Z"},
             {"id": 3, "ticket_id": 7, "ratings": {"default_question": -102}, "created_at": "2024-03-05T08:00:00Z"}]
            """);

        var records = await ReadAsync();

        Assert.Equal(["1", "2"], records.OfType<RefusedRecord>().Select(r => r.ExternalId));
        Assert.Contains("ticket 8 is not in the export", records.OfType<RefusedRecord>().First().Reason, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single(records.OfType<ImportedRating>()).Csat);
    }

    [Fact]
    public async Task A_file_cut_short_keeps_what_came_before_the_break()
    {
        Write("tickets.json", $"[{Ticket}, {{\"id\": 8, \"subj");
        Write("contacts.json", "{\"not\": \"an array\"}");

        var records = await ReadAsync();

        Assert.Equal(["person", "ticket"], records.OfType<RefusedRecord>().Select(r => r.Kind));
        Assert.Equal("7", Assert.Single(records.OfType<ImportedCase>()).ExternalId);
    }
}
