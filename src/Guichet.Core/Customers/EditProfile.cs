using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Cases.Fields;
using Guichet.Core.Cases.Tags;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Customers;

/// <summary>Tags to add or take off, and custom fields to fill or clear (an empty value clears), by key.</summary>
public sealed record ProfileRequest(IReadOnlyList<string>? Add = null, IReadOnlyList<string>? Remove = null, IReadOnlyDictionary<string, string?>? CustomFields = null);

/// <summary>A customer's or organisation's tags and custom fields.</summary>
public sealed record Profile(IReadOnlyList<string> Tags, IReadOnlyDictionary<string, string> CustomFields);

/// <summary>
/// Tags and custom fields on customers and organisations (W5, W12), checked as on a case: tags
/// written as <see cref="TagName"/> writes them, each value as its field's type reads it. A
/// customer is changed only by someone who sees one of their cases (issue 21).
/// </summary>
public sealed class EditProfile(GuichetDb db)
{
    public async Task<Result<Profile>> RunAsync(ProfileKind kind, long id, ProfileRequest request, Agent actor, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var add = TagCase.Names(request.Add, "add", errors);
        var remove = TagCase.Names(request.Remove, "remove", errors);
        var on = kind == ProfileKind.Customer ? FieldObject.Customer : FieldObject.Organisation;
        var fields = await db.FieldDefinitions.AsNoTracking().Where(f => f.AppliesTo == on).ToDictionaryAsync(f => f.Key, ct);
        var values = new Dictionary<long, string?>();
        foreach (var (key, text) in request.CustomFields ?? new Dictionary<string, string?>())
        {
            if (!fields.TryGetValue(key, out var field))
            {
                errors.Add($"customFields.{key}", $"There is no {on.ToWire()} field '{key}'.");
            }
            else if (string.IsNullOrWhiteSpace(text))
            {
                values[field.Id] = null;
            }
            else if (text.Length > SetCaseFields.MaxValueLength)
            {
                errors.Add($"customFields.{key}", $"A value is at most {SetCaseFields.MaxValueLength} characters.");
            }
            else if (FieldText.TryNormalise(field, text, out var value, out var problem))
            {
                values[field.Id] = value;
            }
            else
            {
                errors.Add($"customFields.{key}", problem!);
            }
        }
        if (add.Count + remove.Count + values.Count == 0 && !errors.Any)
        {
            errors.Add("add", "Give tags to add or remove, or fields to set.");
        }
        if (errors.Any)
        {
            return errors;
        }
        if (!await ExistsAsync(kind, id, actor, ct))
        {
            return Failure.NotFound("id", kind == ProfileKind.Customer ? $"There is no customer {id} you may see." : $"There is no organisation {id}.");
        }
        var profile = await ReadAsync(db, kind, id, ct);
        if (profile.Tags.Union(add).Except(remove).Count() > TagCase.MaxTags)
        {
            return Failure.Invalid("add", $"At most {TagCase.MaxTags} tags.");
        }
        if (kind == ProfileKind.Customer)
        {
            // Tracked, so that its change time moves with its tags and fields (CustomerStamps).
            await db.Customers.FirstAsync(c => c.Id == id, ct);
            db.CustomerTags.AddRange(add.Except(profile.Tags).Select(name => new CustomerTag { CustomerId = id, Name = name }));
            db.CustomerTags.RemoveRange(await db.CustomerTags.Where(t => t.CustomerId == id && remove.Contains(t.Name)).ToListAsync(ct));
            var held = await db.CustomerFieldValues.Where(v => v.CustomerId == id).ToDictionaryAsync(v => v.FieldId, ct);
            foreach (var (fieldId, value) in values)
            {
                held.TryGetValue(fieldId, out var current);
                if (value is null && current is not null)
                {
                    db.CustomerFieldValues.Remove(current);
                }
                else if (value is not null && current is null)
                {
                    db.CustomerFieldValues.Add(new CustomerFieldValue { CustomerId = id, FieldId = fieldId, Value = value });
                }
                else if (value is not null)
                {
                    current!.Value = value;
                }
            }
        }
        else
        {
            db.OrganisationTags.AddRange(add.Except(profile.Tags).Select(name => new OrganisationTag { OrganisationId = id, Name = name }));
            db.OrganisationTags.RemoveRange(await db.OrganisationTags.Where(t => t.OrganisationId == id && remove.Contains(t.Name)).ToListAsync(ct));
            var held = await db.OrganisationFieldValues.Where(v => v.OrganisationId == id).ToDictionaryAsync(v => v.FieldId, ct);
            foreach (var (fieldId, value) in values)
            {
                held.TryGetValue(fieldId, out var current);
                if (value is null && current is not null)
                {
                    db.OrganisationFieldValues.Remove(current);
                }
                else if (value is not null && current is null)
                {
                    db.OrganisationFieldValues.Add(new OrganisationFieldValue { OrganisationId = id, FieldId = fieldId, Value = value });
                }
                else if (value is not null)
                {
                    current!.Value = value;
                }
            }
        }
        await db.SaveChangesAsync(ct);
        return await ReadAsync(db, kind, id, ct);
    }

    public static async Task<Profile> ReadAsync(GuichetDb db, ProfileKind kind, long id, CancellationToken ct)
    {
        if (kind == ProfileKind.Customer)
        {
            var tags = await db.CustomerTags.AsNoTracking().Where(t => t.CustomerId == id).Select(t => t.Name).OrderBy(n => n).ToListAsync(ct);
            var fields = await db.CustomerFieldValues.AsNoTracking().Where(v => v.CustomerId == id)
                .Join(db.FieldDefinitions, v => v.FieldId, f => f.Id, (v, f) => new { f.Key, v.Value }).ToDictionaryAsync(x => x.Key, x => x.Value, ct);
            return new Profile(tags, fields);
        }
        var orgTags = await db.OrganisationTags.AsNoTracking().Where(t => t.OrganisationId == id).Select(t => t.Name).OrderBy(n => n).ToListAsync(ct);
        var orgFields = await db.OrganisationFieldValues.AsNoTracking().Where(v => v.OrganisationId == id)
            .Join(db.FieldDefinitions, v => v.FieldId, f => f.Id, (v, f) => new { f.Key, v.Value }).ToDictionaryAsync(x => x.Key, x => x.Value, ct);
        return new Profile(orgTags, orgFields);
    }

    private async Task<bool> ExistsAsync(ProfileKind kind, long id, Agent actor, CancellationToken ct) => kind == ProfileKind.Customer
        ? await db.Customers.AnyAsync(c => c.Id == id && c.ErasedAt == null, ct) && await db.SeesCustomerAsync(actor, id, ct)
        : await db.Organisations.AnyAsync(o => o.Id == id, ct);
}
