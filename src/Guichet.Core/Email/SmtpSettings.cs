namespace Guichet.Core.Email;

/// <summary>Where outgoing mail goes, and as whom. One From address for now; per-team addresses come with IMAP mailboxes.</summary>
public sealed record SmtpSettings(string Host, int Port, string FromAddress, bool StartTls = false, string? Username = null, string? Password = null);
