namespace Guichet.Features.Metrics;

/// <summary>Names the words of Metrics's pages: MetricsWords.resx (French) and MetricsWords.en.resx (English), read through IStringLocalizer&lt;MetricsWords&gt;.</summary>
public sealed class MetricsWords;
