namespace Guichet.Core.Imports.Zendesk;

/// <summary>
/// The attachments the exporter downloaded, from attachments/manifest.json (attachment id → file
/// under attachments/). Zendesk's content URLs are never fetched: an import reads only the export.
/// </summary>
internal static class ZendeskFiles
{
    public static IReadOnlyDictionary<string, string?> Read(string folder)
    {
        var dir = Path.Combine(folder, "attachments");
        var (document, _) = ExportJson.Open(Path.Combine(dir, "manifest.json"));
        if (document is null)
        {
            return new Dictionary<string, string?>();
        }
        using (document)
        {
            var files = new Dictionary<string, string?>();
            foreach (var entry in document.RootElement.Items("attachments"))
            {
                if (entry.Text("attachment_id") is { } id)
                {
                    // Only a file inside the attachments folder: a manifest cannot point elsewhere on the disk.
                    files[id] = ExportFolder.Inside(dir, entry.Text("local_file"));
                }
            }
            return files;
        }
    }
}
