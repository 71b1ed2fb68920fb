using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases.Fields;

/// <summary>POST /api/fields (admins): a custom field on cases; key (a-z, 0-9, dashes), label, type, choices for a list, required.</summary>
public sealed record FieldRequest(string? Key, string? Label, string? Type, IReadOnlyList<string>? Options = null, bool Required = false, string? AppliesTo = null);

/// <summary>Admins add, change and remove custom fields (SPEC W5). Removing a field removes its values.</summary>
public sealed class DefineField(GuichetDb db)
{
    public async Task<Result<FieldDefinition>> CreateAsync(FieldRequest request, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var key = request.Key?.Trim().ToLowerInvariant();
        if (key is null || key.Length is 0 or > 64 || !key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            errors.Add("key", "A key is 1 to 64 letters a-z, digits and dashes: it names the field in the API.");
        }
        else if (await db.FieldDefinitions.AnyAsync(f => f.Key == key, ct))
        {
            errors.Add("key", $"There is already a field '{key}'.");
        }
        if (string.IsNullOrWhiteSpace(request.Label) || request.Label.Trim().Length > 100)
        {
            errors.Add("label", "A label of at most 100 characters says what the field is.");
        }
        var type = FieldType.Text;
        if (request.Type is null || !WireNames.TryParseWire(request.Type, out type))
        {
            errors.Add("type", $"'{request.Type}' is not a type: text, number, date, list or yesNo.");
        }
        var on = FieldObject.Case;
        if (request.AppliesTo is not null && !WireNames.TryParseWire(request.AppliesTo, out on))
        {
            errors.Add("appliesTo", $"'{request.AppliesTo}' is not what a field goes on: case, customer or organisation.");
        }
        var options = (request.Options ?? []).Select(o => o.Trim()).Where(o => o.Length > 0).Distinct().ToList();
        if (type == FieldType.List && options.Count == 0)
        {
            errors.Add("options", "A list field needs its choices.");
        }
        if (errors.Any)
        {
            return errors;
        }
        var field = new FieldDefinition
        {
            Key = key!, Label = request.Label!.Trim(), Type = type, AppliesTo = on,
            // Required means "before resolving": a case's business only.
            Required = request.Required && on == FieldObject.Case,
            Options = type == FieldType.List ? string.Join('\n', options) : null,
            Position = (await db.FieldDefinitions.MaxAsync(f => (int?)f.Position, ct) ?? -1) + 1,
        };
        db.FieldDefinitions.Add(field);
        await db.SaveChangesAsync(ct);
        return field;
    }

    public async Task<Result<bool>> DeleteAsync(long id, CancellationToken ct = default)
    {
        var field = await db.FieldDefinitions.FirstOrDefaultAsync(f => f.Id == id, ct);
        if (field is null)
        {
            return Failure.NotFound("id", $"There is no field {id}.");
        }
        db.FieldDefinitions.Remove(field);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
