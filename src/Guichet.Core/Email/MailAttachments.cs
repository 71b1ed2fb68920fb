using MimeKit;
using MimeKit.Tnef;

namespace Guichet.Core.Email;

/// <summary>
/// The files of a message, in a stable order: every attachment MimeKit finds, with Outlook's
/// winmail.dat (TNEF) opened into the files it carries, as an agent expects to see them.
/// </summary>
public static class MailAttachments
{
    public sealed record File(string FileName, string ContentType, long Size);

    public static IReadOnlyList<MimePart> Of(MimeMessage mail)
    {
        var parts = new List<MimePart>();
        foreach (var entity in mail.Attachments)
        {
            switch (entity)
            {
                case TnefPart tnef:
                    parts.AddRange(Unwrap(tnef));
                    break;
                case MimePart part:
                    parts.Add(part);
                    break;
                case MessagePart forwarded:
                    // A forwarded message is kept as an .eml file.
                    parts.Add(AsFile(forwarded));
                    break;
            }
        }
        return parts;
    }

    public static File Describe(MimePart part, int index)
    {
        using var counter = new MimeKit.IO.MeasuringStream();
        part.Content?.DecodeTo(counter);
        var name = string.IsNullOrWhiteSpace(part.FileName) ? $"piece-jointe-{index + 1}" : Path.GetFileName(part.FileName.Trim());
        return new File(name.Length > 255 ? name[..255] : name, part.ContentType.MimeType.ToLowerInvariant(), counter.Length);
    }

    /// <summary>The decoded bytes of one file.</summary>
    public static byte[] Read(MimePart part)
    {
        using var buffer = new MemoryStream();
        part.Content?.DecodeTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>The files inside winmail.dat; a damaged one is kept as it came, so nothing is lost.</summary>
    private static IEnumerable<MimePart> Unwrap(TnefPart tnef)
    {
        try
        {
            var inside = tnef.ExtractAttachments().OfType<MimePart>().ToList();
            return inside.Count > 0 ? inside : [tnef];
        }
        catch (Exception e) when (e is FormatException or TnefException or IOException or ArgumentException)
        {
            return [tnef];
        }
    }

    private static MimePart AsFile(MessagePart forwarded)
    {
        var stream = new MemoryStream();
        forwarded.Message?.WriteTo(stream);
        stream.Position = 0;
        var subject = forwarded.Message?.Subject;
        return new MimePart("message", "rfc822")
        {
            FileName = (string.IsNullOrWhiteSpace(subject) ? "message" : subject) + ".eml",
            Content = new MimeContent(stream),
        };
    }
}
