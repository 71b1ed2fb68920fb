using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Hosting.Web;

/// <summary>
/// A form field left empty for an optional number, date or flag means "none" (issue 24): a
/// "— nobody —" option of a select, an empty number box. The framework refuses to bind "" to a
/// nullable value and answered a bodiless 400, so transferring a case to a team failed whenever
/// the person list was left on its empty choice. Before any workspace form reaches its handler,
/// such empty fields are dropped, for every handler at once; text fields keep their empty value.
/// </summary>
public static class EmptyFormChoices
{
    private static readonly ConcurrentDictionary<Endpoint, HashSet<string>> Optional = new();

    public static void UseEmptyFormChoices(this WebApplication app) => app.Use(async (http, next) =>
    {
        // A post without a valid antiforgery token is refused by its handler's check, form unread (even asking its type throws).
        if (http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: false } && http.Request.HasFormContentType
            && http.GetEndpoint() is { } endpoint && OptionalValues(endpoint) is { Count: > 0 } names)
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            if (names.Any(n => form.TryGetValue(n, out var v) && string.IsNullOrWhiteSpace(v)))
            {
                var kept = form.Where(f => !(names.Contains(f.Key) && string.IsNullOrWhiteSpace(f.Value))).ToDictionary(f => f.Key, f => f.Value, StringComparer.OrdinalIgnoreCase);
                http.Request.Form = new FormCollection(kept, form.Files);
            }
        }
        await next(http);
    });

    /// <summary>The handler's form fields that are nullable values (long?, decimal?, bool?…), by name.</summary>
    private static HashSet<string> OptionalValues(Endpoint endpoint) => Optional.GetOrAdd(endpoint, e =>
        e.Metadata.GetMetadata<MethodInfo>() is { } handler
            ? handler.GetParameters()
                .Where(p => p.GetCustomAttribute<FromFormAttribute>() is not null && Nullable.GetUnderlyingType(p.ParameterType) is not null)
                .Select(p => p.GetCustomAttribute<FromFormAttribute>()!.Name ?? p.Name!)
                .ToHashSet(StringComparer.OrdinalIgnoreCase)
            : []);
}
