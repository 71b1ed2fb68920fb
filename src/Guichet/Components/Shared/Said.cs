using Guichet.Core;
using Microsoft.Extensions.Localization;

namespace Guichet.Components.Shared;

/// <summary>A refusal's sentences in the reader's language (decision 0032), for every page and form that shows one.</summary>
public static class Said
{
    /// <summary>Every sentence of the refusal; null when it has none or one has no resource (the page shows the errors instead, never half of each).</summary>
    public static IReadOnlyList<string>? Of(Failure failure, IStringLocalizer<SharedWords> words) =>
        failure.Sayings.Count > 0 && failure.Sayings.All(s => !words[s.Key].ResourceNotFound)
            ? [.. failure.Sayings.Select(s => Sentence(s, words))]
            : null;

    /// <summary>One sentence; the languages a guard reason names are named in the reader's language too.</summary>
    public static string Sentence(Saying saying, IStringLocalizer<SharedWords> words) =>
        words[saying.Key, [.. saying.Args.Select(a => saying.Key == "guard.Q3.language" ? words["lang." + a].Value : a)]];
}
