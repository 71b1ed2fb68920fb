using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;

namespace Guichet.Core.Replies;

/// <summary>
/// What a template printed, and the fields it printed empty (SPEC Q1). <see cref="Refused"/> says
/// why it printed nothing: the template went past the bounds every template is held to.
/// </summary>
public sealed record RenderedTemplate(string Text, IReadOnlyList<string> EmptyFields, string? Refused = null);

/// <summary>
/// Liquid through Fluid (decisions 0015, 0028). Every <c>{{ … }}</c> output is given one last filter
/// that records the fields printed empty, after the template's own filters, so a <c>default:</c>
/// or an untaken <c>{% if %}</c> branch does not count. Every render is bounded (steps, output,
/// recursion): a template that would run away is refused, never left to block a request.
/// </summary>
public static partial class LiquidTemplate
{
    /// <summary>Statements a render may execute: a reply with a few loops over its fields uses a few hundred.</summary>
    public const int MaxSteps = 20_000;
    /// <summary>Characters a render may write: a long reply is a few thousand.</summary>
    public const int MaxOutputSize = 100_000;
    public const int MaxRecursion = 20;

    private const string FieldRegister = "guichet.emptyFields";
    private const string MarkRegister = "guichet.markEmpty";
    private static readonly ConcurrentDictionary<string, Parsed> Cache = new(StringComparer.Ordinal);
    private static readonly FluidParser Parser = new(new FluidParserOptions { MaxRecursionDepth = 50 });
    private static readonly TemplateOptions Options = new TemplateOptionsBuilder()
        .WithMaxSteps(MaxSteps)
        .WithMaxOutputSize(MaxOutputSize)
        .WithMaxRecursion(MaxRecursion)
        .WithCultureInfo(CultureInfo.InvariantCulture)
        .AddFilter("guichet_field", MarkField)
        .Build();

    private sealed record Parsed(IFluidTemplate? Template, string? Error, IReadOnlyList<string> Expressions);

    /// <summary>The parse error in plain words, or null when the text is valid Liquid.</summary>
    public static string? SyntaxError(string source) => Parse(source).Error;

    /// <summary>
    /// Why this template cannot be used, or null: invalid Liquid, or past the bounds when rendered
    /// on <paramref name="sample"/> (Guichet's fields are short texts, so a sample renders as a real case does).
    /// </summary>
    public static string? Problem(string source, IDictionary<string, object?> sample) =>
        SyntaxError(source) ?? Render(source, sample).Refused;

    /// <param name="markEmpty">
    /// For a draft the agent will edit: an empty field is printed as its <c>{{ expression }}</c>,
    /// so the gap is visible in the editor and the guard still sees it if it is sent as is.
    /// </param>
    public static RenderedTemplate Render(string source, IDictionary<string, object?> model, bool markEmpty = false)
    {
        var parsed = Parse(source);
        if (parsed.Template is null)
        {
            return new("", [], parsed.Error);
        }
        var empty = new List<int>();
        var context = new TemplateContext(model, Options);
        context.AmbientValues[FieldRegister] = empty;
        if (markEmpty)
        {
            context.AmbientValues[MarkRegister] = parsed.Expressions;
        }
        try
        {
            var text = parsed.Template.Render(context);
            return new(text, empty.Select(i => parsed.Expressions[i]).Distinct(StringComparer.Ordinal).ToList());
        }
        catch (InvalidOperationException e)
        {
            // Fluid's bounds: too many steps, too much output, too deep.
            return new("", [], $"The template goes past what a reply may take ({e.Message.TrimEnd('.')}): remove the loops that repeat it.");
        }
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
        var parsed = Parser.TryParse(marked, out var template, out var error)
            ? new Parsed(template, null, expressions)
            : new Parsed(null, error.Replace(" | guichet_field", "", StringComparison.Ordinal), expressions);
        if (Cache.Count > 2000)
        {
            Cache.Clear();
        }
        Cache[source] = parsed;
        return parsed;
    }

    private static ValueTask<FluidValue> MarkField(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (input.Type == FluidValues.Nil || (input is StringValue && string.IsNullOrWhiteSpace(input.ToStringValue(context))))
        {
            var field = (int)arguments.At(0).ToNumberValue(context);
            if (context.AmbientValues.TryGetValue(FieldRegister, out var registered) && registered is List<int> empty)
            {
                empty.Add(field);
            }
            if (context.AmbientValues.TryGetValue(MarkRegister, out var mark) && mark is IReadOnlyList<string> expressions)
            {
                return new(StringValue.Create($"{{{{ {expressions[field]} }}}}"));
            }
        }
        return new(input);
    }

    [GeneratedRegex(@"\{\{(?<l>-?)(?<expr>(?:(?!-?\}\}).)*)(?<r>-?)\}\}", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Output();
}
