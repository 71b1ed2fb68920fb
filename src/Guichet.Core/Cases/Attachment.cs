namespace Guichet.Core.Cases;

/// <summary>
/// A file on a message. A file that came by email stays where it arrived, inside the stored raw
/// email (kept byte for byte anyway), so it is not stored twice: the row says which part of which
/// email holds it (decision 0011). A file given directly (a reply's attachment, a customer's photo
/// on the portal or in chat) is a <see cref="Files.StoredFile"/> (issue 26). Forwarding either on
/// another message is a new row pointing at the same bytes.
/// </summary>
public sealed class Attachment
{
    public long Id { get; private set; }
    public long MessageId { get; set; }
    public long? InboundEmailId { get; set; }
    public long? StoredFileId { get; set; }
    public Files.StoredFile? File { get; set; }
    /// <summary>For a file of an email, its position in <see cref="Email.MailAttachments.Of"/>'s order; otherwise its place on the message.</summary>
    public int Part { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    /// <summary>Decoded size in bytes.</summary>
    public long Size { get; set; }
}
