namespace Guichet.Core.Email;

/// <summary>A team mailbox read over IMAP. Processed mail moves to <see cref="ProcessedFolder"/>, never deleted.</summary>
public sealed record ImapSettings(string Host, int Port, string User, string Password, string? Team = null, bool StartTls = false, string ProcessedFolder = "Guichet-processed");
