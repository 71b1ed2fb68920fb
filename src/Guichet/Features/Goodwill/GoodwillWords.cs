namespace Guichet.Features.Goodwill;

/// <summary>Names the words of Goodwill's pages: GoodwillWords.resx (French) and GoodwillWords.en.resx (English), read through IStringLocalizer&lt;GoodwillWords&gt;.</summary>
public sealed class GoodwillWords;
