using System.Collections;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Guichet.Core.Data;

/// <summary>
/// What an entity's collections hold, written as the EF model says, the way EF Core's change
/// tracker would: every collection navigation of the entity's type (a case's promises, messages,
/// events, and whatever the model gives it later), principals before the rows that point at them
/// (a case's promises before the messages that cite them), then each row's own collections. So
/// the intake never lists by hand what a case is made of (issue 22).
/// </summary>
public sealed partial class ModelRows
{
    /// <summary>One collection of a type, read once from the model: how to get its rows and the key they point at.</summary>
    private sealed record Dependents(IClrPropertyGetter Items, IProperty ForeignKey, IClrPropertyGetter PrincipalKey);

    /// <summary>How to tell a row of a type is not stored yet: its key still has the default value.</summary>
    private readonly Dictionary<Type, (IReadOnlyList<Dependents> Collections, IClrPropertyGetter Key)> graph = [];

    /// <summary>Inserts the rows the entity's collections hold that are not stored yet (key unset), with their foreign key to it.</summary>
    public async Task InsertDependentsAsync(object principal, CancellationToken ct)
    {
        foreach (var dependents in Graph(principal.GetType()).Collections)
        {
            if (dependents.Items.GetClrValue(principal) is not IEnumerable items || items is ICollection { Count: 0 })
            {
                continue;
            }
            var value = dependents.PrincipalKey.GetClrValue(principal);
            // A copy: inserting a row may add to the collection being walked.
            foreach (var item in items.Cast<object>().ToArray())
            {
                if (!Graph(item.GetType()).Key.HasSentinelValue(item))
                {
                    continue;
                }
                await InsertAsync(item.GetType(), item, [(dependents.ForeignKey.Name, value)], ct);
                Assign(dependents.ForeignKey, item, value);
                await InsertDependentsAsync(item, ct);
            }
        }
    }

    private (IReadOnlyList<Dependents> Collections, IClrPropertyGetter Key) Graph(Type clr)
    {
        if (!graph.TryGetValue(clr, out var found))
        {
            var type = db.Model.FindEntityType(clr) ?? throw new InvalidOperationException($"{clr.Name} is not mapped.");
            var navigations = type.GetNavigations().Where(n => n.IsCollection && !n.IsOnDependent && n.ForeignKey.Properties.Count == 1).ToList();
            // Principals first: a navigation whose rows point at another's rows comes after it.
            var ordered = navigations.OrderBy(n => navigations.Count(other => other != n && PointsAt(n.TargetEntityType, other.TargetEntityType)))
                .Select(n => new Dependents(n.GetGetter(), n.ForeignKey.Properties[0], n.ForeignKey.PrincipalKey.Properties[0].GetGetter()))
                .ToList();
            found = (ordered, type.FindPrimaryKey()!.Properties[0].GetGetter());
            graph[clr] = found;
        }
        return found;
    }

    private static bool PointsAt(IEntityType dependent, IEntityType principal) =>
        dependent.GetForeignKeys().Any(fk => fk.PrincipalEntityType == principal);

    private static void Assign(IProperty property, object entity, object? value)
    {
        if (property.PropertyInfo is { } info && info.GetSetMethod(nonPublic: true) is not null)
        {
            info.SetValue(entity, value);
        }
        else
        {
            property.FieldInfo?.SetValue(entity, value);
        }
    }
}
