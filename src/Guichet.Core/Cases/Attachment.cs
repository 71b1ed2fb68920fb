namespace Guichet.Core.Cases;

/// <summary>
/// A file that came with a customer's message. Its bytes stay where they arrived, inside the
/// stored raw email (kept byte for byte anyway), so they are not stored twice: the row says which
/// part of which email holds them (decision 0011).
/// </summary>
public sealed class Attachment
{
    public long Id { get; private set; }
    public long MessageId { get; set; }
    public long InboundEmailId { get; set; }
    /// <summary>Position in <see cref="Email.MailAttachments.Of"/>'s order for that email.</summary>
    public int Part { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    /// <summary>Decoded size in bytes.</summary>
    public long Size { get; set; }
}
