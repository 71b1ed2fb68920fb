using Guichet.Core;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Hosting.Web;

/// <summary>
/// One order of a list, and its cursor (issue 25): <c>after=</c> names the last row a client saw by
/// the values of its order's keys, so the next page starts right after it however many rows were
/// added or removed before it (stable under inserts, where page numbers shift), and reads from the
/// order's index instead of skipping every earlier row. The cursor is opaque to clients: base64url
/// of the order's name and the key values. Keys end with a unique one (the id), so no two rows tie.
/// <para>A nullable key is preceded by its own "is null" key, so nulls are one group and the
/// comparisons inside the group never meet a null.</para>
/// </summary>
public sealed class Keyset<T>(string name, params (Expression<Func<T, object?>> Key, bool Descending)[] keys) where T : class
{
    private static readonly MethodInfo Compare = typeof(string).GetMethod(nameof(string.CompareOrdinal), [typeof(string), typeof(string)])!;
    private readonly ParameterExpression row = Expression.Parameter(typeof(T), "row");
    private readonly Func<T, object?>[] read = keys.Select(k => k.Key.Compile()).ToArray();

    public string Name => name;

    /// <summary>Reads the <c>after</c> parameter, if given: the key values of the last row seen.</summary>
    public object?[]? Read(QueryParams query)
    {
        if (query.Text("after") is not { } text)
        {
            return null;
        }
        if (query.Text("page") is not null)
        {
            query.Errors.Add("after", "Give page or after, not both: after continues from the 'next' cursor of the previous answer.");
            return null;
        }
        return Decode(text, query.Errors);
    }

    /// <summary>A cursor's key values, or null with the reason named under "after".</summary>
    public object?[]? Decode(string text, ValidationErrors errors)
    {
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            using var json = JsonDocument.Parse(Convert.FromBase64String(padded));
            var values = json.RootElement.GetProperty("k");
            if (json.RootElement.GetProperty("o").GetString() != name || values.GetArrayLength() != keys.Length)
            {
                errors.Add("after", "This cursor belongs to another list or order; follow the 'next' cursor of this list's answers.");
                return null;
            }
            return values.EnumerateArray().Select((v, i) => v.Deserialize(TypeOf(i))).ToArray();
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException or NotSupportedException)
        {
            errors.Add("after", "This is not a cursor of Guichet's; use the 'next' value of a list's answer as it is.");
            return null;
        }
    }

    /// <summary>The rows of one page in this order: after the cursor when there is one, else by page number.</summary>
    public IQueryable<T> Page(IQueryable<T> source, object?[]? after, int page, int pageSize)
    {
        if (after is not null)
        {
            source = source.Where(After(after));
        }
        var ordered = Order(source);
        return (after is null ? ordered.Skip((page - 1) * pageSize) : ordered).Take(pageSize);
    }

    /// <summary>The cursor that continues after <paramref name="last"/>, or null when the page was not full (nothing follows).</summary>
    public string? Next(T? last, int count, int pageSize) =>
        last is null || count < pageSize ? null : CursorAfter(last);

    /// <summary>The cursor that continues after <paramref name="last"/>.</summary>
    public string CursorAfter(T last) => Cursor(read.Select(r => r(last)).ToArray());

    /// <summary>A cursor from key values: where a list starts from a time rather than a row.</summary>
    public string CursorOf(params object?[] values) => Cursor(values);

    /// <summary>The cursor after the row <paramref name="lastRow"/> selects, for lists read as projections rather than rows.</summary>
    public async Task<string?> NextAsync(IQueryable<T> lastRow, int count, int pageSize, CancellationToken ct)
    {
        if (count < pageSize)
        {
            return null;
        }
        var last = await lastRow.AsNoTracking().FirstOrDefaultAsync(ct);
        return Next(last, count, pageSize);
    }

    public IOrderedQueryable<T> Order(IQueryable<T> source)
    {
        IOrderedQueryable<T>? ordered = null;
        foreach (var (key, descending) in keys)
        {
            var body = Unwrapped(key);
            var lambda = Expression.Lambda(body, row);
            var method = (ordered is null, descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            var call = Expression.Call(typeof(Queryable), method, [typeof(T), body.Type], (ordered ?? source).Expression, Expression.Quote(lambda));
            ordered = (IOrderedQueryable<T>)source.Provider.CreateQuery<T>(call);
        }
        return ordered!;
    }

    private Expression<Func<T, bool>> After(object?[] values)
    {
        // (k1 > v1) or (k1 = v1 and k2 > v2) or … with > as < for a descending key.
        Expression? any = null;
        Expression? equalSoFar = null;
        for (var i = 0; i < keys.Length; i++)
        {
            var body = Unwrapped(keys[i].Key);
            var value = Parameter(values[i], body.Type);
            var beyond = Beyond(body, value, values[i], keys[i].Descending);
            var step = equalSoFar is null ? beyond : Expression.AndAlso(equalSoFar, beyond);
            any = any is null ? step : Expression.OrElse(any, step);
            var equal = Expression.Equal(body, value);
            equalSoFar = equalSoFar is null ? equal : Expression.AndAlso(equalSoFar, equal);
        }
        return Expression.Lambda<Func<T, bool>>(any!, row);
    }

    private static Expression Beyond(Expression key, Expression value, object? given, bool descending)
    {
        if (given is null)
        {
            // Inside the group of nulls (its "is null" key came first): no row is beyond on this key.
            return Expression.Constant(false);
        }
        var type = Nullable.GetUnderlyingType(key.Type) ?? key.Type;
        if (type == typeof(bool))
        {
            // false before true: beyond false is true, beyond true is nothing (reversed when descending).
            return (bool)given == descending ? Expression.Constant(false) : Expression.Equal(key, Expression.Constant(!descending, key.Type));
        }
        if (type == typeof(string))
        {
            var compared = Expression.Call(Compare, key, value);
            return descending ? Expression.LessThan(compared, Expression.Constant(0)) : Expression.GreaterThan(compared, Expression.Constant(0));
        }
        if (type.IsEnum)
        {
            var number = key.Type == type ? typeof(int) : typeof(int?);
            key = Expression.Convert(key, number);
            value = Expression.Convert(value, number);
        }
        return descending ? Expression.LessThan(key, value) : Expression.GreaterThan(key, value);
    }

    // A member of a captured object, not a constant: EF sends a parameter and keeps one plan.
    private static MemberExpression Parameter(object? value, Type type)
    {
        var box = Activator.CreateInstance(typeof(KeyValue<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(box), nameof(KeyValue<object>.Value));
    }

    private Expression Unwrapped(Expression<Func<T, object?>> key)
    {
        var body = key.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : key.Body;
        return new Rebind(key.Parameters[0], row).Visit(body);
    }

    private Type TypeOf(int i) => Unwrapped(keys[i].Key).Type;

    private string Cursor(object?[] values)
    {
        var typed = values.Select((v, i) => v is null ? (object?)null : JsonSerializer.SerializeToElement(v, TypeOf(i))).ToArray();
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new { o = name, k = typed });
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

/// <summary>A cursor's key value held where EF Core reads it as a query parameter.</summary>
file sealed class KeyValue<TValue>(TValue value)
{
    public TValue Value { get; } = value;
}
