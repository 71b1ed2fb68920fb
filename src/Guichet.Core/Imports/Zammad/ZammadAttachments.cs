using System.Text.Json;

namespace Guichet.Core.Imports.Zammad;

/// <summary>
/// attachments/manifest.json: which attachment of which article was downloaded, and to what file.
/// The API lists an article's attachments by name only; their bytes are wherever the export saved them.
/// </summary>
internal sealed class ZammadAttachments
{
    private readonly Dictionary<(string Article, string Attachment), string?> files = [];
    private readonly string folder;

    public ZammadAttachments(string exportFolder, JsonElement? manifest)
    {
        folder = Path.GetFullPath(Path.Combine(exportFolder, "attachments"));
        foreach (var entry in manifest?.Items("attachments") ?? [])
        {
            if (entry.Id("article_id") is { } article && entry.Id("attachment_id") is { } attachment)
            {
                files[(article, attachment)] = entry.Text("local_file");
            }
        }
    }

    public IReadOnlyList<ImportedFile> Of(JsonElement article, string articleId) =>
        article.Items("attachments").Select(a => File(a, articleId)).OfType<ImportedFile>().ToList();

    private ImportedFile? File(JsonElement attachment, string articleId)
    {
        if (attachment.Id("id") is not { } id)
        {
            return null;
        }
        var preferences = attachment.Get("preferences") ?? default;
        var type = preferences.Text("Content-Type") ?? preferences.Text("Mime-Type") ?? "application/octet-stream";
        // The size is a string in Zammad ("110"); a number is taken as well.
        var size = long.TryParse(attachment.Text("size"), System.Globalization.CultureInfo.InvariantCulture, out var bytes) ? bytes : 0;
        var inline = preferences.Text("Content-Disposition")?.TrimStart().StartsWith("inline", StringComparison.OrdinalIgnoreCase) ?? false;
        return new ImportedFile(id, attachment.Text("filename") ?? id, type, size, LocalPath(articleId, id), inline);
    }

    /// <summary>The file on disk, or null when it was never downloaded, has gone, or would lie outside the attachments folder.</summary>
    private string? LocalPath(string articleId, string attachmentId)
    {
        if (!files.TryGetValue((articleId, attachmentId), out var name) || name is null)
        {
            return null;
        }
        return ExportFolder.Inside(folder, name);
    }
}
