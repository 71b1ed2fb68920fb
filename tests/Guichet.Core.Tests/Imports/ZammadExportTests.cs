using Guichet.Core.Cases;
using Guichet.Core.Imports;
using Guichet.Core.Imports.Zammad;

namespace Guichet.Core.Tests.Imports;

/// <summary>Issue 28: the Zammad sample export (see its README) read into Guichet's import records.</summary>
public sealed class ZammadExportTests
{
    internal static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "Imports", "Samples", "zammad");

    // Read once: every test looks at the same records from a different side.
    private static readonly Lazy<Task<List<ImportRecord>>> Records = new(() => ReadAllAsync(new ZammadExport(Sample)));

    internal static async Task<List<ImportRecord>> ReadAllAsync(ExportReader reader)
    {
        var records = new List<ImportRecord>();
        await foreach (var record in reader.ReadAsync(CancellationToken.None))
        {
            records.Add(record);
        }
        return records;
    }

    internal static Task<List<ImportRecord>> SampleAsync() => Records.Value;

    internal static async Task<ImportedCase> CaseAsync(string id) => (await Records.Value).OfType<ImportedCase>().Single(c => c.ExternalId == id);

    internal static async Task<ImportedComment> CommentAsync(string id) =>
        (await Records.Value).OfType<ImportedCase>().SelectMany(c => c.Comments).Single(c => c.ExternalId == id);

    [Fact]
    public async Task Every_record_comes_once_in_the_order_references_need_and_nothing_is_refused()
    {
        var records = await Records.Value;
        Assert.Empty(records.OfType<RefusedRecord>());
        Assert.Equal(3, records.OfType<ImportedTeam>().Count());
        Assert.Equal(7, records.OfType<ImportedField>().Count());
        Assert.Equal(4, records.OfType<ImportedOrganisation>().Count());
        Assert.Equal(11, records.OfType<ImportedPerson>().Count());
        Assert.Equal(15, records.OfType<ImportedCase>().Count());
        Assert.Equal(6, records.OfType<ImportedArticle>().Count());
        Assert.Empty(records.OfType<ImportedRating>());
        Type[] order = [typeof(ImportedTeam), typeof(ImportedField), typeof(ImportedOrganisation), typeof(ImportedPerson), typeof(ImportedCase), typeof(ImportedArticle)];
        var ranks = records.Select(r => Array.IndexOf(order, r.GetType())).ToList();
        Assert.Equal(ranks.Order(), ranks);
    }

    [Fact]
    public async Task The_long_printer_ticket_keeps_its_ten_articles_in_order_with_who_spoke_and_who_could_see()
    {
        var printer = await CaseAsync("103");
        Assert.Equal(("24103", ImportedStatus.Open, CasePriority.High, Channel.Phone), (printer.Number, printer.Status, printer.Priority, printer.Channel));
        Assert.Equal(["508", "509", "510", "511", "512", "513", "514", "515", "516", "517"], printer.Comments.Select(c => c.ExternalId));
        Assert.Equal([true, true, true, false, false, true, true, false, true, false], printer.Comments.Select(c => c.Public));
        // 509 was typed by Camille (2) for Léa (15) on the phone: Léa is who spoke.
        Assert.Equal(["15", "15", "15", "2", "3", "3", "15", "3", "3", "3"], printer.Comments.Select(c => c.AuthorExternalId));
        Assert.Equal([Channel.Phone, Channel.Phone, Channel.Email, null, null, Channel.Email, Channel.Email, null, Channel.Email, null], printer.Comments.Select(c => c.Channel));
        Assert.Equal("gerance@cafe-des-arts.example.com", printer.Comments[8].Cc);
        Assert.Equal(["imprimante", "garantie", "vip"], printer.Tags);
        Assert.All(printer.Comments, c => Assert.Equal("", c.Text));
        Assert.Contains("<img src=\"/api/v1/ticket_attachment/103/512/902", printer.Comments[4].Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_merged_ticket_is_closed_into_the_one_that_holds_its_emails_now()
    {
        var merged = await CaseAsync("104");
        Assert.Equal((ImportedStatus.Closed, "105", null), (merged.Status, merged.MergedInto, merged.AssigneeExternalId));
        Assert.Equal("merged", Assert.Single(merged.Comments).Html);
        var target = await CaseAsync("105");
        Assert.Null(target.MergedInto);
        Assert.Equal(["518", "519", "520", "521", "523"], target.Comments.Select(c => c.ExternalId));
        Assert.Equal(["13", "13"], target.Comments.Where(c => c.ExternalId is "520" or "521").Select(c => c.AuthorExternalId));
    }

    [Fact]
    public async Task States_priorities_and_assignees_follow_the_mapping_table()
    {
        var cases = (await Records.Value).OfType<ImportedCase>().ToDictionary(c => c.ExternalId);
        Assert.Equal(ImportedStatus.New, cases["113"].Status);
        Assert.Equal(ImportedStatus.Pending, cases["107"].Status);
        Assert.Equal((ImportedStatus.Solved, CasePriority.Low), (cases["108"].Status, cases["108"].Priority));
        Assert.Equal((ImportedStatus.Closed, CasePriority.Normal), (cases["115"].Status, cases["115"].Priority));
        Assert.Equal(DateTimeOffset.Parse("2024-03-15T09:30:00Z", System.Globalization.CultureInfo.InvariantCulture), cases["115"].SolvedAt);
        Assert.Null(cases["102"].SolvedAt);
        // Owner 1 is Zammad's "-": nobody.
        Assert.Equal((null, null, "14", "1"), (cases["113"].AssigneeExternalId, cases["113"].OrganisationExternalId, cases["113"].RequesterExternalId, cases["113"].TeamExternalId));
        Assert.Equal(Channel.Portal, cases["102"].Channel);
        Assert.Equal(["unicode", "日本語"], cases["109"].Tags);
    }

    [Fact]
    public async Task Html_only_and_plain_text_bodies_stay_as_written()
    {
        var table = (await CaseAsync("110")).Comments[0];
        Assert.Equal("", table.Text);
        Assert.StartsWith("<div><h2>Lagerbestand", table.Html, StringComparison.Ordinal);
        var plain = (await CaseAsync("111")).Comments[0];
        Assert.Null(plain.Html);
        Assert.True(plain.Text.Length > 40_000);
        Assert.Contains("\n", plain.Text, StringComparison.Ordinal);
    }
}
