namespace Guichet.Core.Cases.Fields;

/// <summary>
/// A field and a value as one string, "key=value" (a view's criterion, a routing rule's condition),
/// the value as its field's type writes it. Keys never hold '=' (<see cref="DefineField"/>), values may.
/// </summary>
public static class FieldPair
{
    public static string Of(string key, string value) => $"{key}={value}";

    public static bool TrySplit(string pair, out string key, out string value)
    {
        var at = pair.IndexOf('=', StringComparison.Ordinal);
        (key, value) = at > 0 ? (pair[..at], pair[(at + 1)..]) : (pair, "");
        return at > 0;
    }
}
