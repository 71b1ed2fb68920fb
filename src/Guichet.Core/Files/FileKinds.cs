using System.Text;

namespace Guichet.Core.Files;

/// <summary>
/// What a file is, read from its first bytes rather than from its name (issue 26): a photo named
/// "facture.pdf" is a photo, and a program named "photo.jpg" is a program. Only kinds a customer
/// service exchanges are accepted (images, PDF, office documents, archives, text, video); programs,
/// scripts and pages a browser would run are refused whatever their name.
/// No maintained .NET library does this without native libmagic (Mime-Detective is a 2017 beta):
/// the signatures below are the published ones, a few lines each.
/// </summary>
public static class FileKinds
{
    public sealed record Kind(string ContentType, string Label);

    public enum Verdict { Accepted, Forbidden, Unknown }

    /// <summary>Names a mail client or a desktop would run or render when opened.</summary>
    private static readonly HashSet<string> RunnableExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".exe", ".com", ".bat", ".cmd", ".scr", ".pif", ".cpl", ".msi", ".msp", ".dll", ".sys", ".vbs", ".vbe", ".js", ".jse", ".mjs", ".wsf", ".wsh",
        ".ps1", ".psm1", ".hta", ".jar", ".sh", ".bash", ".zsh", ".command", ".app", ".apk", ".lnk", ".reg", ".inf", ".iso", ".img", ".vhd", ".html", ".htm",
        ".xhtml", ".shtml", ".svg", ".svgz", ".xml", ".xsl", ".php", ".py", ".pl", ".rb", ".appx", ".msix", ".scf", ".url", ".chm", ".docm", ".xlsm", ".pptm",
        ".dotm", ".xltm", ".xlam", ".potm", ".ppsm", ".ppam", ".sldm", ".xlsb", ".xla", ".xlm", ".wsc", ".sct", ".mht", ".mhtml", ".xht", ".slk", ".iqy",
        ".desktop", ".website", ".settingcontent-ms", ".library-ms", ".ins", ".isp", ".vb", ".gadget", ".msc", ".job", ".application", ".xbap",
    };

    /// <summary>Names a ZIP or a text may carry: any other name could make a desktop open it as something else.</summary>
    private static readonly HashSet<string> ZipNames = new(StringComparer.OrdinalIgnoreCase) { ".zip" };
    private static readonly HashSet<string> TextNames = new(StringComparer.OrdinalIgnoreCase) { "", ".txt", ".text", ".log", ".tsv" };

    private static readonly Dictionary<string, string> ZipFamily = new(StringComparer.OrdinalIgnoreCase)
    {
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        [".odp"] = "application/vnd.oasis.opendocument.presentation",
    };

    private static readonly Dictionary<string, string> OleFamily = new(StringComparer.OrdinalIgnoreCase)
    {
        [".doc"] = "application/msword", [".xls"] = "application/vnd.ms-excel", [".ppt"] = "application/vnd.ms-powerpoint", [".msg"] = "application/vnd.ms-outlook",
    };

    private static readonly Dictionary<string, string> TextFamily = new(StringComparer.OrdinalIgnoreCase)
    {
        [".csv"] = "text/csv", [".eml"] = "message/rfc822", [".ics"] = "text/calendar", [".json"] = "application/json", [".md"] = "text/markdown",
    };

    /// <summary>The file's kind from its content, its name choosing only within a family the content proves (a .docx is a zip).</summary>
    public static (Verdict Verdict, Kind? Kind) Of(string fileName, ReadOnlySpan<byte> content)
    {
        var extension = Path.GetExtension(fileName);
        if (RunnableExtensions.Contains(extension) || IsProgram(content) || IsMarkup(content))
        {
            return (Verdict.Forbidden, null);
        }
        var kind = Binary(content, extension) ?? Text(content, extension);
        return kind is null ? (Verdict.Unknown, null) : (Verdict.Accepted, kind);
    }

    private static bool IsProgram(ReadOnlySpan<byte> c) =>
        c.StartsWith("MZ"u8) || c.StartsWith("\u007fELF"u8) || c.StartsWith("#!"u8)
        || Starts(c, [0xFE, 0xED, 0xFA, 0xCE]) || Starts(c, [0xFE, 0xED, 0xFA, 0xCF]) || Starts(c, [0xCE, 0xFA, 0xED, 0xFE])
        || Starts(c, [0xCF, 0xFA, 0xED, 0xFE]) || Starts(c, [0xCA, 0xFE, 0xBA, 0xBE]) || c.StartsWith("\0asm"u8);

    private static bool Starts(ReadOnlySpan<byte> content, ReadOnlySpan<byte> signature) => content.StartsWith(signature);

    private static Kind? Binary(ReadOnlySpan<byte> c, string extension)
    {
        if (Starts(c, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return new("image/png", "PNG");
        if (Starts(c, [0xFF, 0xD8, 0xFF])) return new("image/jpeg", "JPEG");
        if (c.StartsWith("GIF87a"u8) || c.StartsWith("GIF89a"u8)) return new("image/gif", "GIF");
        if (c.Length >= 12 && c.StartsWith("RIFF"u8) && c[8..12].SequenceEqual("WEBP"u8)) return new("image/webp", "WebP");
        if (c.StartsWith("II*\0"u8) || c.StartsWith("MM\0*"u8)) return new("image/tiff", "TIFF");
        if (c.StartsWith("BM"u8) && c.Length > 14) return new("image/bmp", "BMP");
        if (c.StartsWith("%PDF-"u8)) return new("application/pdf", "PDF");
        if (c.Length >= 12 && c[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(c[8..12]);
            return brand switch
            {
                "heic" or "heix" or "mif1" or "msf1" or "hevc" => new("image/heic", "HEIC"),
                "qt  " => new("video/quicktime", "QuickTime"),
                _ => new("video/mp4", "MP4"),
            };
        }
        if (Starts(c, [0x50, 0x4B, 0x03, 0x04]) || Starts(c, [0x50, 0x4B, 0x05, 0x06]))
        {
            return ZipFamily.TryGetValue(extension, out var office) ? new(office, extension.TrimStart('.').ToUpperInvariant())
                : ZipNames.Contains(extension) || extension.Length == 0 ? new("application/zip", "ZIP") : null;
        }
        if (Starts(c, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return OleFamily.TryGetValue(extension, out var office) ? new(office, extension.TrimStart('.').ToUpperInvariant()) : null;
        }
        return null;
    }

    /// <summary>A page, image or document a browser would run scripts in, whatever its name says.</summary>
    private static bool IsMarkup(ReadOnlySpan<byte> c)
    {
        var start = Encoding.UTF8.GetString(c[..Math.Min(c.Length, 512)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return start.StartsWith('<') && (start.StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<svg", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<script", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<head", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<body", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Text is UTF-8 (or plain 8-bit) without NUL bytes.</summary>
    private static Kind? Text(ReadOnlySpan<byte> c, string extension)
    {
        if (c[..Math.Min(c.Length, 8192)].Contains((byte)0))
        {
            return null;
        }
        return TextFamily.TryGetValue(extension, out var type) ? new(type, extension.TrimStart('.').ToUpperInvariant())
            : TextNames.Contains(extension) ? new("text/plain", "text") : null;
    }
}
