namespace Guichet.Features.Cases;

/// <summary>
/// Case fields a list's cases hold, each "key=value" with the value as its field's type writes it
/// (W5), in one order: two filters naming the same fields are equal, so a view's count is kept
/// (<see cref="CaseCounts"/>) like any other.
/// </summary>
public sealed class FieldCriteria : IEquatable<FieldCriteria>
{
    public FieldCriteria(IEnumerable<string> pairs) => Pairs = pairs.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    public IReadOnlyList<string> Pairs { get; }

    public IEnumerable<(string Key, string Value)> Each() =>
        Pairs.Select(p => Core.Cases.Fields.FieldPair.TrySplit(p, out var key, out var value) ? (key, value) : (p, ""));

    public bool Equals(FieldCriteria? other) => other is not null && Pairs.SequenceEqual(other.Pairs, StringComparer.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as FieldCriteria);

    public override int GetHashCode() => Pairs.Aggregate(0, (hash, p) => HashCode.Combine(hash, StringComparer.Ordinal.GetHashCode(p)));
}
