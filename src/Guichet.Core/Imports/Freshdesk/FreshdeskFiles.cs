using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Guichet.Core.Imports.Freshdesk;

/// <summary>
/// Where the export holds each attachment's bytes: attachments/manifest.json (written by whoever
/// downloaded the files; the API only gives URLs that expire) maps an attachment id or URL to a local
/// file. A file the manifest lacks, or that is not on disk, is still listed, without a path.
/// </summary>
internal sealed partial class FreshdeskFiles
{
    private sealed record Entry(long? Id, string? Name, string? LocalPath, bool Inline, long? Size);

    private readonly Dictionary<long, Entry> byId = [];
    private readonly Dictionary<string, Entry> byUrl = new(StringComparer.Ordinal);

    public static readonly FreshdeskFiles None = new();

    /// <summary>The manifest of <paramref name="folder"/>; without one, every file is listed as absent.</summary>
    public static async Task<(FreshdeskFiles Files, string? Error)> ReadAsync(string folder, CancellationToken ct)
    {
        var directory = Path.GetFullPath(Path.Combine(folder, "attachments"));
        var (root, error) = await FreshdeskJson.FileAsync(Path.Combine(directory, "manifest.json"), ct);
        var files = new FreshdeskFiles();
        foreach (var e in root?.Items("attachments") ?? [])
        {
            var entry = new Entry(e.Long("attachment_id") ?? e.Long("id"), e.Str("name"), OnDisk(directory, e.Str("local_file")), e.Bool("inline") == true,
                e.Long("size") ?? e.Long("file_size"));
            if (entry.Id is { } id)
            {
                files.byId[id] = entry;
            }
            if (e.Str("url") is { } url)
            {
                files.byUrl[url] = entry;
            }
        }
        return (files, error);
    }

    /// <summary>The file's full path when it is inside the attachments folder and exists; a name climbing out of it is not followed.</summary>
    private static string? OnDisk(string directory, string? localFile)
    {
        return ExportFolder.Inside(directory, localFile);
    }

    /// <summary>
    /// An item of a ticket's or a conversation's attachments[]: its size is "size" in most of the API's
    /// examples and "file_size" in some, so both are read.
    /// </summary>
    public ImportedFile Attached(JsonElement a)
    {
        var id = a.Long("id");
        var url = a.Str("attachment_url");
        var entry = Find(id, url);
        var name = a.Str("name") ?? entry?.Name ?? "attachment";
        var size = a.Long("size") ?? a.Long("file_size") ?? entry?.Size ?? Length(entry?.LocalPath);
        return new ImportedFile(id is { } known ? FreshdeskJson.Id(known) : url ?? name, name, a.Str("content_type") ?? Guess(name), size,
            entry?.LocalPath, entry?.Inline ?? false);
    }

    /// <summary>
    /// Images pasted into a message: Freshdesk keeps them out of attachments[] and refers to them from
    /// the HTML (an &lt;img&gt; with the attachment id in data-id or in its helpdesk URL).
    /// </summary>
    public IEnumerable<ImportedFile> Inline(string? html, IReadOnlySet<string> listed)
    {
        if (string.IsNullOrEmpty(html))
        {
            yield break;
        }
        var seen = new HashSet<long>();
        foreach (Match img in ImageTag().Matches(html))
        {
            var reference = DataId().Match(img.Value) is { Success: true } d ? d : HelpdeskUrl().Match(img.Value);
            if (!reference.Success || !long.TryParse(reference.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !seen.Add(id) || listed.Contains(FreshdeskJson.Id(id)))
            {
                continue;
            }
            var entry = Find(id, null);
            var name = entry?.Name ?? (Alt().Match(img.Value) is { Success: true } alt ? alt.Groups["alt"].Value : $"image-{FreshdeskJson.Id(id)}");
            yield return new ImportedFile(FreshdeskJson.Id(id), name, Guess(name), entry?.Size ?? Length(entry?.LocalPath), entry?.LocalPath, Inline: true);
        }
    }

    private Entry? Find(long? id, string? url) =>
        id is { } known && byId.TryGetValue(known, out var entry) ? entry : url is not null && byUrl.TryGetValue(url, out entry) ? entry : null;

    private static long Length(string? path) => path is null ? 0 : new FileInfo(path).Length;

    private static string Guess(string name) => Path.GetExtension(name).ToUpperInvariant() switch
    {
        ".PNG" => "image/png",
        ".JPG" or ".JPEG" => "image/jpeg",
        ".GIF" => "image/gif",
        ".WEBP" => "image/webp",
        ".PDF" => "application/pdf",
        ".TXT" => "text/plain",
        _ => "application/octet-stream",
    };

    [GeneratedRegex("<img\\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ImageTag();

    [GeneratedRegex("\\bdata-id\\s*=\\s*[\"']?(?<id>\\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DataId();

    [GeneratedRegex("\\bsrc\\s*=\\s*[\"']?[^\"'>\\s]*/helpdesk/attachments/(?<id>\\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HelpdeskUrl();

    [GeneratedRegex("\\balt\\s*=\\s*[\"'](?<alt>[^\"']+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Alt();
}
