namespace Guichet.Features.Routing;

/// <summary>Names the words of Routing's pages: RoutingWords.resx (French) and RoutingWords.en.resx (English), read through IStringLocalizer&lt;RoutingWords&gt;.</summary>
public sealed class RoutingWords;
