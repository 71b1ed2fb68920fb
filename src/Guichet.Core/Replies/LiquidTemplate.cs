using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using DotLiquid;
using DotLiquid.Exceptions;

namespace Guichet.Core.Replies;

/// <summary>What a template printed, and the fields it printed empty (SPEC Q1).</summary>
public sealed record RenderedTemplate(string Text, IReadOnlyList<string> EmptyFields);

/// <summary>
/// Liquid through DotLiquid (decision 0015). Every <c>{{ … }}</c> output is given one last filter
/// that records the fields printed empty, after the template's own filters, so a <c>default:</c>
/// or an untaken <c>{% if %}</c> branch does not count.
/// </summary>
public static partial class LiquidTemplate
{
    private const string FieldRegister = "guichet.emptyFields";
    private const string MarkRegister = "guichet.markEmpty";
    private static readonly ConcurrentDictionary<string, Parsed> Cache = new(StringComparer.Ordinal);

    private sealed record Parsed(Template Template, IReadOnlyList<string> Expressions);

    /// <summary>The parse error in plain words, or null when the text is valid Liquid.</summary>
    public static string? SyntaxError(string source)
    {
        try
        {
            Parse(source);
            return null;
        }
        catch (LiquidException e)
        {
            return e.Message.Replace("Liquid syntax error: ", "", StringComparison.Ordinal);
        }
    }

    /// <param name="markEmpty">
    /// For a draft the agent will edit: an empty field is printed as its <c>{{ expression }}</c>,
    /// so the gap is visible in the editor and the guard still sees it if it is sent as is.
    /// </param>
    public static RenderedTemplate Render(string source, IDictionary<string, object?> model, bool markEmpty = false)
    {
        var parsed = Parse(source);
        var empty = new List<int>();
        var context = Reset(Hash.FromDictionary(model!));
        context.Registers[FieldRegister] = empty;
        context.Registers[MarkRegister] = markEmpty ? parsed.Expressions : null;
        var text = parsed.Template.Render(new RenderParameters(CultureInfo.InvariantCulture) { Context = context });
        var fields = empty.Select(i => parsed.Expressions[i]).Distinct(StringComparer.Ordinal).ToList();
        return new(text, fields);
    }

    // A context costs more to make than a short template costs to render (DotLiquid reflects over
    // every filter for each one), so each thread keeps one and empties it before every render.
    [ThreadStatic]
    private static Context? reusable;

    private static Context Reset(Hash model)
    {
        if (reusable is null)
        {
            reusable = new Context([], new Hash(), new Hash(), ErrorsOutputMode.Suppress, maxIterations: 1000, CultureInfo.InvariantCulture, CancellationToken.None);
            reusable.AddFilters([typeof(FieldFilter)]);
        }
        reusable.Environments.Clear();
        reusable.Environments.Add(model);
        reusable.Scopes.Clear();
        reusable.Scopes.Add(new Hash());
        reusable.Registers.Clear();
        reusable.Errors.Clear();
        return reusable;
    }

    private static Parsed Parse(string source)
    {
        if (Cache.TryGetValue(source, out var cached))
        {
            return cached;
        }
        var expressions = new List<string>();
        var marked = Output().Replace(source, m =>
        {
            // Written as "a|b" or "a | b", a field is named one way.
            expressions.Add(string.Join(" | ", m.Groups["expr"].Value.Split('|', StringSplitOptions.TrimEntries)));
            return $"{{{{{m.Groups["l"].Value}{m.Groups["expr"].Value} | guichet_field: {expressions.Count - 1} {m.Groups["r"].Value}}}}}";
        });
        var template = Template.Parse(marked);
        template.MakeThreadSafe();
        var parsed = new Parsed(template, expressions);
        if (Cache.Count > 2000)
        {
            Cache.Clear();
        }
        Cache[source] = parsed;
        return parsed;
    }

    public static class FieldFilter
    {
        public static object? GuichetField(Context context, object? input, object index)
        {
            if (input is null || (input is string s && string.IsNullOrWhiteSpace(s)))
            {
                var field = Convert.ToInt32(index, CultureInfo.InvariantCulture);
                if (context.Registers[FieldRegister] is List<int> empty)
                {
                    empty.Add(field);
                }
                if (context.Registers[MarkRegister] is IReadOnlyList<string> expressions)
                {
                    return $"{{{{ {expressions[field]} }}}}";
                }
            }
            return input;
        }
    }

    [GeneratedRegex(@"\{\{(?<l>-?)(?<expr>(?:(?!-?\}\}).)*)(?<r>-?)\}\}", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Output();
}
