namespace Guichet.Core.Cases;

/// <summary>The camelCase names enums take on the wire and in URLs (CONTRACT: open, waitingOnCustomer…).</summary>
public static class WireNames
{
    public static string ToWire<T>(this T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static bool TryParseWire<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        // Enum.TryParse also accepts numbers; the wire only speaks names.
        return text is { Length: > 0 } && !char.IsAsciiDigit(text[0]) && !text.Contains(',', StringComparison.Ordinal)
            && Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value);
    }
}
