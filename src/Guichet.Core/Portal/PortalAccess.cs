using System.Security.Cryptography;
using System.Text;

namespace Guichet.Core.Portal;

/// <summary>
/// The key to one case's private page: an unguessable token (256 random bits) that only the
/// customer received. Only its SHA-256 is stored, so the table alone opens nothing; a link can be
/// revoked without touching the case.
/// </summary>
public sealed class PortalAccess
{
    public long Id { get; private set; }
    public long CaseId { get; init; }
    public required string TokenHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static PortalAccess For(long caseId, string token, DateTimeOffset now) => new() { CaseId = caseId, TokenHash = Hash(token), CreatedAt = now };

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
