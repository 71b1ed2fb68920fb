namespace Guichet.Core;

/// <summary>What went wrong, as a value: the edges turn it into problem+json (CONVENTIONS habit 6).</summary>
public enum FailureKind
{
    Invalid,
    NotFound,
    Conflict,
    Forbidden,
    /// <summary>Understood, but a rule refuses it as it stands (the send guard): 422.</summary>
    Refused,
}

/// <summary>A sentence a page says in its reader's language: a resource key and what it quotes.</summary>
public sealed record Saying(string Key, IReadOnlyList<string> Args);

public sealed record Failure(FailureKind Kind, IReadOnlyDictionary<string, string[]> Errors, string Title)
{
    /// <summary>
    /// The same refusal as sentences for the workspace (issue 24: the French workspace showed the API's
    /// English, "Q1.placeholder: …"); the API keeps <see cref="Errors"/>. Empty: the page shows the errors.
    /// </summary>
    public IReadOnlyList<Saying> Sayings { get; init; } = [];

    /// <summary>Every refusal's words in one line, for a timeline or a log.</summary>
    public string Message => string.Join(" ", Errors.SelectMany(e => e.Value));

    public static Failure NotFound(string field, string message) =>
        new(FailureKind.NotFound, new Dictionary<string, string[]> { [field] = [message] }, "Not found");

    public static Failure Conflict(string field, string message) =>
        new(FailureKind.Conflict, new Dictionary<string, string[]> { [field] = [message] }, "Conflict");

    public static Failure Invalid(string field, string message) =>
        new(FailureKind.Invalid, new Dictionary<string, string[]> { [field] = [message] }, "Invalid request");

    /// <summary>Understood, but a rule refuses it as it stands: 422 naming the field.</summary>
    public static Failure Refuse(string field, string message) =>
        new(FailureKind.Refused, new Dictionary<string, string[]> { [field] = [message] }, "Refused");

    public static Failure Forbidden(string field, string message) =>
        new(FailureKind.Forbidden, new Dictionary<string, string[]> { [field] = [message] }, "Forbidden");
}

/// <summary>Either a value or a <see cref="Failure"/>.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Failure? failure)
    {
        _value = value;
        Failure = failure;
    }

    public Failure? Failure { get; }
    public bool Succeeded => Failure is null;
    public T Value => Succeeded ? _value! : throw new InvalidOperationException($"No value: {Failure!.Title}");

#pragma warning disable CA2225 // implicit conversions keep operations readable; Ok/Fail below are the named forms
    public static implicit operator Result<T>(T value) => new(value, null);
    public static implicit operator Result<T>(Failure failure) => new(default, failure);
    public static implicit operator Result<T>(ValidationErrors errors) => new(default, errors.ToFailure());
#pragma warning restore CA2225

    public static Result<T> Ok(T value) => value;
    public static Result<T> Fail(Failure failure) => failure;

    /// <summary>For callers whose input is fixed (the demo, the simulation): a refusal there is a bug, not input to report.</summary>
    public T OrThrow(string what) =>
        Succeeded ? _value! : throw new InvalidOperationException($"{what} refused: {Failure!.Title} {string.Join("; ", Failure.Errors.SelectMany(e => e.Value))}");
}
