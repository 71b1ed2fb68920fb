using Guichet.Core.Imports;

namespace Guichet.Core.Tests.Imports;

/// <summary>Issue 28: an article's attachments found through attachments/manifest.json, or reported missing.</summary>
public sealed class ZammadExportFileTests
{
    [Fact]
    public async Task A_downloaded_attachment_points_at_its_file()
    {
        var photo = Assert.Single((await ZammadExportTests.CommentAsync("510")).Files);
        Assert.Equal(("901", "imprimante-voyant.png", "image/png", 110L, false), (photo.ExternalId, photo.FileName, photo.ContentType, photo.Size, photo.Inline));
        Assert.True(Path.IsPathFullyQualified(photo.LocalPath!));
        Assert.Equal(110, new FileInfo(photo.LocalPath!).Length);
        var delivery = Assert.Single((await ZammadExportTests.CommentAsync("545")).Files);
        Assert.Equal("bon de livraison 31015.txt", Path.GetFileName(delivery.LocalPath));
        Assert.True(File.Exists(delivery.LocalPath));
    }

    [Fact]
    public async Task An_inline_image_is_marked_inline()
    {
        var diagram = Assert.Single((await ZammadExportTests.CommentAsync("512")).Files);
        Assert.Equal(("image1.png", true), (diagram.FileName, diagram.Inline));
        Assert.NotNull(diagram.LocalPath);
    }

    [Fact]
    public async Task An_attachment_the_export_could_not_download_keeps_its_name_without_a_path()
    {
        var invoice = Assert.Single((await ZammadExportTests.CommentAsync("517")).Files);
        Assert.Equal(("facture-reparation.pdf", "application/pdf", 51234L, null), (invoice.FileName, invoice.ContentType, invoice.Size, invoice.LocalPath));
    }
}
