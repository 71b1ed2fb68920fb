using Guichet.Core.Cases;
using Guichet.Core.Imports;
using Guichet.Core.Imports.Zendesk;

namespace Guichet.Core.Tests.Imports;

/// <summary>The Zendesk reader on the sample export (every shape its README lists) and on broken copies: refused record by record, never an exception.</summary>
public sealed class ZendeskExportTests : IDisposable
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "Imports", "Samples", "zendesk");
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("zendesk-");

    public void Dispose() => folder.Delete(recursive: true);

    private static Task<List<ImportRecord>> ReadAsync(string path) => FreshdeskSample.ReadAsync(new ZendeskExport(path), TestContext.Current.CancellationToken);

    private void Write(string file, string text) => File.WriteAllText(Path.Combine(folder.FullName, file), text);

    [Fact]
    public async Task The_sample_gives_every_kind_in_order_the_last_version_of_a_repeated_ticket_and_refuses_the_deleted_one()
    {
        var records = await ReadAsync(Sample);
        Assert.Equal((3, 8, 4, 15), (records.OfType<ImportedTeam>().Count(), records.OfType<ImportedField>().Count(), records.OfType<ImportedOrganisation>().Count(), records.OfType<ImportedPerson>().Count()));
        Assert.Equal((16, 4, 5), (records.OfType<ImportedCase>().Count(), records.OfType<ImportedRating>().Count(), records.OfType<ImportedArticle>().Count()));
        Assert.Contains(records.OfType<RefusedRecord>(), r => r is { Kind: "ticket", ExternalId: "4115" });
        // Kinds come in the order their references need.
        var order = records.Where(r => r is not RefusedRecord).Select(r => r.GetType().Name).Distinct().ToList();
        Assert.Equal(["ImportedTeam", "ImportedField", "ImportedOrganisation", "ImportedPerson", "ImportedCase", "ImportedRating", "ImportedArticle"], order);

        var repeated = Assert.Single(records.OfType<ImportedCase>(), c => c.ExternalId == "4114");
        Assert.Equal((ImportedStatus.Open, CasePriority.High), (repeated.Status, repeated.Priority));
        var c = records.OfType<ImportedCase>().Single(c => c.ExternalId == "4103");
        Assert.Equal(10, c.Comments.Count);
        Assert.Equal(3, c.Comments.Count(x => !x.Public));
        Assert.True(c.Comments.Zip(c.Comments.Skip(1)).All(p => p.First.CreatedAt <= p.Second.CreatedAt));
        Assert.Equal(TimeSpan.Zero, c.CreatedAt.Offset);
        Assert.Equal("4105", records.OfType<ImportedCase>().Single(x => x.ExternalId == "4104").MergedInto);
        Assert.Equal(ImportedStatus.OnHold, records.OfType<ImportedCase>().Single(x => x.ExternalId == "4108").Status);
        // The HTML-only comment keeps its HTML; the inline image and the missing files are told apart.
        Assert.NotNull(records.OfType<ImportedCase>().Single(x => x.ExternalId == "4110").Comments[0].Html);
        var files = c.Comments.SelectMany(x => x.Files).ToList();
        Assert.Contains(files, f => f is { FileName: "capture-erreur.png", Inline: true, LocalPath: not null });
        Assert.Contains(files, f => f is { FileName: "contrat-signe.pdf", LocalPath: null });
        // A second address is kept; a customer without email is known by their phone.
        var people = records.OfType<ImportedPerson>().ToDictionary(p => p.ExternalId);
        Assert.Equal(2, people["9000000010"].Emails.Count);
        Assert.False(people["9000000005"].Active);
        Assert.Empty(people["9000000019"].Emails);
        Assert.NotEmpty(people["9000000019"].Phones);
    }

    [Fact]
    public async Task One_ticket_per_line_reads_the_same_tickets_as_the_pages()
    {
        File.Copy(Path.Combine(Sample, "tickets-with-comments.jsonl"), Path.Combine(folder.FullName, "tickets-with-comments.jsonl"));
        var records = await ReadAsync(folder.FullName);
        var fromPages = (await ReadAsync(Sample)).OfType<ImportedCase>().Select(c => c.ExternalId).Order().ToList();
        Assert.Equal(fromPages, records.OfType<ImportedCase>().Select(c => c.ExternalId).Order().ToList());
        Assert.Equal(10, records.OfType<ImportedCase>().Single(c => c.ExternalId == "4103").Comments.Count);
    }

    [Fact]
    public async Task Bad_lines_and_stray_values_are_refused_and_the_rest_read()
    {
        Write("tickets-with-comments.jsonl", string.Join('\n',
            """{"id": 1, "subject": "One", "status": "open", "requester_id": 5, "created_at": "2024-03-04T08:00:00+01:00", "comments": [{"id": 11, "author_id": 5, "public": true, "plain_body": "hi", "created_at": "2024-03-04T08:00:00+01:00"}, 42, "x"]}""",
            """{"id": 2, "subject": "Two", "comments": [""",
            "42",
            """{"subject": "no id"}""",
            """{"id": 3, "subject": "Three", "status": "deleted"}""",
            """{"id": 4, "subject": "Four", "via": "web", "custom_fields": [7, {"id": 9}], "tags": [1, null, "ok"], "comments": []}"""));
        var records = await ReadAsync(folder.FullName);
        var cases = records.OfType<ImportedCase>().ToList();
        Assert.Equal(["1", "4"], cases.Select(c => c.ExternalId));
        Assert.Single(cases[0].Comments);
        // Dates with an offset come out in UTC: PostgreSQL keeps instants.
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 7, 0, 0, TimeSpan.Zero), cases[0].CreatedAt);
        Assert.Equal(TimeSpan.Zero, cases[0].CreatedAt.Offset);
        var refused = records.OfType<RefusedRecord>().Select(r => r.ExternalId).ToList();
        Assert.Equal(["line 2", "line 3", "line 4", "3"], refused);
    }

    [Fact]
    public async Task A_folder_without_tickets_is_refused_as_a_whole_and_a_file_that_is_not_JSON_is_named()
    {
        Write("groups.json", "{ not json");
        var records = await ReadAsync(folder.FullName);
        Assert.Contains(records.OfType<RefusedRecord>(), r => r.Kind == "file" && r.ExternalId == "groups.json");
        Assert.Contains(records.OfType<RefusedRecord>(), r => r.Kind == "export");
        Assert.Empty(records.OfType<ImportedCase>());
    }

    [Fact]
    public async Task A_manifest_cannot_point_outside_the_export()
    {
        Directory.CreateDirectory(Path.Combine(folder.FullName, "attachments"));
        File.WriteAllText(Path.Combine(folder.FullName, "secret.txt"), "not yours");
        Write(Path.Combine("attachments", "manifest.json"), """{"attachments": [{"attachment_id": 1, "local_file": "../secret.txt"}, {"attachment_id": 2, "local_file": "a\u0000b"}]}""");
        Write("tickets-with-comments.jsonl", """{"id": 1, "subject": "One", "requester_id": 5, "comments": [{"id": 11, "author_id": 5, "plain_body": "see file", "attachments": [{"id": 1, "file_name": "secret.txt"}, {"id": 2, "file_name": "b"}]}]}""");
        var c = Assert.Single((await ReadAsync(folder.FullName)).OfType<ImportedCase>());
        Assert.All(c.Comments[0].Files, f => Assert.Null(f.LocalPath));
    }
}
