using System.Linq.Expressions;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Customers;

/// <summary>A tag row on a customer or an organisation.</summary>
public interface IProfileTag
{
    long OwnerId { get; }
    string Name { get; }
}

/// <summary>A custom field value on a customer or an organisation.</summary>
public interface IProfileValue
{
    long OwnerId { get; }
    long FieldId { get; }
    string Value { get; set; }
}

/// <summary>
/// Where one kind of profile keeps its tags and values: the two tables and how a row names its
/// owner. Customers and organisations differ only in these, so <see cref="EditProfile"/> reads and
/// writes both through one path.
/// </summary>
internal sealed record ProfileRows<TTag, TValue>(
    DbSet<TTag> Tags,
    DbSet<TValue> Values,
    Func<IReadOnlyCollection<long>, Expression<Func<TTag, bool>>> TagsOf,
    Func<IReadOnlyCollection<long>, Expression<Func<TValue, bool>>> ValuesOf,
    Func<long, string, TTag> NewTag,
    Func<long, long, string, TValue> NewValue)
    where TTag : class, IProfileTag
    where TValue : class, IProfileValue
{
    public async Task<IReadOnlyDictionary<long, Profile>> ReadAsync(GuichetDb db, IReadOnlyCollection<long> owners, CancellationToken ct)
    {
        var tags = (await Tags.AsNoTracking().Where(TagsOf(owners)).ToListAsync(ct)).ToLookup(t => t.OwnerId, t => t.Name);
        var values = await Values.AsNoTracking().Where(ValuesOf(owners)).ToListAsync(ct);
        var fieldIds = values.Select(v => v.FieldId).Distinct().ToList();
        var keys = await db.FieldDefinitions.AsNoTracking().Where(f => fieldIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Key, ct);
        var byOwner = values.ToLookup(v => v.OwnerId);
        return owners.Distinct().ToDictionary(id => id, id => new Profile(
            tags[id].Order(StringComparer.Ordinal).ToList(),
            byOwner[id].ToDictionary(v => keys[v.FieldId], v => v.Value)));
    }

    /// <summary>Stages the change on the context; the caller saves.</summary>
    public async Task StageAsync(long owner, IEnumerable<string> add, IReadOnlyCollection<string> remove, IReadOnlyDictionary<long, string?> values, CancellationToken ct)
    {
        var one = new[] { owner };
        var held = await Tags.Where(TagsOf(one)).ToListAsync(ct);
        Tags.AddRange(add.Except(held.Select(t => t.Name)).Select(name => NewTag(owner, name)));
        Tags.RemoveRange(held.Where(t => remove.Contains(t.Name)));
        var current = await Values.Where(ValuesOf(one)).ToDictionaryAsync(v => v.FieldId, ct);
        foreach (var (fieldId, value) in values)
        {
            current.TryGetValue(fieldId, out var row);
            if (value is null)
            {
                if (row is not null)
                {
                    Values.Remove(row);
                }
            }
            else if (row is null)
            {
                Values.Add(NewValue(owner, fieldId, value));
            }
            else
            {
                row.Value = value;
            }
        }
    }
}
