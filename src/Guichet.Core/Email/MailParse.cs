using MimeKit;

namespace Guichet.Core.Email;

/// <summary>
/// A stored message as MimeKit reads it, the same way everywhere (the intake, downloads, exports):
/// blank lines a broken mailer wrote before the headers are passed over, so the headers are read
/// as headers rather than taken for the body (issue 22). The stored bytes are never changed.
/// </summary>
public static class MailParse
{
    public static MimeMessage Load(byte[] raw)
    {
        var start = 0;
        while (start < raw.Length && raw[start] is (byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t')
        {
            start++;
        }
        using var stream = new MemoryStream(raw, start, raw.Length - start, writable: false);
        return MimeMessage.Load(stream);
    }
}
