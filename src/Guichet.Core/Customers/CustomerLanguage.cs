namespace Guichet.Core.Customers;

/// <summary>The languages Guichet writes to customers in (SPEC Q3). French is the default market.</summary>
public static class CustomerLanguage
{
    public const string Default = "fr";
    public static readonly IReadOnlyList<string> Supported = ["fr", "en"];

    public static bool IsSupported(string? code) => code is not null && Supported.Contains(code);

    /// <summary>The language to write to someone in: theirs when Guichet writes it, else the default.</summary>
    public static string ToWriteIn(string? code) => IsSupported(code) ? code! : Default;
}
