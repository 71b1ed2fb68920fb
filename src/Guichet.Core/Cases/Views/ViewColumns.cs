using Guichet.Core.Cases.Fields;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases.Views;

/// <summary>
/// The columns a view's list may show (W4), in the order the agent gives them: the case's own,
/// and any case field as "field.&lt;key&gt;".
/// </summary>
public static class ViewColumns
{
    public const int MaxColumns = 14;
    public const string FieldPrefix = "field.";

    public static readonly IReadOnlyList<string> Known =
        ["due", "reference", "subject", "customer", "organisation", "team", "owner", "status", "priority", "channel", "contacts", "created", "updated", "tags"];

    /// <summary>What the inbox shows when a view names none.</summary>
    public static readonly IReadOnlyList<string> Default = ["due", "reference", "subject", "customer", "team", "owner", "status", "contacts"];

    /// <summary>The order a column's header sorts by, where it has one.</summary>
    public static string? SortOf(string column) => column switch
    {
        "due" => "due",
        "created" => "newest",
        "updated" => "updated",
        "priority" => "priority",
        _ => null,
    };

    public static async Task<List<string>> CheckAsync(GuichetDb db, IReadOnlyList<string>? columns, ValidationErrors errors, CancellationToken ct)
    {
        var chosen = (columns ?? []).Select(c => c?.Trim() ?? "").Where(c => c.Length > 0).ToList();
        if (chosen.Count > MaxColumns)
        {
            errors.Add("columns", $"At most {MaxColumns} columns.");
            return [];
        }
        var keys = chosen.Where(c => c.StartsWith(FieldPrefix, StringComparison.Ordinal)).Select(c => c[FieldPrefix.Length..]).ToList();
        var fields = await db.FieldDefinitions.AsNoTracking().Where(f => keys.Contains(f.Key) && f.AppliesTo == FieldObject.Case).Select(f => f.Key).ToListAsync(ct);
        foreach (var column in chosen)
        {
            var known = Known.Contains(column) || (column.StartsWith(FieldPrefix, StringComparison.Ordinal) && fields.Contains(column[FieldPrefix.Length..]));
            if (!known)
            {
                errors.Add("columns", $"'{column}' is not a column: {string.Join(", ", Known)}, or field.<key> of a case field.");
            }
        }
        if (chosen.Distinct(StringComparer.Ordinal).Count() != chosen.Count)
        {
            errors.Add("columns", "A column is named twice.");
        }
        return chosen;
    }
}
