using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Guichet.Hosting.Web;

/// <summary>
/// Signed webhooks as Stripe signs them, the scheme integrators know: a header
/// <c>t=UNIX_SECONDS,v1=HEX(HMAC-SHA256(secret, "t.body"))</c>. The timestamp is signed with the
/// body, and a delivery more than five minutes from the receiver's clock is refused, so a captured
/// event cannot be replayed later under a new id (issue 21).
/// </summary>
public static class WebhookSignature
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, DateTimeOffset at, ReadOnlySpan<byte> body)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={t},v1={Convert.ToHexStringLower(Mac(secret, t, body))}";
    }

    /// <summary>Null when the header is good for this body now; else what is wrong with it, in a sentence.</summary>
    public static string? Check(string? header, string secret, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        string? t = null;
        var given = new List<byte[]>();
        foreach (var part in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal))
            {
                t = part[2..];
            }
            else if (part.StartsWith("v1=", StringComparison.Ordinal) && Hex(part[3..]) is { } mac)
            {
                given.Add(mac);
            }
        }
        if (t is null || given.Count == 0 || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return "The signature header is t=UNIX_SECONDS,v1=HMAC-SHA256 of \"t.body\" with the channel's secret, in hex.";
        }
        if (seconds is < 0 or > 253_402_300_799 || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance)
        {
            return $"The signed time is more than {Tolerance.TotalMinutes} minutes from now: the event is refused (a replay, or a clock to set right).";
        }
        var expected = Mac(secret, t, body);
        return given.Any(mac => CryptographicOperations.FixedTimeEquals(mac, expected)) ? null : "The signature does not match the body and the channel's secret.";
    }

    private static byte[] Mac(string secret, string t, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(t + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }

    private static byte[]? Hex(string text)
    {
        try
        {
            return Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
