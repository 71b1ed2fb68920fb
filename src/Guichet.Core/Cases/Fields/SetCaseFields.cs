using Guichet.Core.Agents;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases.Fields;

/// <summary>
/// Fills or clears a case's custom fields (SPEC W5), by key: each value checked against its
/// field's type; an empty value clears the field. The timeline says which fields changed.
/// </summary>
public sealed class SetCaseFields(GuichetDb db, TimeProvider clock)
{
    public const int MaxValueLength = 500;

    private Dictionary<string, FieldDefinition>? _definitions;

    public async Task<Result<IReadOnlyDictionary<string, string>>> RunAsync(long caseId, IReadOnlyDictionary<string, string?>? values, Agent? actor, CancellationToken ct = default)
    {
        if (values is null || values.Count == 0)
        {
            return Failure.Invalid("customFields", "Give the fields to set, by key.");
        }
        var @case = await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null)
        {
            return CaseQueries.CaseNotFound(caseId);
        }
        var staged = await StageAsync(@case, values, actor, clock.Now(), ct);
        if (staged.Failure is { } failure)
        {
            return failure;
        }
        await db.SaveChangesAsync(ct);
        return Result<IReadOnlyDictionary<string, string>>.Ok(await ValuesAsync(db, caseId, ct));
    }

    /// <summary>Checks and sets the values on a tracked case, for the caller to save; returns the keys that changed.</summary>
    public async Task<Result<IReadOnlyList<string>>> StageAsync(Case @case, IReadOnlyDictionary<string, string?> values, Agent? actor, DateTimeOffset now, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        // Read once per unit of work: a rule pass sets fields on many cases.
        var fields = _definitions ??= await db.FieldDefinitions.AsNoTracking().Where(f => f.AppliesTo == FieldObject.Case).ToDictionaryAsync(f => f.Key, ct);
        var cleaned = new Dictionary<long, string?>();
        foreach (var (key, text) in values)
        {
            if (!fields.TryGetValue(key, out var field))
            {
                errors.Add($"customFields.{key}", $"There is no field '{key}'.");
            }
            else if (string.IsNullOrWhiteSpace(text))
            {
                cleaned[field.Id] = null;
            }
            else if (text.Length > MaxValueLength)
            {
                errors.Add($"customFields.{key}", $"A value is at most {MaxValueLength} characters.");
            }
            else if (FieldText.TryNormalise(field, text, out var value, out var problem))
            {
                cleaned[field.Id] = value;
            }
            else
            {
                errors.Add($"customFields.{key}", problem!);
            }
        }
        if (errors.Any)
        {
            return errors;
        }
        var caseId = @case.Id;
        var held = await db.FieldValues.Where(v => v.CaseId == caseId).ToDictionaryAsync(v => v.FieldId, ct);
        // A value set earlier in the same unit of work (two rules on one case) is not in the database yet.
        foreach (var staged in db.FieldValues.Local.Where(v => v.CaseId == caseId))
        {
            held[staged.FieldId] = staged;
        }
        var changed = new List<string>();
        foreach (var (fieldId, value) in cleaned)
        {
            held.TryGetValue(fieldId, out var current);
            if (value is null && current is not null)
            {
                db.FieldValues.Remove(current);
                held.Remove(fieldId);
            }
            else if (value is not null && current is null)
            {
                held[fieldId] = db.FieldValues.Add(new FieldValue { CaseId = caseId, FieldId = fieldId, Value = value }).Entity;
            }
            else if (value is not null && current!.Value != value)
            {
                current.Value = value;
            }
            else
            {
                continue;
            }
            changed.Add(fields.Values.First(f => f.Id == fieldId).Key);
        }
        if (changed.Count > 0)
        {
            @case.Events.Add(CaseEvent.Create(CaseEventKind.FieldsChanged, now, actor, null, string.Join(",", changed)));
            @case.Touch(now);
        }
        return Result<IReadOnlyList<string>>.Ok(changed);
    }

    /// <summary>A case's custom fields by key.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ValuesAsync(GuichetDb db, long caseId, CancellationToken ct) =>
        await db.FieldValues.Where(v => v.CaseId == caseId)
            .Join(db.FieldDefinitions, v => v.FieldId, f => f.Id, (v, f) => new { f.Key, v.Value })
            .ToDictionaryAsync(x => x.Key, x => x.Value, ct);

    /// <summary>The required fields still empty on a case: it cannot be resolved before they are filled.</summary>
    public static Task<List<string>> MissingAsync(GuichetDb db, long caseId, CancellationToken ct) =>
        db.FieldDefinitions.Where(f => f.AppliesTo == FieldObject.Case && f.Required && !db.FieldValues.Any(v => v.CaseId == caseId && v.FieldId == f.Id)).Select(f => f.Label).ToListAsync(ct);
}
