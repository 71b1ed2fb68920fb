using System.Security.Cryptography;
using System.Text;

namespace Guichet.Core.Agents;

/// <summary>
/// Read: GET requests only, whatever the person's role. Full: what the person's role allows.
/// Intake: a channel adapter's (the mail relay, the phone system): it may only hand in what the
/// channel received, at the channel doors, and reads nothing (issue 21). Admins make them.
/// </summary>
public enum TokenScope
{
    Read,
    Full,
    Intake,
}

/// <summary>
/// A personal API token (issue 10): a script acting as its person, within a scope. Only the
/// SHA-256 of the secret is kept (the secret is 256 random bits, so a slow hash adds nothing);
/// the secret is shown once, when made. Revoked tokens stay listed with when they were revoked.
/// </summary>
public sealed class ApiToken
{
    public const string SecretPrefix = "gch_";

    public long Id { get; private set; }
    public long AgentId { get; init; }
    public Agent Agent { get; init; } = null!;
    public required string Name { get; init; }
    /// <summary>The secret's first characters, to tell tokens apart in a list.</summary>
    public required string Hint { get; init; }
    public required string Hash { get; init; }
    public TokenScope Scope { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool Usable(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    /// <summary>A new token and its secret, which the caller shows once and never stores.</summary>
    public static (ApiToken Token, string Secret) Issue(Agent agent, string name, TokenScope scope, DateTimeOffset now, DateTimeOffset? expiresAt)
    {
        var secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new ApiToken { AgentId = agent.Id, Name = name, Hint = secret[..(SecretPrefix.Length + 6)], Hash = HashOf(secret), Scope = scope, CreatedAt = now, ExpiresAt = expiresAt }, secret);
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
