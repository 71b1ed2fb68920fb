using MimeKit;
using MimeKit.Cryptography;
using MimeKit.Tnef;

namespace Guichet.Core.Email;

/// <summary>
/// The files of a message as a mail client shows them, in MIME order (issue 22): attachments, inline
/// images and PDFs (Apple Mail puts them between text parts), named parts without a disposition, a
/// message that is only a file, images an HTML body shows by <c>cid:</c>, a forwarded message as an
/// .eml, the encrypted part of PGP/MIME or S/MIME mail, and Outlook's winmail.dat opened into the
/// files it carries. The text parts that make the body, and signatures, are not files.
/// </summary>
public static class MailAttachments
{
    public sealed record File(string FileName, string ContentType, long Size);

    public static IReadOnlyList<MimePart> Of(MimeMessage mail)
    {
        var parts = new List<MimePart>();
        foreach (var entity in mail.BodyParts)
        {
            switch (entity)
            {
                case MessagePart forwarded:
                    // A forwarded message is kept as an .eml file.
                    parts.Add(AsFile(forwarded));
                    break;
                case TnefPart tnef:
                    parts.AddRange(Unwrap(tnef));
                    break;
                case MimePart part when IsFile(part):
                    parts.Add(part);
                    break;
            }
        }
        return parts;
    }

    public static File Describe(MimePart part, int index)
    {
        using var counter = new MimeKit.IO.MeasuringStream();
        part.Content?.DecodeTo(counter);
        return new File(FileNames.Of(part), part.ContentType.MimeType.ToLowerInvariant(), counter.Length);
    }

    /// <summary>The part a stored attachment names: at its position when the name agrees, else by its name.</summary>
    public static MimePart? Find(IReadOnlyList<MimePart> parts, int position, string fileName) =>
        position < parts.Count && FileNames.Of(parts[position]) == fileName ? parts[position] : parts.FirstOrDefault(p => FileNames.Of(p) == fileName);

    /// <summary>The decoded bytes of one file.</summary>
    public static byte[] Read(MimePart part)
    {
        using var buffer = new MemoryStream();
        part.Content?.DecodeTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Whether the message's content is encrypted (PGP/MIME, S/MIME): its text is then in a file Guichet cannot open.</summary>
    public static bool IsEncrypted(MimeMessage mail) =>
        mail.Body is MultipartEncrypted || mail.Body is ApplicationPkcs7Mime { SecureMimeType: SecureMimeType.EnvelopedData or SecureMimeType.AuthEnvelopedData };

    private static bool IsFile(MimePart part)
    {
        var type = part.ContentType;
        // Signatures and PGP/MIME's version part are the envelope, not content a person opens.
        if (type.IsMimeType("application", "pgp-encrypted") || type.IsMimeType("application", "pgp-signature")
            || type.IsMimeType("application", "pkcs7-signature") || type.IsMimeType("application", "x-pkcs7-signature"))
        {
            return false;
        }
        // Plain and HTML text is the body, unless the sender attached it as a file.
        return !(type.IsMimeType("text", "plain") || type.IsMimeType("text", "html")) || part.IsAttachment;
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
        return new MimePart("message", "rfc822")
        {
            FileName = FileNames.Forwarded(forwarded.Message?.Subject),
            Content = new MimeContent(stream),
        };
    }
}
