namespace Guichet.Core.Knowledge;

public enum ArticleStatus
{
    Draft,
    Published,
}

/// <summary>
/// One answer the whole company gives the same way (SPEC K1): Markdown, in one language, shared by
/// every team and channel. Published articles are suggested beside cases; public ones are also
/// on the customers' help pages. Recurring problems become articles (<see cref="SourceCaseId"/>).
/// </summary>
public sealed class Article
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 100_000;

    public long Id { get; private set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public required string Language { get; set; }
    public ArticleStatus Status { get; set; } = ArticleStatus.Draft;
    /// <summary>Shown to customers on the portal's help pages (only once published).</summary>
    public bool IsPublic { get; set; }
    /// <summary>Lowercase tags separated by commas, e.g. "colis,relais".</summary>
    public string Tags { get; set; } = "";
    /// <summary>The case it was written from, when it was.</summary>
    public long? SourceCaseId { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    public IReadOnlyList<string> TagList => Tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string NormaliseTags(IEnumerable<string>? tags) =>
        string.Join(",", (tags ?? []).Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0 && !t.Contains(',', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Take(20));
}
