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
    private readonly Dictionary<Type, IReadOnlyList<INavigation>> collections = [];

    /// <summary>Inserts the rows the entity's collections hold that are not stored yet (key unset), with their foreign key to it.</summary>
    public async Task InsertDependentsAsync(object principal, CancellationToken ct)
    {
        foreach (var navigation in Collections(principal.GetType()))
        {
            if (navigation.GetGetter().GetClrValue(principal) is not IEnumerable items)
            {
                continue;
            }
            var foreignKey = navigation.ForeignKey.Properties[0];
            var value = navigation.ForeignKey.PrincipalKey.Properties[0].GetGetter().GetClrValue(principal);
            foreach (var item in items.Cast<object>().ToList())
            {
                var type = db.Model.FindEntityType(item.GetType())!;
                if (!type.FindPrimaryKey()!.Properties[0].GetGetter().HasSentinelValue(item))
                {
                    continue;
                }
                await InsertAsync(item.GetType(), item, [(foreignKey.Name, value)], ct);
                Assign(foreignKey, item, value);
                await InsertDependentsAsync(item, ct);
            }
        }
    }

    private IReadOnlyList<INavigation> Collections(Type clr)
    {
        if (!collections.TryGetValue(clr, out var found))
        {
            var navigations = db.Model.FindEntityType(clr)!.GetNavigations().Where(n => n.IsCollection && !n.IsOnDependent && n.ForeignKey.Properties.Count == 1).ToList();
            // Principals first: a navigation whose rows point at another's rows comes after it.
            found = navigations.OrderBy(n => navigations.Count(other => other != n && PointsAt(n.TargetEntityType, other.TargetEntityType))).ToList();
            collections[clr] = found;
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
