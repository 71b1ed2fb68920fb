using System.Security.Cryptography;
using System.Text;

namespace Guichet.Core.Email;

/// <summary>
/// When two deliveries are the same message (decision 0030): the same bytes, or the same
/// Message-ID from the same sender with the same subject and the same decoded text. A relay that
/// re-encodes a message or adds transport headers delivers the same message again; a different
/// message that reuses a Message-ID (another sender, other words, a script that always sends the
/// same id) is a message of its own, stored and never dropped.
/// </summary>
public static class Duplicates
{
    /// <summary>128 bits of SHA-256 in hex: no two messages meet by chance, and the index stays half the size.</summary>
    public static string Key(string messageId, string sender, string? subject, string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{messageId}\n{sender}\n{subject?.Trim()}\n{text}")).AsSpan(0, 16));
}
