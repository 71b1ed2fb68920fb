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
            await Customers(db).StageAsync(id, add, remove, values, ct);
        }
        else
        {
            await Organisations(db).StageAsync(id, add, remove, values, ct);
        }
        await db.SaveChangesAsync(ct);
        return await ReadAsync(db, kind, id, ct);
    }

    public static async Task<Profile> ReadAsync(GuichetDb db, ProfileKind kind, long id, CancellationToken ct) =>
        (await ReadManyAsync(db, kind, [id], ct))[id];

    /// <summary>Several owners' profiles in two queries, for lists and the case page.</summary>
    public static Task<IReadOnlyDictionary<long, Profile>> ReadManyAsync(GuichetDb db, ProfileKind kind, IReadOnlyCollection<long> ids, CancellationToken ct) =>
        kind == ProfileKind.Customer ? Customers(db).ReadAsync(db, ids, ct) : Organisations(db).ReadAsync(db, ids, ct);

    private static ProfileRows<CustomerTag, CustomerFieldValue> Customers(GuichetDb db) => new(
        db.CustomerTags, db.CustomerFieldValues,
        ids => t => ids.Contains(t.CustomerId), ids => v => ids.Contains(v.CustomerId),
        (owner, name) => new CustomerTag { CustomerId = owner, Name = name },
        (owner, field, value) => new CustomerFieldValue { CustomerId = owner, FieldId = field, Value = value });

    private static ProfileRows<OrganisationTag, OrganisationFieldValue> Organisations(GuichetDb db) => new(
        db.OrganisationTags, db.OrganisationFieldValues,
        ids => t => ids.Contains(t.OrganisationId), ids => v => ids.Contains(v.OrganisationId),
        (owner, name) => new OrganisationTag { OrganisationId = owner, Name = name },
        (owner, field, value) => new OrganisationFieldValue { OrganisationId = owner, FieldId = field, Value = value });

    private async Task<bool> ExistsAsync(ProfileKind kind, long id, Agent actor, CancellationToken ct) => kind == ProfileKind.Customer
        ? await db.Customers.AnyAsync(c => c.Id == id && c.ErasedAt == null, ct) && await db.SeesCustomerAsync(actor, id, ct)
        : await db.Organisations.AnyAsync(o => o.Id == id, ct);
}
