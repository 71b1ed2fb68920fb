namespace Guichet.Core.Files;

/// <summary>
/// A file an agent or a customer gave Guichet directly (a reply's attachment, a photo on the portal
/// or in chat), kept in the database with its case (issue 26). A file that came inside an email stays
/// in that email's raw bytes instead (decision 0011); either way an <see cref="Cases.Attachment"/>
/// puts it on a message, and a file forwarded again is the same row, never a copy.
/// </summary>
public sealed class StoredFile
{
    public long Id { get; private set; }
    /// <summary>The case it was given for: uploaded files are only ever attached on their own case.</summary>
    public long CaseId { get; set; }
    public required string FileName { get; init; }
    /// <summary>The type read from its content (<see cref="FileKinds"/>), never the one its sender claimed.</summary>
    public required string ContentType { get; init; }
    public long Size { get; init; }
    /// <summary>Hex SHA-256 of the content, to tell a file sent twice.</summary>
    public required string Sha256 { get; init; }
    public required byte[] Content { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>The agent who uploaded it; null for a customer's file.</summary>
    public long? UploadedById { get; init; }
}
