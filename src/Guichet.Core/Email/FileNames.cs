using MimeKit;

namespace Guichet.Core.Email;

/// <summary>
/// The name a file is shown and downloaded under: the sender's, decoded, without any folder it
/// carried (<c>../../etc/passwd</c>, <c>C:\Users\x\report.pdf</c>) or control characters; a part
/// without a name is "attachment" or "image" with its type's extension; a forwarded message is its
/// subject with ".eml", characters a file system refuses made "_".
/// </summary>
public static class FileNames
{
    public const int MaxLength = 255;
    private static readonly char[] Forbidden = ['/', '\\', ':', '*', '?', '"', '<', '>', '|'];
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/png"] = ".png", ["image/jpeg"] = ".jpg", ["image/jpg"] = ".jpg", ["image/gif"] = ".gif", ["image/webp"] = ".webp", ["image/heic"] = ".heic",
        ["image/tiff"] = ".tif", ["image/bmp"] = ".bmp", ["application/pdf"] = ".pdf", ["application/zip"] = ".zip", ["text/plain"] = ".txt",
        ["text/html"] = ".html", ["text/csv"] = ".csv", ["text/calendar"] = ".ics", ["message/rfc822"] = ".eml",
        ["application/msword"] = ".doc", ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = ".docx",
        ["application/vnd.ms-excel"] = ".xls", ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = ".xlsx",
    };

    public static string Of(MimePart part)
    {
        var named = Clean(LastSegment(part.FileName ?? ""));
        if (named.Length > 0)
        {
            return named.Length > MaxLength ? named[..MaxLength] : named;
        }
        var type = part.ContentType;
        var stem = type.MediaType.Equals("image", StringComparison.OrdinalIgnoreCase) ? "image" : "attachment";
        return stem + Extensions.GetValueOrDefault(type.MimeType, "");
    }

    public static string Forwarded(string? subject)
    {
        var stem = Clean(subject ?? "");
        if (stem.Length == 0)
        {
            return "forwarded.eml";
        }
        foreach (var c in Forbidden)
        {
            stem = stem.Replace(c, '_');
        }
        return (stem.Length > MaxLength - 4 ? stem[..(MaxLength - 4)] : stem) + ".eml";
    }

    private static string LastSegment(string name)
    {
        var trimmed = name.Trim().TrimEnd('/', '\\');
        var cut = trimmed.LastIndexOfAny(['/', '\\']);
        return cut < 0 ? trimmed : trimmed[(cut + 1)..];
    }

    private static string Clean(string name) => new string([.. name.Where(c => !char.IsControl(c))]).Trim().Trim('.').Trim();
}
