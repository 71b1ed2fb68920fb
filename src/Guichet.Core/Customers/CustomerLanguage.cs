namespace Guichet.Core.Customers;

/// <summary>The languages Guichet writes to customers in (SPEC Q3). French is the default market.</summary>
public static class CustomerLanguage
{
    public const string Default = "fr";
    public static readonly IReadOnlyList<string> Supported = ["fr", "en"];

    public static bool IsSupported(string? code) => code is not null && Supported.Contains(code);
}
