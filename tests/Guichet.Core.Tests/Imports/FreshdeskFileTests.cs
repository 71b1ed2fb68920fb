using Guichet.Core.Imports;

namespace Guichet.Core.Tests.Imports;

/// <summary>Attachments resolved through the manifest: on disk, listed but absent, or pasted inline into a note.</summary>
public class FreshdeskFileTests
{
    private static async Task<Dictionary<string, ImportedFile>> FilesAsync(string ticket) =>
        (await FreshdeskSample.CaseAsync(ticket)).Comments.SelectMany(c => c.Files).ToDictionary(f => f.FileName);

    [Fact]
    public async Task Files_the_export_holds_point_to_their_bytes()
    {
        var files = await FilesAsync("303");

        Assert.Equal(["terminal-erreur.png", "inline-schema.png", "export-ventes.csv", "notes d'intervention.txt", "procès-verbal.pdf"], files.Keys);
        foreach (var name in new[] { "terminal-erreur.png", "inline-schema.png", "export-ventes.csv", "notes d'intervention.txt" })
        {
            Assert.Equal(Path.Combine(FreshdeskSample.Folder, "attachments", name), files[name].LocalPath);
            Assert.Equal(new FileInfo(files[name].LocalPath!).Length, files[name].Size);
        }
        Assert.Equal(("48000020003", "text/csv", false), (files["export-ventes.csv"].ExternalId, files["export-ventes.csv"].ContentType, files["export-ventes.csv"].Inline));
        Assert.Equal("terminal-erreur.png", Assert.Single((await FreshdeskSample.CaseAsync("303")).Comments[0].Files).FileName);
    }

    [Fact]
    public async Task A_file_whose_download_failed_is_listed_without_a_path()
    {
        var pdf = (await FilesAsync("303"))["procès-verbal.pdf"];

        Assert.Equal(("48000020004", "application/pdf", 77120L, (string?)null), (pdf.ExternalId, pdf.ContentType, pdf.Size, pdf.LocalPath));
    }

    [Fact]
    public async Task An_image_pasted_into_a_note_is_an_inline_file_of_that_note()
    {
        var note = (await FreshdeskSample.CaseAsync("303")).Comments.Single(c => c.ExternalId == "48000010011");

        var image = Assert.Single(note.Files);
        Assert.Equal(("48000020002", "image/png", true), (image.ExternalId, image.ContentType, image.Inline));
        Assert.NotNull(image.LocalPath);
    }

    [Fact]
    public async Task A_quote_sent_as_html_is_attached_to_the_reply()
    {
        var quote = Assert.Single(await FilesAsync("315")).Value;

        Assert.Equal(("devis-D-7781.html", "text/html", 84L), (quote.FileName, quote.ContentType, quote.Size));
        Assert.True(File.Exists(quote.LocalPath));
    }
}
