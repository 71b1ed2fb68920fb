using System.Text.RegularExpressions;

namespace Guichet.Core.Customers;

/// <summary>A social account as one identity: "platform:handle", lower-cased, without the @.</summary>
public static partial class SocialHandle
{
    public static string? Normalise(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }
        var platform = text[..colon].Trim().ToLowerInvariant();
        var handle = text[(colon + 1)..].Trim().TrimStart('@').ToLowerInvariant();
        return Platform().IsMatch(platform) && Handle().IsMatch(handle) ? $"{platform}:{handle}" : null;
    }

    public static string Of(string platform, string handle) => Normalise($"{platform}:{handle}") ?? throw new ArgumentException($"'{platform}:{handle}' is not a social account.", nameof(handle));

    [GeneratedRegex("^[a-z][a-z0-9-]{1,31}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Platform();

    [GeneratedRegex(@"^[\p{L}\p{N}._-]{1,100}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Handle();
}
