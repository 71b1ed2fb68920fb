namespace Guichet.Core.Cases.Fields;

/// <summary>What a custom field holds: a line of text, a number, a date, one choice of a list, yes or no.</summary>
public enum FieldType
{
    Text,
    Number,
    Date,
    List,
    YesNo,
}

/// <summary>What a field is kept on: every case, every customer, or every organisation.</summary>
public enum FieldObject
{
    Case,
    Customer,
    Organisation,
}

/// <summary>
/// A field an admin adds to every case (SPEC W5): "Numéro de commande", "Modèle", "Sous garantie".
/// Its <see cref="Key"/> names it in the API (<c>customFields</c>) and in filters; a required field
/// must be filled before the case is resolved.
/// </summary>
public sealed class FieldDefinition
{
    public long Id { get; private set; }
    public required string Key { get; init; }
    public required string Label { get; set; }
    public FieldType Type { get; init; }
    /// <summary>Cases (the default), customers or organisations; keys are unique across all three.</summary>
    public FieldObject AppliesTo { get; init; } = FieldObject.Case;
    /// <summary>A list field's choices, one per line.</summary>
    public string? Options { get; set; }
    public bool Required { get; set; }
    public int Position { get; set; }

    public IReadOnlyList<string> Choices => (Options ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A case's value for one field, stored as text in a form that sorts and compares (numbers invariant, dates ISO).</summary>
public sealed class FieldValue
{
    public long FieldId { get; init; }
    public long CaseId { get; init; }
    public required string Value { get; set; }
}
