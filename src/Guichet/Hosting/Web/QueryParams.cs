using System.Globalization;
using Guichet.Core;

namespace Guichet.Hosting.Web;

/// <summary>Query string values parsed with errors that name the parameter.</summary>
public sealed class QueryParams(HttpRequest request)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    public ValidationErrors Errors { get; } = new();

    /// <summary>Every parameter whose name starts with <paramref name="prefix"/>, by the rest of its name ("field.order" → "order").</summary>
    public IEnumerable<(string Name, string Value)> Prefixed(string prefix) =>
        request.Query.Where(q => q.Key.StartsWith(prefix, StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(q.Value))
            .Select(q => (q.Key[prefix.Length..], q.Value.ToString().Trim()));

    public string? Text(string name) => request.Query.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString().Trim() : null;

    public int Number(string name, int fallback, int min, int max)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Errors.Add(name, $"'{text}' is not a whole number from {min} to {max}.");
            return fallback;
        }
        return value;
    }

    /// <summary>A record's id, or null when not given.</summary>
    public long? Id(string name)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            Errors.Add(name, $"'{text}' is not an id (a whole number from 1).");
            return null;
        }
        return value;
    }

    public DateTimeOffset? Time(string name)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            Errors.Add(name, $"'{text}' is not an ISO 8601 date and time, for example 2026-12-01T17:00:00+01:00.");
            return null;
        }
        return AcceptedTimes.Check(value, name, Errors) ? value.ToUniversalTime() : null;
    }

    public (int Page, int PageSize) Paging() => (Number("page", 1, 1, 1_000_000), Number("pageSize", DefaultPageSize, 1, MaxPageSize));
}
