namespace Guichet.Core;

/// <summary>Collects every problem with an input at once, keyed by the offending field's path.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);
    private readonly List<Saying> _sayings = [];
    private int _unsaid;

    public bool Any => _errors.Count > 0;

    public bool Has(string field) => _errors.ContainsKey(field);

    /// <summary>An error, with the sentence the workspace says for it in the agent's language.</summary>
    public void Add(string field, string message, Saying saying)
    {
        Add(field, message);
        _unsaid--;
        _sayings.Add(saying);
    }

    public void Add(string field, string message)
    {
        _unsaid++;
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
    }

    /// <summary>Re-keys errors from a nested validator under a prefix ("timeZone" → "customer.timeZone").</summary>
    public void AddNested(string prefix, Failure failure)
    {
        foreach (var (field, messages) in failure.Errors)
        {
            foreach (var message in messages)
            {
                Add($"{prefix}.{field}", message);
            }
        }
    }

    /// <remarks>The sentences go with it only when every error has one: a page never shows half in English.</remarks>
    public Failure ToFailure() => new(
        FailureKind.Invalid,
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal),
        "Invalid request")
    {
        Sayings = _unsaid == 0 ? [.. _sayings] : [],
    };
}
